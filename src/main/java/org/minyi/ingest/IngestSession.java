package org.minyi.ingest;

import java.util.concurrent.atomic.AtomicLong;
import org.minyi.message.Message;

/**
 * One collector's channel into {@link Ingestion} (an import job, a crawl run), counting its own messages.
 *
 * <p>{@link #flush()} makes this session's messages durable, and fails when any write or commit to the index failed
 * since the session's previous flush: a failed write may have cost messages of every collector (a disk-full
 * Lucene writer drops all that was not committed), so no one may take its messages as acknowledged then.
 */
public final class IngestSession implements MessageSink {

    private final Ingestion ingestion;
    private final String name;
    private final AtomicLong accepted = new AtomicLong();
    private final AtomicLong failed = new AtomicLong();
    private final AtomicLong committed = new AtomicLong();
    private final AtomicLong acknowledged = new AtomicLong();
    private long writeFailuresSeen;

    IngestSession(Ingestion ingestion, String name) {
        this.ingestion = ingestion;
        this.name = name;
        this.writeFailuresSeen = ingestion.writeFailures();
    }

    @Override
    public void accept(Message message) {
        ingestion.accept(message, this);
        accepted.incrementAndGet();
    }

    /**
     * Makes every message accepted so far durable; afterwards {@link #committed()} counts them.
     *
     * @throws RuntimeException the index failure (e.g. disk full) when any write failed since the previous flush
     */
    @Override
    public synchronized void flush() {
        long handedOver = accepted.get();
        if (ingestion.isClosed()) {
            // close() may still be committing: say nothing is acknowledged rather than guess
            throw new IllegalStateException("ingestion is closed: the messages of " + name + " since its last flush "
                    + "are not acknowledged");
        }
        ingestion.flush();
        long failuresNow = ingestion.writeFailures();
        if (failuresNow != writeFailuresSeen) {
            writeFailuresSeen = failuresNow;
            RuntimeException cause = ingestion.lastWriteFailure();
            throw cause != null ? cause : new IllegalStateException(name + ": a write to the index failed");
        }
        acknowledged.set(handedOver);
        committed.set(Math.max(0, handedOver - failed.get()));
    }

    /**
     * Messages handed over before the last successful flush, in order: each is durable or failed for good, so a
     * collector resuming after a crash may skip this many.
     */
    public long acknowledged() {
        return acknowledged.get();
    }

    /** Messages handed over so far. */
    public long accepted() {
        return accepted.get();
    }

    /** Messages known durable in the index: indexed and committed by this session's last successful flush. */
    public long committed() {
        return committed.get();
    }

    /** Messages that could not be analysed or written. */
    public long failed() {
        return failed.get();
    }

    void countFailure() {
        failed.incrementAndGet();
    }

    @Override
    public String toString() {
        return "ingest session " + name;
    }
}
