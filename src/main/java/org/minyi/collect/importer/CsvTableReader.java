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
 *
 * <p>A record the parser cannot read at all (a stray quote opening a cell that never closes, text after a closing
 * quote) is rejected with its line, and reading starts again at the next line with a fresh parser: one stray quote
 * costs its own row, not the rest of the file.
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
             DecodingReader decoded = new DecodingReader(bytes, encoding);
             RewindableReader text = new RewindableReader(decoded)) {
            run.measureProgressBy(() -> CountingInputStream.fraction(bytes.count(), size));
            decoded.limitAt(FileImporter.MAX_RECORD_CHARS + LOOKAHEAD_CHARS);
            long start = 0; // where the current parser started, in characters of the file
            long line = 1;  // and on which line
            while (start >= 0) {
                Resumption resumption = readUntilBroken(text, decoded, start, line, handler);
                start = resumption == null ? -1 : resumption.start();
                line = resumption == null ? 0 : resumption.line();
                if (start >= 0) {
                    decoded.limitAt(Math.max(decoded.position(), start) + FileImporter.MAX_RECORD_CHARS + LOOKAHEAD_CHARS);
                    text.rewind(start);
                }
            }
        } catch (IOException e) {
            throw new ImportException("cannot read " + file + ": " + e.getMessage(), e);
        }
    }

    /** Where reading goes on after a broken record: the start of the line after the record's first line. */
    private record Resumption(long start, long line) {
    }

    /**
     * Hands over the records from {@code start} (line {@code line}) until the file ends (null) or a record cannot
     * be read: that one is reported and the place to go on from is returned.
     */
    private static Resumption readUntilBroken(RewindableReader text, DecodingReader decoded, long start, long line,
                                              TableHandler handler) throws IOException {
        // The parser is not closed: that would close the file, which the next parser reads on.
        CSVParser parser = CSVParser.builder().setReader(text).setFormat(FORMAT).get();
        Iterator<CSVRecord> records = parser.iterator();
        Pending pending = null;
        long lastLine = line - 1;
        while (true) {
            long startLine = lastLine + 1;
            CSVRecord record;
            try {
                if (!records.hasNext()) {
                    break;
                }
                record = records.next();
            } catch (UncheckedIOException e) {
                if (pending != null) {
                    pending.handOver(decoded, Long.MAX_VALUE, handler);
                }
                decoded.limitAt(Long.MAX_VALUE); // looking for the next line reads on, but keeps nothing behind it
                long anchor = pending != null ? pending.start() : start;
                long anchorLine = pending != null ? pending.line() : line;
                long brokenStart = text.lineStart(anchor, anchorLine, startLine);
                long next = brokenStart < 0 ? -1 : text.lineAfter(brokenStart);
                handler.broken(startLine, unreadable(e.getCause())
                        + (next < 0 ? "" : "; reading goes on at line " + (startLine + 1)));
                return next < 0 ? null : new Resumption(next, startLine + 1);
            }
            lastLine = line - 1 + parser.getCurrentLineNumber();
            List<String> cells = new ArrayList<>(record.size());
            record.forEach(cells::add);
            long recordStart = start + record.getCharacterPosition();
            // Whether a record holds a bad byte is known once the next one starts: hand records over one late.
            if (pending != null) {
                pending.handOver(decoded, recordStart, handler);
            }
            pending = new Pending(startLine, recordStart, cells);
            text.forgetBefore(recordStart);
            decoded.limitAt(recordStart + pending.chars() + FileImporter.MAX_RECORD_CHARS + LOOKAHEAD_CHARS);
        }
        if (pending != null) {
            pending.handOver(decoded, Long.MAX_VALUE, handler);
        }
        return null;
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
            return tooLong() + ", likely a quote that is never closed";
        }
        String message = String.valueOf(cause.getMessage());
        if (message.contains("EOF reached before encapsulated token finished")) {
            return "a quoted cell starting in this row is never closed (the file ends inside quotes)";
        }
        return "cannot parse CSV: " + message;
    }

    private static long size(Path file) {
        try {
            return Files.size(file);
        } catch (IOException e) {
            throw new ImportException("cannot read " + file + ": " + e.getMessage(), e);
        }
    }
}
