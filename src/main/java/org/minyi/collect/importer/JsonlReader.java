package org.minyi.collect.importer;

import java.io.IOException;
import java.nio.charset.Charset;
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
        Charset encoding = TextEncoding.of(file);
        run.usingEncoding(encoding);
        try (CountingInputStream bytes = new CountingInputStream(Files.newInputStream(file));
             DecodingReader reader = new DecodingReader(bytes, encoding)) {
            run.measureProgressBy(() -> CountingInputStream.fraction(bytes.count(), size));
            Lines lines = new Lines(reader);
            while (lines.next()) {
                long lineNumber = lines.number();
                if (lines.tooLong()) {
                    run.reject(lineNumber, String.format("the line is longer than %,d characters"
                            + " (FileImporter.MAX_RECORD_CHARS)", FileImporter.MAX_RECORD_CHARS));
                    continue;
                }
                DecodingReader.Malformed bad = reader.malformedIn(lines.start(), lines.end());
                String line = lines.text();
                if (line.isBlank() && bad == null) {
                    continue;
                }
                if (bad != null) {
                    run.reject(lineNumber, "not valid " + bad.encoding() + " (" + bad.describe()
                            + "); the file was read as " + bad.encoding() + " (" + TextEncoding.HOW + ")");
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
                    run.reject(lineNumber, "not valid JSON: " + ValueShape.inMessage(e.getOriginalMessage()));
                    continue;
                }
                if (record == null || !record.isObject()) {
                    run.reject(lineNumber, "expected a JSON object, found " + (record == null ? "nothing" : record.getNodeType()));
                    continue;
                }
                run.row(new SourceRow(lineNumber, field -> value(record, mapping.columns(field))), mapper);
            }
        } catch (IOException e) {
            throw new ImportException("cannot read " + file + ": " + e.getMessage(), e);
        }
    }

    /**
     * The lines of a file as BufferedReader would cut them (LF, CR LF or CR ends a line), each with its character
     * range, but never more than {@link FileImporter#MAX_RECORD_CHARS} of one line in memory: the rest of a longer
     * line is skipped and the line marked too long.
     */
    private static final class Lines {
        private final DecodingReader reader;
        private final StringBuilder text = new StringBuilder();
        private final char[] buffer = new char[8192];
        private int length;
        private int at;
        private long number;
        private long start;
        private long end;
        private long consumed;
        private boolean tooLong;
        private boolean afterCr;

        Lines(DecodingReader reader) {
            this.reader = reader;
        }

        /** Moves to the next line; false at the end of the file. */
        boolean next() throws IOException {
            text.setLength(0);
            tooLong = false;
            start = consumed;
            boolean any = false;
            while (true) {
                if (at == length) {
                    length = reader.read(buffer, 0, buffer.length);
                    at = 0;
                    if (length < 0) {
                        length = 0;
                        end = consumed;
                        if (any) {
                            number++;
                        }
                        return any;
                    }
                }
                char c = buffer[at++];
                consumed++;
                if (afterCr) {
                    afterCr = false;
                    if (c == '\n') {
                        start = consumed;
                        continue; // the LF of a CR LF
                    }
                }
                if (c == '\n' || c == '\r') {
                    afterCr = c == '\r';
                    end = consumed - 1;
                    number++;
                    return true;
                }
                any = true;
                if (text.length() < FileImporter.MAX_RECORD_CHARS) {
                    text.append(c);
                } else {
                    tooLong = true;
                }
            }
        }

        long number() {
            return number;
        }

        String text() {
            return text.toString();
        }

        boolean tooLong() {
            return tooLong;
        }

        long start() {
            return start;
        }

        long end() {
            return end;
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
            // 1e400 parses as an infinite double, which no decimal holds
            if (node.isFloatingPointNumber() && !Double.isFinite(node.doubleValue()) && !node.isBigDecimal()) {
                throw new RowProblem("key '" + key + "' holds a number out of range");
            }
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
