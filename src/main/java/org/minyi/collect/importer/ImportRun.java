package org.minyi.collect.importer;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.DoubleSupplier;
import org.minyi.ingest.MessageSink;
import org.minyi.message.Message;

/** The state of one import: counts rows, keeps the first errors, hands messages over, paces progress updates. */
final class ImportRun {

    private static final long PROGRESS_EVERY_NANOS = 1_000_000_000L;
    /** A row error is cut so a report stays readable whatever a parser put in it. */
    static final int MAX_PROBLEM_CHARS = 1_000;

    private final Path file;
    private final FileFormat format;
    private final MessageSink sink;
    private final ImportProgress progress;
    private final long startNanos = System.nanoTime();
    private final List<RowError> errors = new ArrayList<>();
    private DoubleSupplier fractionDone = () -> -1;
    private String mappingName = "none";
    private String encoding;
    private long rowsRead;
    private long accepted;
    private long rejected;
    private long nanosAtLastUpdate = startNanos;

    ImportRun(Path file, FileFormat format, MessageSink sink, ImportProgress progress) {
        this.file = file;
        this.format = format;
        this.sink = sink;
        this.progress = progress;
    }

    long rowsSoFar() {
        return rowsRead;
    }

    void measureProgressBy(DoubleSupplier fractionDone) {
        this.fractionDone = fractionDone;
    }

    void usingMapping(ColumnMapping mapping) {
        this.mappingName = mapping.name();
    }

    void usingEncoding(java.nio.charset.Charset charset) {
        this.encoding = charset.name();
    }

    void row(SourceRow row, MessageMapper mapper) {
        Message message;
        try {
            message = mapper.map(row);
        } catch (RowProblem e) {
            reject(row.line(), e.getMessage());
            return;
        }
        try {
            sink.accept(message);
        } catch (RuntimeException e) {
            // One message the sink cannot take must not cost the rest of the file.
            reject(row.line(), "message " + message.id() + " was refused by the sink: "
                    + ValueShape.inMessage(String.valueOf(e)));
            return;
        }
        rowsRead++;
        accepted++;
        paceProgress();
    }

    void reject(long line, String problem) {
        rowsRead++;
        rejected++;
        if (errors.size() < ImportReport.MAX_ERRORS) {
            errors.add(new RowError(file, rowsRead, line, problem.length() <= MAX_PROBLEM_CHARS ? problem
                    : problem.substring(0, MAX_PROBLEM_CHARS - 1) + "…"));
        }
        paceProgress();
    }

    ImportReport finish() {
        Duration elapsed = Duration.ofNanos(System.nanoTime() - startNanos);
        progress.update(new ImportProgress.Update(file, rowsRead, accepted, rejected, 1.0, elapsed, true));
        return new ImportReport(file, format, mappingName, rowsRead, accepted, rejected, errors, elapsed, encoding);
    }

    private void paceProgress() {
        long now = System.nanoTime();
        if (rowsRead % FileImporter.PROGRESS_EVERY_ROWS == 0 || now - nanosAtLastUpdate >= PROGRESS_EVERY_NANOS) {
            nanosAtLastUpdate = now;
            progress.update(new ImportProgress.Update(file, rowsRead, accepted, rejected,
                    fractionDone.getAsDouble(), Duration.ofNanos(now - startNanos), false));
        }
    }
}
