package org.minyi.collect.importer;

import java.time.DateTimeException;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.minyi.message.Channel;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;
import org.yaml.snakeyaml.error.YAMLException;

/** Reads the YAML form of a {@link ColumnMapping}, naming every unknown key instead of ignoring it. */
final class MappingYaml {

    private static final Set<String> KEYS =
            Set.of("source", "channel", "header", "fields", "dateFormats", "zone", "idPrefix", "idPattern", "shape");

    private MappingYaml() {
    }

    static ColumnMapping parse(String yaml, String name) {
        Object root;
        try {
            root = new Yaml(new SafeConstructor(new LoaderOptions())).load(yaml);
        } catch (YAMLException e) {
            throw new ImportException("mapping " + name + " is not valid YAML: " + e.getMessage(), e);
        }
        Map<String, Object> map = asMap(root, name, "the mapping");
        List<String> unknown = map.keySet().stream().filter(k -> !KEYS.contains(k)).toList();
        if (!unknown.isEmpty()) {
            throw new ImportException("mapping " + name + ": unknown key(s) " + unknown + "; known keys: "
                    + List.of("source", "channel", "header", "fields", "dateFormats", "zone", "idPrefix", "idPattern",
                    "shape"));
        }
        Map<MessageField, List<String>> alternatives = new EnumMap<>(MessageField.class);
        try {
            return new ColumnMapping(
                    name,
                    string(map.get("source")),
                    map.get("channel") == null ? null : Channel.parse(string(map.get("channel"))),
                    map.get("header") == null || Boolean.parseBoolean(string(map.get("header"))),
                    fields(map.get("fields"), name, alternatives),
                    map.get("dateFormats") == null ? null : strings(map.get("dateFormats"), name),
                    map.get("zone") == null ? null : ZoneId.of(string(map.get("zone"))),
                    string(map.get("idPrefix")),
                    string(map.get("idPattern")),
                    map.get("shape") == null ? null : shape(map.get("shape"), name),
                    alternatives);
        } catch (DateTimeException e) {
            throw new ImportException("mapping " + name + ": bad zone '" + map.get("zone") + "': " + e.getMessage(), e);
        } catch (IllegalArgumentException e) {
            throw new ImportException("mapping " + name + ": " + e.getMessage(), e);
        }
    }

    /** The first column of each field; fields given as a list of columns also land in {@code alternatives}. */
    private static Map<MessageField, String> fields(Object value, String name,
                                                    Map<MessageField, List<String>> alternatives) {
        if (value == null) {
            throw new ImportException("mapping " + name + " has no 'fields' section; at least 'text: <column>' is needed");
        }
        Map<MessageField, String> fields = new EnumMap<>(MessageField.class);
        List<String> unknown = new ArrayList<>();
        asMap(value, name, "fields").forEach((key, column) -> {
            MessageField field;
            try {
                field = MessageField.ofKey(key);
            } catch (IllegalArgumentException e) {
                unknown.add(key);
                return;
            }
            if (column instanceof List<?> names) {
                if (names.isEmpty()) {
                    throw new ImportException("mapping " + name + ": field " + key + " lists no column");
                }
                alternatives.put(field, names.stream().map(MappingYaml::string).toList());
                fields.put(field, string(names.getFirst()));
            } else {
                fields.put(field, string(column));
            }
        });
        if (!unknown.isEmpty()) {
            throw new ImportException("mapping " + name + ": unknown field(s) " + unknown + "; known fields: "
                    + MessageField.knownKeys());
        }
        return fields;
    }

    private static ColumnMapping.Shape shape(Object value, String name) {
        Map<String, Object> shape = asMap(value, name, "shape");
        Object columns = shape.get("columns");
        if (!(columns instanceof Integer count)) {
            throw new ImportException("mapping " + name + ": shape.columns must be a number of columns");
        }
        Map<Integer, String> patterns = new LinkedHashMap<>();
        if (shape.get("cellPatterns") != null) {
            asMap(shape.get("cellPatterns"), name, "shape.cellPatterns")
                    .forEach((index, pattern) -> patterns.put(Integer.parseInt(index), string(pattern)));
        }
        return new ColumnMapping.Shape(count, patterns);
    }

    private static List<String> strings(Object value, String name) {
        if (!(value instanceof List<?> list)) {
            return List.of(string(value));
        }
        return list.stream().map(MappingYaml::string).toList();
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> asMap(Object value, String name, String what) {
        if (!(value instanceof Map<?, ?> map)) {
            throw new ImportException("mapping " + name + ": " + what + " must be a map of key: value lines");
        }
        Map<String, Object> copy = new LinkedHashMap<>();
        ((Map<Object, Object>) map).forEach((k, v) -> copy.put(String.valueOf(k), v));
        return copy;
    }

    private static String string(Object value) {
        return value == null ? null : String.valueOf(value);
    }
}
