package org.minyi.collect.importer;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Reads one JSON object a line. Keys come from the mapping (default: the message field names); a dotted key such as
 * "votes.likes" is looked up as such first and then as a path into nested objects ({"votes": {"likes": 3}}).
 */
final class JsonlReader {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private JsonlReader() {
    }

    static void read(Path file, ImportOptions options, ImportRun run) {
        ColumnMapping mapping = options.mapping() != null ? options.mapping() : ColumnMapping.messageFields();
        if (!mapping.header()) {
            throw new ImportException("mapping " + mapping.name() + " refers to columns by index (header: false),"
                    + " but JSONL records have keys; name the keys in its fields");
        }
        run.usingMapping(mapping);
        MessageMapper mapper = new MessageMapper(mapping, options);
        long size = size(file);
        long lineNumber = 0;
        try (CountingInputStream bytes = new CountingInputStream(Files.newInputStream(file));
             BufferedReader lines = new BufferedReader(new InputStreamReader(bytes, StandardCharsets.UTF_8.newDecoder()
                     .onMalformedInput(CodingErrorAction.REPORT)
                     .onUnmappableCharacter(CodingErrorAction.REPORT)))) {
            run.measureProgressBy(() -> CountingInputStream.fraction(bytes.count(), size));
            String line;
            while ((line = lines.readLine()) != null) {
                lineNumber++;
                if (lineNumber == 1 && line.startsWith("\uFEFF")) {
                    line = line.substring(1);
                }
                if (line.isBlank()) {
                    continue;
                }
                if (run.rowsSoFar() == 0 && line.strip().startsWith("[")) {
                    throw new ImportException(file.getFileName() + ":" + lineNumber + " starts a JSON array;"
                            + " JSONL needs one object per line (convert with: jq -c '.[]' FILE)");
                }
                JsonNode record;
                try {
                    record = JSON.readTree(line);
                } catch (JacksonException e) {
                    run.reject(lineNumber, "not valid JSON: " + e.getOriginalMessage());
                    continue;
                }
                if (record == null || !record.isObject()) {
                    run.reject(lineNumber, "expected a JSON object, found " + (record == null ? "nothing" : record.getNodeType()));
                    continue;
                }
                run.row(new SourceRow(lineNumber, field -> value(record, mapping.columns(field))), mapper);
            }
        } catch (CharacterCodingException e) {
            run.reject(lineNumber + 1, "the file is not valid UTF-8 here (" + e + "); the rest of the file was not read");
        } catch (IOException e) {
            throw new ImportException("cannot read " + file + ": " + e.getMessage(), e);
        }
    }

    /** The value under the first of {@code keys} the record has. */
    private static String value(JsonNode record, List<String> keys) {
        for (String key : keys) {
            String value = value(record, key);
            if (value != null) {
                return value;
            }
        }
        return null;
    }

    private static String value(JsonNode record, String key) {
        JsonNode node = record.get(key);
        if (node == null && key.contains(".")) {
            node = record;
            for (String part : key.split("\\.")) {
                node = node == null || !node.isObject() ? null : node.get(part);
            }
        }
        if (node == null || node.isNull()) {
            return null;
        }
        if (node.isString()) {
            return node.stringValue();
        }
        if (node.isIntegralNumber()) {
            return node.bigIntegerValue().toString();
        }
        if (node.isNumber()) {
            return node.decimalValue().toPlainString();
        }
        if (node.isBoolean()) {
            return node.asString();
        }
        throw new RowProblem("key '" + key + "' holds " + node.getNodeType() + ", expected a single value");
    }

    private static long size(Path file) {
        try {
            return Files.size(file);
        } catch (IOException e) {
            throw new ImportException("cannot read " + file + ": " + e.getMessage(), e);
        }
    }
}
