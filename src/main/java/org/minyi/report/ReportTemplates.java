package org.minyi.report;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.xml.parsers.DocumentBuilderFactory;
import org.xml.sax.SAXParseException;

/**
 * The HTML template of each report kind: {@code <folder>/<kind>.html} when an operator put one there, else the
 * built-in one ({@code reports/<kind>.html} on the class path). All are checked when loaded, at start-up: well-formed
 * XHTML (the PDF is made from it), only known fields, and the required ones present. A bad template stops the start
 * with the file, line and what is wrong. A template may place a section on its own with its field ({@link #PLACED});
 * sections are numbered in the order the template shows them.
 */
public final class ReportTemplates {

    /**
     * Fields that place one section of a period report on their own, where the template has them; without them the
     * section stays in its place among {@code ${sections}}. {@code satisfaction}: 各部门满意度; {@code blindSpots}:
     * 盲区与变化最大的地区和群体. Empty when the section has nothing to say (and always in a 专报, which has neither).
     */
    public static final Set<String> PLACED = Set.of(SatisfactionSection.FIELD, CoverageSection.FIELD);
    /** The fields a template may use, written {@code ${name}}. */
    public static final Set<String> FIELDS = Set.of("title", "kind", "scope", "period", "generatedAt", "sections",
            "footnotes", SatisfactionSection.FIELD, CoverageSection.FIELD);
    /** Fields every template must have: without them a report would lose its content or its sources. */
    public static final Set<String> REQUIRED = Set.of("sections", "footnotes");

    static final Pattern FIELD = Pattern.compile("\\$\\{([^}]*)}");

    private final Map<ReportKind, String> templates;
    private final Map<ReportKind, String> origins;

    private ReportTemplates(Map<ReportKind, String> templates, Map<ReportKind, String> origins) {
        this.templates = templates;
        this.origins = origins;
    }

    /** Loads and checks the template of every kind; {@code folder} may be null or absent (built-in templates). */
    public static ReportTemplates load(Path folder) {
        Map<ReportKind, String> templates = new EnumMap<>(ReportKind.class);
        Map<ReportKind, String> origins = new EnumMap<>(ReportKind.class);
        for (ReportKind kind : ReportKind.values()) {
            Path custom = folder == null ? null : folder.resolve(kind.key() + ".html");
            String text;
            String origin;
            if (custom != null && Files.isRegularFile(custom)) {
                origin = custom.toString();
                try {
                    text = Files.readString(custom, StandardCharsets.UTF_8);
                } catch (IOException e) {
                    throw new UncheckedIOException("cannot read report template " + custom, e);
                }
            } else {
                origin = "built-in reports/" + kind.key() + ".html";
                text = builtIn(kind);
            }
            check(origin, text);
            templates.put(kind, text);
            origins.put(kind, origin);
        }
        return new ReportTemplates(templates, origins);
    }

    public String template(ReportKind kind) {
        return templates.get(kind);
    }

    /** Where the template of a kind came from (a file or the built-in one), for the start-up log. */
    public String origin(ReportKind kind) {
        return origins.get(kind);
    }

    /** The fields {@code template} uses, in order, outside its comments (where fields are documented, not used). */
    static List<String> fieldsOf(String template) {
        List<String> used = new ArrayList<>();
        Matcher m = FIELD.matcher(withoutComments(template));
        while (m.find()) {
            used.add(m.group(1));
        }
        return used;
    }

    static String withoutComments(String template) {
        return template.replaceAll("(?s)<!--.*?-->", "");
    }

    /** Throws {@link IllegalStateException} naming {@code origin} when the template is not usable. */
    static void check(String origin, String text) {
        Set<String> used = new LinkedHashSet<>();
        Matcher m = FIELD.matcher(withoutComments(text));
        while (m.find()) {
            if (!FIELDS.contains(m.group(1))) {
                throw new IllegalStateException("report template " + origin + ": unknown field ${" + m.group(1)
                        + "}; fields are " + new java.util.TreeSet<>(FIELDS));
            }
            used.add(m.group(1));
        }
        for (String required : REQUIRED) {
            if (!used.contains(required)) {
                throw new IllegalStateException("report template " + origin + ": the field ${" + required
                        + "} is missing; every template must have " + new java.util.TreeSet<>(REQUIRED));
            }
        }
        try {
            DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
            factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
            var parser = factory.newDocumentBuilder();
            parser.setErrorHandler(new org.xml.sax.helpers.DefaultHandler() {
                @Override
                public void fatalError(SAXParseException e) throws SAXParseException {
                    throw e;   // reported once, by the exception below, not also on standard error
                }
            });
            parser.parse(new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8)));
        } catch (SAXParseException e) {
            throw new IllegalStateException("report template " + origin + " is not well-formed XHTML at line "
                    + e.getLineNumber() + ", column " + e.getColumnNumber() + ": " + e.getMessage());
        } catch (Exception e) {
            throw new IllegalStateException("report template " + origin + " cannot be read as XHTML: " + e.getMessage());
        }
    }

    private static String builtIn(ReportKind kind) {
        String resource = "/reports/" + kind.key() + ".html";
        try (InputStream in = ReportTemplates.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("built-in report template " + resource + " is missing from the jar");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
