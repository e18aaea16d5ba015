package org.minyi.web;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.minyi.MinYiSettings;
import org.minyi.collect.importer.FileImporter;
import org.minyi.collect.importer.ImportOptions;
import org.minyi.collect.importer.ImportProgress;
import org.minyi.collect.importer.ImportReport;
import org.minyi.collect.importer.RowError;
import org.minyi.ingest.IngestSession;
import org.minyi.ingest.Ingestion;
import org.minyi.ingest.MessageSink;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Imports running inside the service, one at a time in arrival order, each observable while it runs. Used for
 * uploads ({@code minyi import} while the service runs), the inbox folder and loading the real data set at first
 * start.
 *
 * <p>An upload is acknowledged (202 with a job id) only once it is stored durably in the spool
 * ({@code <dataDir>/imports}); a job that had not finished when the service stopped or died is run again at the
 * next start under the same id, skipping the messages its last checkpoint had acknowledged (running rows twice
 * would be safe too: imports are upserts by id). While a job runs it commits about once a second;
 * {@code committed} counts the rows that are durable in the index so far.
 */
@Component
public final class ImportJobs implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(ImportJobs.class);
    private static final int KEPT_JOBS = 50;
    private static final long CHECKPOINT_NANOS = Duration.ofSeconds(1).toNanos();

    private final Ingestion ingestion;
    private final ImportSpool spool;
    private final FileImporter importer = new FileImporter();
    private final ExecutorService runner = Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(r, "minyi-import");
        t.setDaemon(true);
        return t;
    });
    private final long highestResumed;
    private final Map<String, Job> jobs = new LinkedHashMap<>();
    private volatile boolean closing;

    public ImportJobs(Ingestion ingestion, MinYiSettings settings) {
        this.ingestion = ingestion;
        this.spool = new ImportSpool(settings.dataDir().resolve("imports"));
        List<ImportSpool.Spooled> unfinished = spool.unfinished();
        this.highestResumed = unfinished.stream().mapToLong(s -> number(s.manifest().id())).max().orElse(0);
        for (ImportSpool.Spooled job : unfinished) {
            LOG.info("{}: resuming the import of {} that had not finished before the last stop", job.manifest().id(),
                    job.manifest().fileName());
            ImportOptions options;
            try {
                options = job.manifest().request().toOptions();
            } catch (IllegalArgumentException e) {
                options = ImportOptions.defaults(); // was valid when accepted; a changed parser must not lose it
            }
            enqueue(new Job(job.manifest().id(), job.manifest().fileName(), true), job.file(), options, true,
                    job.acknowledged());
        }
    }

    /** State of one import, as the API shows it. */
    public enum State { QUEUED, RUNNING, DONE, FAILED }

    /**
     * @param indexed   rows that went through analysis into the index (known when DONE)
     * @param committed rows durable in the index so far: they survive a crash of the service
     * @param resumed   the job was accepted before the service last stopped, and is run again
     * @param errors    the first row errors ("file:line (row n): problem")
     * @param failure   why the whole import failed (unreadable file, index disk full…), or null
     * @param mapping   the column mapping used, once done
     * @param encoding  the encoding a CSV or JSONL file was read in (UTF-8, or GB18030 for a GBK file), once done
     */
    public record JobView(String id, String file, State state, long rowsRead, long accepted, long rejected,
                          long indexed, long committed, boolean resumed, double fractionDone, Instant started,
                          Instant finished, double messagesPerSecond, List<String> errors, String failure,
                          String mapping, String encoding) {
    }

    /**
     * Stores an upload durably, then queues its import: once this returns, the import survives a crash.
     *
     * @param fileName the uploaded name; the importer chooses the format by it and row errors cite it
     * @throws IllegalArgumentException when an option is wrong (nothing is stored then)
     * @throws IOException              when the upload cannot be stored, e.g. the disk is full
     */
    public JobView submitUpload(InputStream content, String fileName, ImportRequest request) throws IOException {
        ImportOptions options = request.toOptions();
        String id = nextId();
        Path file = spool.store(new ImportSpool.Manifest(id, fileName, request, Instant.now()), content);
        return enqueue(new Job(id, fileName, false), file, options, true, 0);
    }

    /**
     * Queues an import of a file that stays where it is (the inbox, the sample data): it is not spooled, so after a
     * crash whoever submitted it submits it again (the inbox does, as its file is moved only when done).
     */
    public JobView submit(Path file, String displayName, ImportOptions options) {
        return enqueue(new Job(nextId(), displayName, false), file, options, false, 0);
    }

    /** Numbers never start again at import-1 after a restart: a job id names one import for good. */
    private String nextId() {
        return "import-" + spool.nextId(highestResumed);
    }

    /** @param skip messages of the file acknowledged before a crash: read again, but not sent again */
    private JobView enqueue(Job job, Path file, ImportOptions options, boolean spooled, long skip) {
        synchronized (jobs) {
            jobs.put(job.id, job);
            while (jobs.size() > KEPT_JOBS) {
                jobs.remove(jobs.keySet().iterator().next());
            }
        }
        runner.execute(() -> run(job, file, options, spooled, skip));
        return job.view();
    }

    public Optional<JobView> get(String id) {
        synchronized (jobs) {
            return Optional.ofNullable(jobs.get(id)).map(Job::view);
        }
    }

    public List<JobView> list() {
        synchronized (jobs) {
            return jobs.values().stream().map(Job::view).toList();
        }
    }

    private void run(Job job, Path file, ImportOptions options, boolean spooled, long skip) {
        job.start();
        LOG.info(skip == 0 ? "{}: importing {}" : "{}: importing {}, skipping the {} messages acknowledged before",
                job.id, job.file, skip);
        IngestSession session = ingestion.session(job.id);
        Runnable checkpoint = () -> {
            session.flush(); // throws out of the import when the index cannot take more
            job.committed(skip + session.committed());
            if (spooled) {
                spool.checkpoint(job.id, skip + session.acknowledged());
            }
        };
        long[] lastCheckpoint = {System.nanoTime()};
        ImportProgress progress = update -> {
            job.progress(update);
            if (System.nanoTime() - lastCheckpoint[0] >= CHECKPOINT_NANOS) {
                checkpoint.run();
                lastCheckpoint[0] = System.nanoTime();
            }
        };
        long[] seen = {0};
        MessageSink sink = message -> {
            if (++seen[0] > skip) {
                session.accept(message);
            }
        };
        try {
            ImportReport report = importer.run(file, options, sink, progress);
            checkpoint.run();
            if (closing) {
                return; // rows refused while stopping: run it again next start
            }
            job.finish(report, Math.max(0, report.accepted() - session.failed()));
            LOG.info("{}: {}", job.id, report.summary());
        } catch (RuntimeException e) {
            if (closing) {
                return;
            }
            job.fail(e);
            LOG.warn("{}: import of {} failed: {} ({} rows committed before)", job.id, job.file, e.getMessage(),
                    job.view().committed());
        }
        if (spooled) {
            spool.release(job.id);
        }
    }

    private static long number(String id) {
        try {
            return Long.parseLong(id.substring(id.lastIndexOf('-') + 1));
        } catch (NumberFormatException e) {
            return 0;
        }
    }

    /** Stops the runner; a job cut off here keeps its spooled copy and runs again at the next start. */
    @Override
    public void close() {
        closing = true;
        runner.shutdownNow();
    }

    private static final class Job {
        final String id;
        final String file;
        final boolean resumed;
        private State state = State.QUEUED;
        private ImportProgress.Update last;
        private ImportReport report;
        private long indexed;
        private long committed;
        private Instant started;
        private Instant finished;
        private String failure;

        Job(String id, String file, boolean resumed) {
            this.id = id;
            this.file = file;
            this.resumed = resumed;
        }

        synchronized void start() {
            state = State.RUNNING;
            started = Instant.now();
        }

        synchronized void progress(ImportProgress.Update update) {
            last = update;
        }

        synchronized void committed(long rows) {
            committed = rows;
        }

        synchronized void finish(ImportReport report, long indexed) {
            this.report = report;
            this.indexed = indexed;
            state = State.DONE;
            finished = Instant.now();
        }

        synchronized void fail(RuntimeException e) {
            failure = e.getMessage() == null ? e.toString() : e.getMessage();
            state = State.FAILED;
            finished = Instant.now();
        }

        synchronized JobView view() {
            long read = report != null ? report.rowsRead() : last != null ? last.rowsRead() : 0;
            long accepted = report != null ? report.accepted() : last != null ? last.accepted() : 0;
            long rejected = report != null ? report.rejected() : last != null ? last.rejected() : 0;
            double fraction = state == State.DONE ? 1 : last != null ? last.fractionDone() : 0;
            List<String> errors = new ArrayList<>();
            if (report != null) {
                report.errors().stream().map(RowError::toString).forEach(errors::add);
            }
            double rate = 0;
            if (started != null && finished != null && state == State.DONE) {
                double seconds = Math.max(1e-3, Duration.between(started, finished).toNanos() / 1e9);
                rate = indexed / seconds;
            }
            return new JobView(id, file, state, read, accepted, rejected, indexed, committed, resumed, fraction,
                    started, finished, Math.round(rate * 10) / 10.0, errors, failure,
                    report == null ? null : report.mapping(), report == null ? null : report.encoding());
        }
    }
}
