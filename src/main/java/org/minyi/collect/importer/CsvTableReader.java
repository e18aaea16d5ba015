package org.minyi.collect.importer;

import java.io.IOException;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

/**
 * Reads RFC 4180 CSV in UTF-8: quoted cells may hold commas, quotes, tabs and line breaks. Empty lines are kept by the
 * parser (and dropped later) so that line numbers stay exact.
 */
final class CsvTableReader {

    private static final CSVFormat FORMAT = CSVFormat.RFC4180.builder()
            .setIgnoreEmptyLines(false)
            .get();

    private CsvTableReader() {
    }

    static void read(Path file, ImportRun run, TableHandler handler) {
        long size = size(file);
        try (CountingInputStream bytes = new CountingInputStream(Files.newInputStream(file));
             Reader reader = new InputStreamReader(bytes, StandardCharsets.UTF_8.newDecoder()
                     .onMalformedInput(CodingErrorAction.REPORT)
                     .onUnmappableCharacter(CodingErrorAction.REPORT));
             CSVParser parser = CSVParser.builder().setReader(reader).setFormat(FORMAT).get()) {
            run.measureProgressBy(() -> CountingInputStream.fraction(bytes.count(), size));
            Iterator<CSVRecord> records = parser.iterator();
            long lastLine = 0;
            while (true) {
                long startLine = lastLine + 1;
                CSVRecord record;
                try {
                    if (!records.hasNext()) {
                        return;
                    }
                    record = records.next();
                } catch (UncheckedIOException e) {
                    // The parser cannot resynchronise after broken quoting or bad bytes: report and stop.
                    handler.broken(startLine, unreadable(e.getCause()));
                    return;
                }
                lastLine = parser.getCurrentLineNumber();
                List<String> cells = new ArrayList<>(record.size());
                record.forEach(cells::add);
                handler.cells(startLine, cells);
            }
        } catch (IOException e) {
            throw new ImportException("cannot read " + file + ": " + e.getMessage(), e);
        }
    }

    private static String unreadable(IOException cause) {
        if (cause instanceof CharacterCodingException) {
            return "the file is not valid UTF-8 here (" + cause + "); convert it first, e.g. iconv -f GBK -t UTF-8;"
                    + " the rest of the file was not read";
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
