package org.minyi.report;

import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import org.minyi.report.Briefing.Cell;
import org.minyi.report.Briefing.Chart;
import org.minyi.report.Briefing.Quote;
import org.minyi.report.Briefing.Section;
import org.minyi.report.Briefing.Sentence;

/**
 * A briefing as XHTML in its kind's template: the HTML download and the input of the PDF. Every figure gets a
 * footnote number linking to the list of sources, where its query is given as a search-page link and an API call.
 * Links are absolute under {@code linkBase} so that they work from a PDF or a mailed file. A template may show a
 * section on its own with its field ({@link ReportTemplates#PLACED}); headings are numbered as the page shows them.
 */
public final class HtmlBriefing {

    private static final DateTimeFormatter MINUTE = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");

    private final ReportTemplates templates;
    private final String linkBase;

    public HtmlBriefing(ReportTemplates templates, String linkBase) {
        this.templates = templates;
        this.linkBase = linkBase.endsWith("/") ? linkBase.substring(0, linkBase.length() - 1) : linkBase;
    }

    public String render(Briefing briefing) {
        List<Figure> figures = briefing.figures();
        String template = templates.template(briefing.kind());
        List<String> used = ReportTemplates.fieldsOf(template);
        Map<String, List<Section>> placed = placed(briefing, used);
        Map<Section, String> headings = numberedAsShown(placed, used);
        Map<String, String> values = new HashMap<>(Map.of(
                "title", esc(briefing.title()),
                "kind", esc(briefing.kind().chinese()),
                "scope", esc(briefing.scope().chinese()),
                "period", esc(briefing.period().chinese()),
                "generatedAt", esc(MINUTE.format(briefing.generatedAt()) + "（" + briefing.generatedAt().getZone() + "）"),
                "footnotes", footnotes(figures)));
        placed.forEach((field, sections) -> values.put(field, sections(sections, headings, figures)));
        Matcher m = ReportTemplates.FIELD.matcher(template);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            // a name no field has can only stand in a comment (the start-up check refuses it elsewhere): kept
            String value = values.get(m.group(1));
            m.appendReplacement(out, Matcher.quoteReplacement(value == null ? m.group() : value));
        }
        return m.appendTail(out).toString();
    }

    /**
     * The sections under each field that shows sections: a section whose key the template uses as a field goes
     * there, every other one under {@code sections}.
     */
    private static Map<String, List<Section>> placed(Briefing briefing, List<String> used) {
        Map<String, List<Section>> placed = new LinkedHashMap<>();
        placed.put("sections", new ArrayList<>());
        ReportTemplates.PLACED.forEach(field -> placed.put(field, new ArrayList<>()));
        for (Section section : briefing.sections()) {
            boolean own = section.key() != null && used.contains(section.key());
            placed.get(own ? section.key() : "sections").add(section);
        }
        return placed;
    }

    /** Headings numbered 一、二、… in the order the template shows the sections (its fields' order). */
    private static Map<Section, String> numberedAsShown(Map<String, List<Section>> placed, List<String> used) {
        Map<Section, String> headings = new IdentityHashMap<>();
        for (String field : used) {
            for (Section section : placed.getOrDefault(field, List.of())) {
                headings.computeIfAbsent(section, s -> BriefingBuilder.numeral(headings.size()) + s.title());
            }
        }
        return headings;
    }

    private String sections(List<Section> sections, Map<Section, String> headings, List<Figure> figures) {
        StringBuilder html = new StringBuilder();
        for (Section section : sections) {
            html.append("<div class=\"section\"><h2>").append(esc(headings.getOrDefault(section, section.heading())))
                    .append("</h2>\n");
            for (Sentence sentence : section.sentences()) {
                html.append("<p class=\"sentence\">").append(esc(sentence.text()));
                sentence.figures().forEach(f -> html.append(marker(figures, f)));
                html.append("</p>\n");
            }
            if (section.table() != null && !section.table().rows().isEmpty()) {
                html.append("<table class=\"data\"><thead><tr>");
                section.table().header().forEach(h -> html.append("<th>").append(esc(h)).append("</th>"));
                html.append("</tr></thead><tbody>\n");
                for (List<Cell> row : section.table().rows()) {
                    html.append("<tr>");
                    for (Cell cell : row) {
                        html.append("<td>").append(esc(cell.text()));
                        if (cell.figure() != null) {
                            html.append(marker(figures, cell.figure()));
                        }
                        html.append("</td>");
                    }
                    html.append("</tr>\n");
                }
                html.append("</tbody></table>\n");
            }
            for (Chart chart : section.charts()) {
                html.append("<div class=\"chart\"><img alt=\"").append(esc(chart.caption())).append("\" width=\"")
                        .append(chart.width()).append("\" height=\"").append(chart.height())
                        .append("\" src=\"data:image/png;base64,").append(Base64.getEncoder().encodeToString(chart.png()))
                        .append("\"/><div class=\"caption\">").append(esc(chart.caption())).append("</div></div>\n");
            }
            if (!section.quotes().isEmpty()) {
                html.append("<ol class=\"quotes\">\n");
                for (Quote quote : section.quotes()) {
                    html.append("<li>“").append(esc(quote.text())).append("”<br/><span class=\"meta\">编号 ")
                            .append(esc(quote.id())).append(" · ").append(esc(quote.time())).append(" · <a href=\"")
                            .append(esc(linkBase + quote.link())).append("\">查看原留言</a></span></li>\n");
                }
                html.append("</ol>\n");
            }
            html.append("</div>\n");
        }
        return html.toString();
    }

    private static String marker(List<Figure> figures, Figure figure) {
        int n = figures.indexOf(figure) + 1;
        return "<sup><a href=\"#fig-" + n + "\">[" + n + "]</a></sup>";
    }

    private String footnotes(List<Figure> figures) {
        StringBuilder html = new StringBuilder("<ol class=\"footnotes\">\n");
        for (Figure f : figures) {
            // the data- attributes let a program (and the traceability test) recompute the figure
            html.append("<li id=\"fig-").append(figures.indexOf(f) + 1).append("\" data-value=\"").append(f.value())
                    .append("\" data-api=\"").append(esc(f.query().apiLink())).append("\" data-read=\"")
                    .append(esc(f.query().read())).append("\"");
            if (f.per() != null) {
                html.append(" data-per-api=\"").append(esc(f.per().apiLink())).append("\" data-per-read=\"")
                        .append(esc(f.per().read())).append("\"");
            }
            html.append(">").append(esc(f.label()))
                    .append("：").append(esc(f.shown())).append("（依据 ").append(f.basis()).append(" 条留言）。");
            html.append(" <a href=\"").append(esc(linkBase + f.query().pageLink())).append("\">")
                    .append(esc(linkBase + f.query().apiLink())).append("</a> 取 ").append(esc(f.query().read()));
            if (f.per() != null) {
                html.append("，除以 <a href=\"").append(esc(linkBase + f.per().pageLink())).append("\">")
                        .append(esc(linkBase + f.per().apiLink())).append("</a> 取 ").append(esc(f.per().read()));
            }
            html.append("</li>\n");
        }
        return html.append("</ol>").toString();
    }

    static String esc(String text) {
        if (text == null) {
            return "";
        }
        StringBuilder out = new StringBuilder(text.length());
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            switch (c) {
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                case '&' -> out.append("&amp;");
                case '"' -> out.append("&quot;");
                case '\'' -> out.append("&#39;");
                default -> {
                    // characters XML 1.0 forbids would make the PDF fail; masked citizen text may hold any
                    if (c >= 0x20 || c == '\n' || c == '\t' || c == '\r') {
                        out.append(c);
                    }
                }
            }
        }
        return out.toString();
    }
}
