package org.minyi.index.elasticsearch;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import co.elastic.clients.elasticsearch._types.ElasticsearchException;
import co.elastic.clients.elasticsearch.core.BulkRequest;
import co.elastic.clients.elasticsearch.core.BulkResponse;
import co.elastic.clients.elasticsearch.core.SearchResponse;
import co.elastic.clients.elasticsearch.core.bulk.BulkResponseItem;
import co.elastic.clients.elasticsearch.core.search.Hit;
import co.elastic.clients.transport.TransportException;
import co.elastic.clients.util.BinaryData;
import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Moves accepted records from the {@link Outbox} into Elasticsearch with bulk requests, oldest first, one request
 * in flight (a writer waits while the cluster is slow: that is the back-pressure). Whole requests that fail with
 * 429 or 5xx or do not reach the cluster, and single records refused with 429 or 5xx, are retried with growing
 * pauses; records refused for any other reason are set aside in the outbox's {@code rejected/} folder.
 *
 * <p>When retries run out the shipper marks the cluster unavailable: writes are then only buffered, and a
 * background thread replays the buffer once the cluster answers again.
 */
final class BulkShipper implements AutoCloseable {

    private static final Logger LOG = Logger.getLogger(BulkShipper.class.getName());
    private static final Duration FIRST_PAUSE = Duration.ofMillis(100);
    private static final Duration LONGEST_PAUSE = Duration.ofSeconds(5);
    /** Where recently shipped ids went, to remove the old copy when a message moves to another month. */
    private static final int REMEMBERED_IDS = 200_000;

    private final ElasticsearchClient client;
    private final Outbox outbox;
    private final String alias;
    private final long maxBulkBytes;
    private final Duration retryFor;
    private final ReentrantLock shipping = new ReentrantLock();
    private final Condition work = shipping.newCondition();
    private final Map<String, String> recentIndexOfId = new LinkedHashMap<>(16, 0.75f, false) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, String> eldest) {
            return size() > REMEMBERED_IDS;
        }
    };
    private final Thread replay;
    private volatile boolean available = true;
    private volatile boolean closed;
    private volatile Exception lastFailure;

    BulkShipper(ElasticsearchClient client, Outbox outbox, String alias, long maxBulkBytes, Duration retryFor) {
        this.client = client;
        this.outbox = outbox;
        this.alias = alias;
        this.maxBulkBytes = maxBulkBytes;
        this.retryFor = retryFor;
        this.available = outbox.isEmpty(); // leftovers from a previous run go through the replay thread first
        this.replay = Thread.ofPlatform().daemon().name("minyi-es-replay").start(this::replayLoop);
    }

    /** Accepts the records (on disk when this returns) and ships them now unless the cluster is known down. */
    void submit(List<BulkOp> ops) {
        outbox.append(ops);
        if (available) {
            shipping.lock();
            try {
                drain(Instant.now().plus(retryFor));
            } finally {
                shipping.unlock();
            }
        }
    }

    /** Ships everything buffered or throws when the cluster does not take it within the retry budget. */
    void flush() {
        shipping.lock();
        try {
            if (!drain(Instant.now().plus(retryFor))) {
                throw new ElasticsearchUnavailableException("Elasticsearch did not take the buffered records within "
                        + retryFor + "; " + outbox.pending().size() + " batches wait in the local buffer",
                        lastFailure);
            }
        } finally {
            shipping.unlock();
        }
    }

    boolean isAvailable() {
        return available;
    }

    long bufferedBytes() {
        return outbox.pendingBytes();
    }

    void forget(String id) {
        shipping.lock();
        try {
            recentIndexOfId.remove(id);
        } finally {
            shipping.unlock();
        }
    }

    @Override
    public void close() {
        closed = true;
        shipping.lock();
        try {
            work.signalAll();
        } finally {
            shipping.unlock();
        }
        try {
            replay.join(TimeUnit.SECONDS.toMillis(30));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** Replays what writers could not ship: leftovers from the last run and everything buffered in an outage. */
    private void replayLoop() {
        Duration pause = FIRST_PAUSE;
        while (!closed) {
            boolean shipped = true;
            shipping.lock();
            try {
                if (available || outbox.isEmpty()) {
                    work.await(1, TimeUnit.SECONDS); // writers ship their own records while the cluster is up
                } else {
                    shipped = drain(Instant.now());
                }
            } catch (InterruptedException e) {
                return;
            } catch (RuntimeException e) {
                shipped = false;
                LOG.log(Level.WARNING, "replaying the Elasticsearch buffer failed; will try again", e);
            } finally {
                shipping.unlock();
            }
            if (shipped) {
                pause = FIRST_PAUSE;
            } else {
                sleep(pause);
                pause = longer(pause);
            }
        }
    }

    /** Ships buffered batches in order until none is left (true) or the deadline passes (false). */
    private boolean drain(Instant deadline) {
        Duration pause = FIRST_PAUSE;
        while (true) {
            List<Outbox.Batch> group = nextGroup();
            if (group.isEmpty()) {
                available = true;
                return true;
            }
            List<BulkOp> remaining = new ArrayList<>();
            for (Outbox.Batch batch : group) {
                remaining.addAll(outbox.read(batch));
            }
            while (!remaining.isEmpty()) {
                remaining = sendOnce(remaining);
                if (remaining.isEmpty()) {
                    break;
                }
                if (Instant.now().plus(pause).isAfter(deadline)) {
                    if (available) {
                        LOG.warning("Elasticsearch unavailable, buffering writes locally: " + lastFailure);
                    }
                    available = false;
                    return false;
                }
                sleep(pause);
                pause = longer(pause);
            }
            group.forEach(outbox::done);
            pause = FIRST_PAUSE;
        }
    }

    /** Consecutive batches up to the bulk size limit, at least one. */
    private List<Outbox.Batch> nextGroup() {
        List<Outbox.Batch> group = new ArrayList<>();
        long bytes = 0;
        for (Outbox.Batch batch : outbox.pending()) {
            if (!group.isEmpty() && bytes + batch.bytes() > maxBulkBytes) {
                break;
            }
            group.add(batch);
            bytes += batch.bytes();
        }
        return group;
    }

    /** One bulk request; returns the operations to try again. */
    private List<BulkOp> sendOnce(List<BulkOp> ops) {
        try {
            List<Copy> staleCopies = staleCopies(ops);
            BulkRequest.Builder request = new BulkRequest.Builder();
            for (Copy copy : staleCopies) {
                request.operations(o -> o.delete(d -> d.index(copy.index()).id(copy.id())));
            }
            for (BulkOp op : ops) {
                request.operations(o -> o.index(i -> i.index(op.index()).id(op.id())
                        .document(BinaryData.of(op.document(), "application/json"))));
            }
            BulkResponse response = client.bulk(request.build());
            List<BulkResponseItem> items = response.items();
            int offset = staleCopies.size();
            List<BulkOp> retry = new ArrayList<>();
            for (int i = 0; i < ops.size(); i++) {
                BulkResponseItem item = items.get(offset + i);
                BulkOp op = ops.get(i);
                if (item.error() == null) {
                    recentIndexOfId.put(op.id(), op.index());
                } else if (isRetryable(item.status())) {
                    retry.add(op);
                    lastFailure = new IllegalStateException(item.status() + " " + item.error().reason());
                } else {
                    outbox.reject(op, item.status() + " " + item.error().type() + ": " + item.error().reason());
                    LOG.warning("Elasticsearch refused message " + op.id() + ": " + item.error().reason());
                }
            }
            return retry;
        } catch (ElasticsearchException e) {
            lastFailure = e;
            if (isRetryable(e.status())) {
                return ops;
            }
            throw new IllegalStateException("Elasticsearch refused a bulk request: " + e.getMessage(), e);
        } catch (TransportException e) {
            lastFailure = e;
            if (e.statusCode() == 0 || isRetryable(e.statusCode())) {
                return ops;
            }
            throw new IllegalStateException("Elasticsearch refused a bulk request: " + e.getMessage(), e);
        } catch (IOException e) {
            lastFailure = e; // not reachable: down, restarting, network
            return ops;
        }
    }

    /**
     * Copies of these ids that sit in another monthly index than the one they are being written to (their
     * creation time changed month). Looks at what this shipper sent recently, which the cluster may not show yet,
     * and asks the cluster for the rest.
     */
    private List<Copy> staleCopies(List<BulkOp> ops) throws IOException {
        Map<String, String> target = new LinkedHashMap<>();
        for (BulkOp op : ops) {
            target.put(op.id(), op.index());
        }
        Set<Copy> stale = new LinkedHashSet<>();
        for (Map.Entry<String, String> entry : target.entrySet()) {
            String previous = recentIndexOfId.get(entry.getKey());
            if (previous != null && !previous.equals(entry.getValue())) {
                stale.add(new Copy(entry.getKey(), previous));
            }
        }
        List<String> ids = List.copyOf(target.keySet());
        SearchResponse<Void> found = client.search(s -> s.index(alias)
                .ignoreUnavailable(true).allowNoIndices(true)
                .query(q -> q.ids(i -> i.values(ids)))
                .source(src -> src.fetch(false))
                .size(Math.min(10_000, ids.size() * 2)), Void.class);
        for (Hit<Void> hit : found.hits().hits()) {
            if (!hit.index().equals(target.get(hit.id()))) {
                stale.add(new Copy(hit.id(), hit.index()));
            }
        }
        return List.copyOf(stale);
    }

    private record Copy(String id, String index) {
    }

    private static boolean isRetryable(int status) {
        return status == 429 || status >= 500;
    }

    private static Duration longer(Duration pause) {
        Duration doubled = pause.multipliedBy(2);
        return doubled.compareTo(LONGEST_PAUSE) > 0 ? LONGEST_PAUSE : doubled;
    }

    private static void sleep(Duration pause) {
        try {
            Thread.sleep(pause);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
