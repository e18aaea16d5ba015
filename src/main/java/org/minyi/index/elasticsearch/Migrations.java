package org.minyi.index.elasticsearch;

import java.time.Clock;
import java.time.Instant;
import java.util.Objects;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicLong;
import org.minyi.analysis.Segmenter;
import org.minyi.index.MessageIndex;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Copies of a running service's embedded index into Elasticsearch ({@code minyi reindex} while the service holds
 * the index), one at a time, in the background, each observable while it runs. The service keeps serving and
 * importing meanwhile; a message that arrives during a copy may be missed, and running the copy again takes it
 * along (messages are upserted by id: nothing is copied twice).
 */
public final class Migrations implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(Migrations.class);

    public enum State { RUNNING, DONE, FAILED }

    /**
     * One copy as it stands.
     *
     * @param expected    messages in the source when the copy began
     * @param copied      messages upserted into Elasticsearch so far
     * @param targetHolds messages the target alias holds once done (−1 before)
     */
    public record Progress(long id, State state, String target, long expected, long copied, long targetHolds,
                           Instant started, Instant finished, String error) {
    }

    private final MessageIndex source;
    private final Segmenter segmenter;
    private final Clock clock;
    private final ExecutorService runner = Executors.newSingleThreadExecutor(r -> {
        Thread thread = new Thread(r, "minyi-reindex");
        thread.setDaemon(true);
        return thread;
    });
    private Run latest;

    /** @param source the service's own (embedded) index, read through the port */
    public Migrations(MessageIndex source, Segmenter segmenter, Clock clock) {
        this.source = Objects.requireNonNull(source, "source");
        this.segmenter = Objects.requireNonNull(segmenter, "segmenter");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    /**
     * Starts copying into the cluster {@code target} describes.
     *
     * @throws IllegalStateException when a copy is still running (one at a time: two would only compete)
     */
    public synchronized Progress start(ElasticsearchSettings target) {
        if (latest != null && latest.state == State.RUNNING) {
            throw new IllegalStateException("copy " + latest.id + " into " + latest.target + " is still running");
        }
        Run run = new Run(latest == null ? 1 : latest.id + 1, target, clock.instant());
        latest = run;
        runner.execute(() -> run.copy(source, segmenter, clock));
        return run.progress();
    }

    /** The latest copy, or null when none was started since the service started. */
    public synchronized Progress latest() {
        return latest == null ? null : latest.progress();
    }

    @Override
    public void close() {
        runner.shutdownNow();
    }

    /** One copy; its fields are written by the copying thread and read by whoever asks. */
    private static final class Run {

        private final long id;
        private final ElasticsearchSettings settings;
        private final String target;
        private final Instant started;
        private final AtomicLong copied = new AtomicLong();
        private volatile State state = State.RUNNING;
        private volatile long expected = -1;
        private volatile long targetHolds = -1;
        private volatile Instant finished;
        private volatile String error;

        Run(long id, ElasticsearchSettings settings, Instant started) {
            this.id = id;
            this.settings = settings;
            this.target = settings.url() + " " + settings.indexPrefix();
            this.started = started;
        }

        void copy(MessageIndex source, Segmenter segmenter, Clock clock) {
            State outcome;
            try (ElasticsearchMessageIndex into = ElasticsearchMessageIndex.open(settings, segmenter)) {
                source.refresh();
                expected = source.count();
                new IndexMigration(settings.zone()).copy(source, into, copied::set);
                into.commit();
                targetHolds = into.count();
                outcome = State.DONE;
                LOG.info("reindex {}: copied {} of {} messages into {}", id, copied.get(), expected, target);
            } catch (RuntimeException e) {
                error = e.getMessage() == null ? e.toString() : e.getMessage();
                outcome = State.FAILED;
                LOG.warn("reindex {} into {} failed after {} messages: {}", id, target, copied.get(), error);
            }
            finished = clock.instant();
            state = outcome; // last: whoever sees the outcome sees every field it vouches for
        }

        Progress progress() {
            State now = state; // read first: see copy()
            return new Progress(id, now, target, expected, copied.get(), targetHolds, started, finished, error);
        }
    }
}
