package org.minyi.web;

import java.io.IOException;
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
import java.util.concurrent.atomic.AtomicInteger;
import org.minyi.collect.importer.FileImporter;
import org.minyi.collect.importer.ImportOptions;
import org.minyi.collect.importer.ImportProgress;
import org.minyi.collect.importer.ImportReport;
import org.minyi.collect.importer.RowError;
import org.minyi.ingest.Ingestion;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Imports running inside the service, one at a time in arrival order, each observable while it runs. Used for
 * uploads ({@code minyi import} while the service runs) and for loading the real data set at first start.
 */
@Component
public final class ImportJobs implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(ImportJobs.class);
    private static final int KEPT_JOBS = 50;

    private final Ingestion ingestion;
    private final FileImporter importer = new FileImporter();
    private final ExecutorService runner = Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(r, "minyi-import");
        t.setDaemon(true);
        return t;
    });
    private final AtomicInteger ids = new AtomicInteger();
    private final Map<String, Job> jobs = new LinkedHashMap<>();

    public ImportJobs(Ingestion ingestion) {
        this.ingestion = ingestion;
    }

    /** State of one import, as the API shows it. */
    public enum State { QUEUED, RUNNING, DONE, FAILED }

    /**
     * @param indexed    rows that went through analysis into the index (known when DONE)
     * @param errors     the first row errors ("file:line (row n): problem")
     * @param failure    why the whole import failed (unreadable file, no matching mapping…), or null
     */
    public record JobView(String id, String file, State state, long rowsRead, long accepted, long rejected,
                          long indexed, double fractionDone, Instant started, Instant finished,
                          double messagesPerSecond, List<String> errors, String failure) {
    }

    /**
     * Queues an import of {@code file}.
     *
     * @param deleteWhenDone remove the file and its folder afterwards (an upload's temporary copy)
     */
    public JobView submit(Path file, String displayName, ImportOptions options, boolean deleteWhenDone) {
        Job job = new Job("import-" + ids.incrementAndGet(), displayName);
        synchronized (jobs) {
            jobs.put(job.id, job);
            while (jobs.size() > KEPT_JOBS) {
                jobs.remove(jobs.keySet().iterator().next());
            }
        }
        runner.execute(() -> run(job, file, options, deleteWhenDone));
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

    private void run(Job job, Path file, ImportOptions options, boolean deleteWhenDone) {
        job.start();
        LOG.info("{}: importing {}", job.id, job.file);
        long failedBefore = ingestion.stats().failed();
        try {
            ImportReport report = importer.run(file, options, ingestion, job::progress);
            ingestion.flush();
            long failedDuring = ingestion.stats().failed() - failedBefore;
            job.finish(report, Math.max(0, report.accepted() - failedDuring));
            LOG.info("{}: {}", job.id, report.summary());
        } catch (RuntimeException e) {
            job.fail(e);
            LOG.warn("{}: import of {} failed: {}", job.id, job.file, e.getMessage());
        } finally {
            if (deleteWhenDone) {
                try {
                    Files.deleteIfExists(file);
                    Files.deleteIfExists(file.getParent());
                } catch (IOException e) {
                    LOG.warn("could not delete uploaded file {}", file, e);
                }
            }
        }
    }

    @Override
    public void close() {
        runner.shutdownNow();
    }

    private static final class Job {
        final String id;
        final String file;
        private State state = State.QUEUED;
        private ImportProgress.Update last;
        private ImportReport report;
        private long indexed;
        private Instant started;
        private Instant finished;
        private String failure;

        Job(String id, String file) {
            this.id = id;
            this.file = file;
        }

        synchronized void start() {
            state = State.RUNNING;
            started = Instant.now();
        }

        synchronized void progress(ImportProgress.Update update) {
            last = update;
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
            return new JobView(id, file, state, read, accepted, rejected, indexed, fraction, started, finished,
                    Math.round(rate * 10) / 10.0, errors, failure);
        }
    }
}
