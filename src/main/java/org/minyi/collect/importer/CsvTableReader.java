package org.minyi.collect.importer;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.Charset;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

/**
 * Reads RFC 4180 CSV in UTF-8 or GB18030/GBK ({@link TextEncoding}): quoted cells may hold commas, quotes, tabs and
 * line breaks. Empty lines are kept by the
 * parser (and dropped later) so that line numbers stay exact. A record with invalid bytes or more than
 * {@link FileImporter#MAX_RECORD_CHARS} characters is rejected on its own; the records after it are still read.
 */
final class CsvTableReader {

    private static final CSVFormat FORMAT = CSVFormat.RFC4180.builder()
            .setIgnoreEmptyLines(false)
            .get();
    /** How far the parser may read ahead of the record it returns (its buffer), on top of the record cap. */
    private static final int LOOKAHEAD_CHARS = 64 * 1024;

    private CsvTableReader() {
    }

    static void read(Path file, ImportRun run, TableHandler handler) {
        long size = size(file);
        Charset encoding = TextEncoding.of(file);
        run.usingEncoding(encoding);
        try (CountingInputStream bytes = new CountingInputStream(Files.newInputStream(file));
             DecodingReader reader = new DecodingReader(bytes, encoding);
             CSVParser parser = CSVParser.builder().setReader(reader).setFormat(FORMAT).get()) {
            run.measureProgressBy(() -> CountingInputStream.fraction(bytes.count(), size));
            Iterator<CSVRecord> records = parser.iterator();
            Pending pending = null;
            long lastLine = 0;
            reader.limitAt(FileImporter.MAX_RECORD_CHARS + LOOKAHEAD_CHARS);
            while (true) {
                long startLine = lastLine + 1;
                CSVRecord record;
                try {
                    if (!records.hasNext()) {
                        break;
                    }
                    record = records.next();
                } catch (UncheckedIOException e) {
                    // The parser cannot resynchronise after broken quoting or an endless record: report and stop.
                    if (pending != null) {
                        pending.handOver(reader, Long.MAX_VALUE, handler);
                    }
                    handler.broken(startLine, unreadable(e.getCause()));
                    return;
                }
                lastLine = parser.getCurrentLineNumber();
                List<String> cells = new ArrayList<>(record.size());
                record.forEach(cells::add);
                // Whether a record holds a bad byte is known once the next one starts: hand records over one late.
                if (pending != null) {
                    pending.handOver(reader, record.getCharacterPosition(), handler);
                }
                pending = new Pending(startLine, record.getCharacterPosition(), cells);
                reader.limitAt(record.getCharacterPosition() + pending.chars() + FileImporter.MAX_RECORD_CHARS
                        + LOOKAHEAD_CHARS);
            }
            if (pending != null) {
                pending.handOver(reader, Long.MAX_VALUE, handler);
            }
        } catch (IOException e) {
            throw new ImportException("cannot read " + file + ": " + e.getMessage(), e);
        }
    }

    /** A record read but not yet handed over. */
    private record Pending(long line, long start, List<String> cells) {

        long chars() {
            return cells.stream().mapToLong(cell -> cell == null ? 0 : cell.length()).sum();
        }

        /**
         * @param end where the next record starts, or Long.MAX_VALUE when unknown (last record, or the parser failed
         *            on the next one, with its read-ahead already decoded)
         */
        void handOver(DecodingReader reader, long end, TableHandler handler) {
            // As written in the file a record is at most every character doubled (quotes), each cell quoted and
            // followed by a separator or a line end: that bounds it when the next record's start is unknown.
            long longest = 2 * chars() + 3L * cells.size() + 2;
            boolean replaced = cells.stream().anyMatch(cell -> cell != null && cell.indexOf('\uFFFD') >= 0);
            DecodingReader.Malformed bad = replaced ? reader.malformedIn(start, Math.min(end, start + longest)) : null;
            if (bad != null) {
                handler.broken(line, "not valid " + bad.encoding() + " (" + bad.describe() + "); the file was read as "
                        + bad.encoding() + " (" + TextEncoding.HOW + ")");
            } else if (chars() > FileImporter.MAX_RECORD_CHARS) {
                handler.broken(line, tooLong());
            } else {
                handler.cells(line, cells);
            }
        }
    }

    private static String tooLong() {
        return String.format("the record is longer than %,d characters (FileImporter.MAX_RECORD_CHARS)",
                FileImporter.MAX_RECORD_CHARS);
    }

    private static String unreadable(IOException cause) {
        if (cause instanceof DecodingReader.TooLong) {
            return tooLong() + ", likely a quote that is never closed; the rest of the file was not read";
        }
        String message = String.valueOf(cause.getMessage());
        if (message.contains("EOF reached before encapsulated token finished")) {
            return "a quoted cell starting in this row is never closed (the file ends inside quotes);"
                    + " the rest of the file was not read";
        }
        return "cannot parse CSV: " + message + "; the rest of the file was not read";
    }

    private static long size(Path file) {
        try {
            return Files.size(file);
        } catch (IOException e) {
            throw new ImportException("cannot read " + file + ": " + e.getMessage(), e);
        }
    }
}
