package org.minyi.collect.importer;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.minyi.ingest.MessageSink;

/**
 * Imports a file of citizen messages (CSV, JSONL or XLSX) into a {@link MessageSink}. A bad row becomes a
 * {@link RowError} in the report and the import goes on; only problems with the whole file (format, mapping,
 * header) throw {@link ImportException}, before any message is handed over.
 */
public final class FileImporter {

    /** Progress is reported at least every this many rows (and at least once a second). */
    public static final int PROGRESS_EVERY_ROWS = 500;

    /**
     * The longest record read: a CSV record or a JSONL line of more characters is a row error, not a message. The
     * longest real record (Teddy-Cup segmented CSV) has under 14,000 characters; a million leaves ample room for real
     * exports while a runaway quoted field or a 10 MB blob cannot take the service's memory.
     */
    public static final int MAX_RECORD_CHARS = 1_000_000;

    private final List<ColumnMapping> candidates;

    /** Detects mappings among the built-in ones. */
    public FileImporter() {
        this(ColumnMapping.builtIns());
    }

    /** Detects mappings among {@code candidates} (e.g. the built-ins plus an operator's own). */
    public FileImporter(List<ColumnMapping> candidates) {
        this.candidates = List.copyOf(candidates);
    }

    public ImportReport run(Path file, ImportOptions options, MessageSink sink, ImportProgress progress) {
        if (!Files.isRegularFile(file) || !Files.isReadable(file)) {
            throw new ImportException("no readable file at " + file.toAbsolutePath());
        }
        FileFormat format = options.format() != null ? options.format() : FileFormat.ofFileName(file);
        ImportRun run = new ImportRun(file, format, sink, progress);
        switch (format) {
            case CSV -> CsvTableReader.read(file, run, new TabularRows(file, options, candidates, run, false));
            case XLSX -> XlsxTableReader.read(file, run, new TabularRows(file, options, candidates, run, true));
            case JSONL -> JsonlReader.read(file, options, run);
        }
        return run.finish();
    }
}
