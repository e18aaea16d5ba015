package org.minyi.ingest;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;
import org.minyi.analysis.Analysis;
import org.minyi.analysis.AnalysisPipeline;
import org.minyi.analysis.PiiMasker;
import org.minyi.index.IndexedMessage;
import org.minyi.index.MessageIndex;
import org.minyi.message.Message;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The sink every collector feeds: lays each message over the stored version of the same id, masks PII in every
 * free-text field (title and text by the analysis, the rest here), analyses it and upserts it into the index.
 *
 * <p>Analysis runs on one worker thread per core. Messages are routed to workers by id, so two versions of one
 * message are always handled in arrival order and never race each other's merge. {@link #accept} blocks when the
 * workers are behind (bounded queues), which is the back-pressure a fast importer needs.
 *
 * <p>A message is durable once {@link #flush()} returns; the service flushes every second. A collector that must
 * know which of <em>its</em> messages are durable (an import job, a crawl) sends them through a
 * {@link #session(String) session}: its flush also fails when a write to the index failed meanwhile.
 */
public final class Ingestion implements MessageSink, AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(Ingestion.class);
    private static final int BATCH = 256;
    private static final int QUEUE = 512;
    private static final int KEPT_FAILURES = 100;
    /** Refresh early when this many versions wait unseen, so the map of them stays small on big imports. */
    private static final int MAX_UNREFRESHED = 20_000;

    private final AnalysisPipeline pipeline;
    private final PiiMasker masker = new PiiMasker();
    private final MessageIndex index;
    /** People's corrections, laid over every fresh analysis; null when none are kept. */
    private final CorrectionStore corrections;
    private final List<Worker> workers = new ArrayList<>();
    private final List<Thread> workerThreads = new ArrayList<>();
    /** Versions written but perhaps not yet visible to index reads; needed to merge a quick second version. */
    private final Map<String, Message> unrefreshed = new ConcurrentHashMap<>();
    private final AtomicLong accepted = new AtomicLong();
    private final AtomicLong indexed = new AtomicLong();
    private final AtomicLong failed = new AtomicLong();
    private final AtomicLong indexedAtCommit = new AtomicLong();
    /** Writes or commits that failed (disk full, closed index…); a session's flush fails when this moved. */
    private final AtomicLong writeFailures = new AtomicLong();
    private volatile RuntimeException lastWriteFailure;
    private final Deque<IngestFailure> failures = new ArrayDeque<>();
    private final List<Consumer<IndexedMessage>> listeners = new CopyOnWriteArrayList<>();
    private final List<Runnable> beforeCommit = new CopyOnWriteArrayList<>();
    private volatile boolean closed;
    /** Gives each message its issue right before it is written (null: none is given). */
    private volatile java.util.function.UnaryOperator<IndexedMessage> issues;

    public Ingestion(AnalysisPipeline pipeline, MessageIndex index, int threads) {
        this(pipeline, index, threads, null);
    }

    /** @param corrections people's corrections, laid over every fresh analysis (null: none) */
    public Ingestion(AnalysisPipeline pipeline, MessageIndex index, int threads, CorrectionStore corrections) {
        if (threads < 1) {
            throw new IllegalArgumentException("threads must be >= 1, was " + threads);
        }
        this.pipeline = pipeline;
        this.index = index;
        this.corrections = corrections;
        for (int i = 0; i < threads; i++) {
            Worker worker = new Worker();
            Thread thread = new Thread(worker, "minyi-ingest-" + i);
            thread.setDaemon(true);
            thread.start();
            workers.add(worker);
            workerThreads.add(thread);
        }
    }

    /** People's corrections this ingestion lays over fresh analyses, or null. */
    public CorrectionStore corrections() {
        return corrections;
    }

    /**
     * Has {@code assigner} give each analysed message its issue right before it is written (see
     * {@code org.minyi.insight.IssueAssigner}). A message the assigner fails on is written without one.
     */
    public void assignIssuesWith(java.util.function.UnaryOperator<IndexedMessage> assigner) {
        issues = assigner;
    }

    /**
     * Runs {@code step} right before every commit of the index, so that what committed messages refer to outside
     * the index (the issue merges their issue ids go through) is on the disk no later than they are. A step that
     * throws fails the commit.
     */
    public void beforeEachCommit(Runnable step) {
        beforeCommit.add(step);
    }

    /** Called with every message right after it is indexed (e.g. by alerting); must be quick and not throw. */
    public void onIndexed(Consumer<IndexedMessage> listener) {
        listeners.add(listener);
    }

    /** A collector's own channel into this ingestion; see {@link IngestSession}. */
    public IngestSession session(String name) {
        return new IngestSession(this, name);
    }

    @Override
    public void accept(Message message) {
        accept(message, null);
    }

    void accept(Message message, IngestSession session) {
        if (closed) {
            throw new IllegalStateException("ingestion is closed");
        }
        accepted.incrementAndGet();
        Worker worker = workers.get(Math.floorMod(message.id().hashCode(), workers.size()));
        try {
            worker.queue.put(new Task(message, null, session));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while queueing message " + message.id(), e);
        }
    }

    /**
     * Waits until every message accepted so far is indexed, then commits: they survive a crash from here on.
     *
     * @throws RuntimeException when the commit fails (e.g. the index disk is full); nothing since the last commit
     *                          is then durable
     */
    @Override
    public void flush() {
        if (closed) {
            return; // close() flushed for the last time; the workers are gone
        }
        drainAndCommit();
    }

    private void drainAndCommit() {
        CountDownLatch done = new CountDownLatch(workers.size());
        for (Worker worker : workers) {
            try {
                worker.queue.put(new Task(null, done, null));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted while flushing", e);
            }
        }
        try {
            done.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while flushing", e);
        }
        long indexedNow = indexed.get();
        if (indexedAtCommit.get() == indexedNow) {
            return; // nothing written since the last commit: the service flushes every second, mostly idle
        }
        Map<String, Message> written = Map.copyOf(unrefreshed);
        try {
            beforeCommit.forEach(Runnable::run);
            index.commit();
        } catch (RuntimeException e) {
            writeFailed(e);
            throw e;
        }
        indexedAtCommit.set(indexedNow);
        written.forEach(unrefreshed::remove);
    }

    /** Makes what is indexed so far searchable, without the cost of a commit. */
    public void refresh() {
        Map<String, Message> written = Map.copyOf(unrefreshed);
        index.refresh();
        written.forEach(unrefreshed::remove);
    }

    boolean isClosed() {
        return closed;
    }

    /** How many index writes or commits failed since start: sessions compare it across their flushes. */
    long writeFailures() {
        return writeFailures.get();
    }

    RuntimeException lastWriteFailure() {
        return lastWriteFailure;
    }

    private void writeFailed(RuntimeException e) {
        lastWriteFailure = e;
        writeFailures.incrementAndGet();
    }

    public IngestStats stats() {
        synchronized (failures) {
            return new IngestStats(accepted.get(), indexed.get(), failed.get(), List.copyOf(failures));
        }
    }

    @Override
    public void close() {
        if (closed) {
            return;
        }
        closed = true;
        // A message that slipped in past the closed check is still ahead of STOP in its queue: written, then
        // committed below once the workers are done.
        try {
            for (Worker worker : workers) {
                worker.queue.put(Task.STOP);
            }
            for (Thread thread : workerThreads) {
                thread.join();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        try {
            beforeCommit.forEach(Runnable::run);
        } finally {
            index.commit();
        }
    }

    private IndexedMessage analyse(Message message) {
        Message earlier = unrefreshed.get(message.id());
        if (earlier == null) {
            earlier = index.get(message.id()).map(IndexedMessage::message).orElse(null);
        }
        // Every free-text field is masked before it is analysed, stored or handed to a listener; the analysis masks
        // title and text itself.
        Message merged = message.mergedOver(earlier).withOtherFieldsMasked(masker::mask);
        Analysis analysis = pipeline.analyze(merged);
        IndexedMessage indexed = IndexedMessage.of(merged, analysis);
        return corrections == null ? indexed : corrections.overlay(indexed);
    }

    private void fail(Message message, IngestSession session, RuntimeException e, boolean log) {
        failed.incrementAndGet();
        if (session != null) {
            session.countFailure();
        }
        if (log) {
            // The message text is not logged: it may hold PII that was never masked.
            LOG.warn("message {} was not indexed: {}", message.id(), e.toString());
        }
        synchronized (failures) {
            if (failures.size() == KEPT_FAILURES) {
                failures.removeFirst();
            }
            failures.addLast(new IngestFailure(message.id(), e.toString()));
        }
    }

    private record Task(Message message, CountDownLatch barrier, IngestSession session) {
        static final Task STOP = new Task(null, null, null);
    }

    private final class Worker implements Runnable {
        final BlockingQueue<Task> queue = new ArrayBlockingQueue<>(QUEUE);
        private final List<IndexedMessage> batch = new ArrayList<>(BATCH);
        private final List<IngestSession> batchSessions = new ArrayList<>(BATCH);

        @Override
        public void run() {
            while (true) {
                Task task;
                try {
                    task = queue.poll(100, TimeUnit.MILLISECONDS);
                } catch (InterruptedException e) {
                    return;
                }
                if (task == null) {
                    write(); // idle: do not keep a small batch waiting
                    continue;
                }
                if (task == Task.STOP) {
                    write();
                    return;
                }
                if (task.barrier != null) {
                    write();
                    task.barrier.countDown();
                    continue;
                }
                try {
                    IndexedMessage doc = analyse(task.message);
                    unrefreshed.put(doc.id(), doc.message());
                    batch.add(doc);
                    batchSessions.add(task.session);
                } catch (RuntimeException e) {
                    fail(task.message, task.session, e, true);
                }
                if (batch.size() >= BATCH) {
                    write();
                }
            }
        }

        private void assignIssues() {
            java.util.function.UnaryOperator<IndexedMessage> assigner = issues;
            if (assigner == null) {
                return;
            }
            for (int i = 0; i < batch.size(); i++) {
                try {
                    batch.set(i, assigner.apply(batch.get(i)));
                } catch (RuntimeException e) { // grouping is not worth losing a message over
                    LOG.warn("message {} is indexed without an issue: {}", batch.get(i).id(), e.toString());
                }
            }
        }

        private void write() {
            if (batch.isEmpty()) {
                return;
            }
            assignIssues();
            try {
                index.upsert(batch);
                indexed.addAndGet(batch.size());
                for (IndexedMessage doc : batch) {
                    listeners.forEach(listener -> listener.accept(doc));
                }
            } catch (RuntimeException e) {
                if (!(e instanceof IllegalArgumentException)) {
                    writeFailed(e); // the index itself failed, not one bad document: no flush is clean now
                }
                LOG.warn("{} messages (ids {} … {}) were not indexed: {}", batch.size(), batch.getFirst().id(),
                        batch.getLast().id(), e.getMessage());
                for (int i = 0; i < batch.size(); i++) {
                    unrefreshed.remove(batch.get(i).id());
                    fail(batch.get(i).message(), batchSessions.get(i), e, false);
                }
            }
            batch.clear();
            batchSessions.clear();
            if (unrefreshed.size() > MAX_UNREFRESHED) {
                refresh();
            }
        }
    }
}
