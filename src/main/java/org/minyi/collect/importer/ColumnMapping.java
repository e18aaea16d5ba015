package org.minyi.collect.importer;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;
import org.minyi.message.Channel;

/**
 * Which column of a file fills which message field, and how to read its values. Usually written as YAML:
 *
 * <pre>
 * source: teddy2020          # stored in Message.source
 * channel: board
 * header: true               # false: columns are 0-based indexes
 * fields:                    # message field: column name (or index)
 *   id: 留言编号
 *   text: 留言详情
 *   createdAt: 留言时间
 *   votes.likes: 点赞数
 * dateFormats: ["yyyy/M/d H:mm:ss", "yyyy-MM-dd"]
 * zone: Asia/Shanghai
 * </pre>
 *
 * A field may name alternative columns as a list, {@code region: [来电人所在区域, 所属区域]}: the first one the file's
 * header has is read (for JSONL: the first key a record has), so one mapping fits the common variants of an export.
 *
 * Optional extras: {@code idPattern} (a regex whose first group is taken from the id cell), {@code idPrefix}
 * (prepended to every id), and {@code shape} (how auto-detection recognises a file without a header). Without an id
 * column the id is {@code source + ":" + hash(text)}, so importing the same file twice gives the same ids.
 *
 * @param name        how reports and errors refer to the mapping (built-in name or file name)
 * @param fields      message field to column name, or to the column index as a string when {@code header} is false;
 *                    for JSONL the column is a key, dotted keys ("votes.likes") also reach into nested objects
 * @param dateFormats {@link DateTimeFormatter} patterns tried in order; ISO-8601 is always accepted too
 * @param zone        the zone of dates without an offset
 * @param alternatives for fields given as a list of columns: all of them, in order of preference (the first is the
 *                     one in {@code fields}); empty for a mapping without alternatives
 */
public record ColumnMapping(
        String name,
        String source,
        Channel channel,
        boolean header,
        Map<MessageField, String> fields,
        List<String> dateFormats,
        ZoneId zone,
        String idPrefix,
        String idPattern,
        Shape shape,
        Map<MessageField, List<String>> alternatives) {

    public static final List<String> DEFAULT_DATE_FORMATS =
            List.of("yyyy-MM-dd HH:mm:ss", "yyyy/M/d H:mm:ss", "yyyy/M/d H:mm", "yyyy-MM-dd", "yyyy/M/d");
    public static final ZoneId DEFAULT_ZONE = ZoneId.of("Asia/Shanghai");

    /**
     * How to recognise a headerless file: its number of columns and, per column index, a regex the whole first-row
     * cell must match.
     */
    public record Shape(int columns, Map<Integer, String> cellPatterns) {
        public Shape {
            cellPatterns = cellPatterns == null ? Map.of() : Map.copyOf(cellPatterns);
        }
    }

    public ColumnMapping {
        if (name == null || name.isBlank()) {
            throw new ImportException("a column mapping needs a name");
        }
        if (fields == null || !fields.containsKey(MessageField.TEXT)) {
            throw new ImportException("mapping " + name + ": fields must include text (the column holding the message)");
        }
        fields = Collections.unmodifiableMap(new EnumMap<>(fields));
        alternatives = alternatives == null || alternatives.isEmpty() ? Map.of() : copy(alternatives);
        for (Map.Entry<MessageField, List<String>> names : alternatives.entrySet()) {
            if (!header) {
                throw new ImportException("mapping " + name + " has header: false, so field " + names.getKey().key()
                        + " needs one column index, not a list " + names.getValue());
            }
            if (names.getValue().isEmpty() || !names.getValue().getFirst().equals(fields.get(names.getKey()))) {
                throw new ImportException("mapping " + name + ": the alternatives of " + names.getKey().key()
                        + " must start with its column " + fields.get(names.getKey()));
            }
        }
        if (!header) {
            fields.forEach((field, column) -> {
                if (!column.matches("\\d+")) {
                    throw new ImportException("mapping " + name + " has header: false, so field " + field.key()
                            + " needs a 0-based column index, not '" + column + "'");
                }
            });
        }
        dateFormats = dateFormats == null || dateFormats.isEmpty() ? DEFAULT_DATE_FORMATS : List.copyOf(dateFormats);
        for (String format : dateFormats) {
            try {
                DateTimeFormatter.ofPattern(format);
            } catch (IllegalArgumentException e) {
                throw new ImportException("mapping " + name + ": bad date format '" + format + "': " + e.getMessage());
            }
        }
        zone = zone == null ? DEFAULT_ZONE : zone;
        if (idPattern != null) {
            try {
                if (Pattern.compile(idPattern).matcher("").groupCount() < 1) {
                    throw new ImportException("mapping " + name + ": idPattern '" + idPattern
                            + "' needs a group, e.g. \"id=(\\\\d+)\"");
                }
            } catch (PatternSyntaxException e) {
                throw new ImportException("mapping " + name + ": bad idPattern: " + e.getMessage());
            }
        }
    }

    /** The column (name, index or JSON key) of a field, or null when the mapping leaves it out. */
    public String column(MessageField field) {
        return fields.get(field);
    }

    /** Every column a field may be read from, in order of preference; empty when the mapping leaves it out. */
    public List<String> columns(MessageField field) {
        List<String> names = alternatives.get(field);
        if (names != null) {
            return names;
        }
        String column = fields.get(field);
        return column == null ? List.of() : List.of(column);
    }

    /**
     * This mapping with each field bound to the first of its columns that {@code header} has, alternatives gone;
     * a field none of whose columns is there keeps its first column (and will be reported missing).
     */
    ColumnMapping boundTo(Collection<String> header) {
        if (alternatives.isEmpty()) {
            return this;
        }
        Map<MessageField, String> bound = new EnumMap<>(MessageField.class);
        fields.forEach((field, first) -> bound.put(field,
                columns(field).stream().filter(header::contains).findFirst().orElse(first)));
        return new ColumnMapping(name, source, channel, header(), bound, dateFormats, zone, idPrefix, idPattern, shape,
                null);
    }

    /** Fields none of whose columns {@code header} has, each as "column | alternative (field)". */
    List<String> missingFrom(Collection<String> header) {
        List<String> missing = new ArrayList<>();
        fields.keySet().forEach(field -> {
            List<String> names = columns(field);
            if (names.stream().noneMatch(header::contains)) {
                missing.add(String.join(" | ", names) + " (" + field.key() + ")");
            }
        });
        return missing;
    }

    private static Map<MessageField, List<String>> copy(Map<MessageField, List<String>> alternatives) {
        Map<MessageField, List<String>> copy = new EnumMap<>(MessageField.class);
        alternatives.forEach((field, names) -> copy.put(field, List.copyOf(names)));
        return Collections.unmodifiableMap(copy);
    }

    /** Reads a mapping file; its name is the file name without extension. */
    public static ColumnMapping load(Path yamlFile) {
        String text;
        try {
            text = Files.readString(yamlFile);
        } catch (IOException e) {
            throw new ImportException("cannot read mapping file " + yamlFile + ": " + e.getMessage(), e);
        }
        String fileName = yamlFile.getFileName().toString();
        return MappingYaml.parse(text, fileName.replaceFirst("\\.ya?ml$", ""));
    }

    /** Parses mapping YAML; {@code name} is used in reports and errors. */
    public static ColumnMapping parse(String yaml, String name) {
        return MappingYaml.parse(yaml, name);
    }

    /** The mappings shipped for the known real files, in detection order. */
    public static List<ColumnMapping> builtIns() {
        return BuiltInMappings.all();
    }

    /** A built-in mapping by name, e.g. "teddy2020-with-votes". */
    public static ColumnMapping builtIn(String name) {
        return BuiltInMappings.all().stream().filter(m -> m.name().equals(name)).findFirst()
                .orElseThrow(() -> new ImportException("no built-in mapping '" + name + "'; built-in mappings: "
                        + BuiltInMappings.all().stream().map(ColumnMapping::name).toList()));
    }

    /** Every field read from the key of its own name ("id", "votes.likes", ...): the default for JSONL. */
    public static ColumnMapping messageFields() {
        Map<MessageField, String> fields = new EnumMap<>(MessageField.class);
        for (MessageField field : MessageField.values()) {
            fields.put(field, field.key());
        }
        return new ColumnMapping("message-fields", null, null, true, fields, null, null, null, null, null, null);
    }

    /**
     * A header whose columns are named like message fields ({@code id, title, text, createdAt, votes.likes…}, case
     * ignored), read the way JSONL keys are: each such column fills its field, other columns are left alone. Null
     * when the header has no {@code text} column.
     */
    static ColumnMapping messageFieldsIn(Collection<String> header) {
        Map<MessageField, String> fields = new EnumMap<>(MessageField.class);
        for (String column : header) {
            for (MessageField field : MessageField.values()) {
                if (column != null && column.strip().equalsIgnoreCase(field.key())) {
                    fields.put(field, column);
                }
            }
        }
        if (!fields.containsKey(MessageField.TEXT)) {
            return null;
        }
        return new ColumnMapping("message-fields", null, null, true, fields, null, null, null, null, null, null);
    }

    /** The columns the mapping reads, alternatives shown as "a | b". */
    List<String> columns() {
        return fields.keySet().stream().map(field -> String.join(" | ", columns(field))).toList();
    }
}
