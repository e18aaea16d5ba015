package org.minyi.index.elasticsearch;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.minyi.index.TestMessage.message;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import co.elastic.clients.elasticsearch._types.aggregations.StringTermsBucket;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.minyi.index.IndexedMessage;
import org.minyi.testing.es.ElasticsearchNode;
import org.minyi.testing.es.ElasticsearchNodeExtension;

/**
 * Durability against a real node: records accepted while Elasticsearch is stopped or refusing writes are kept on
 * local disk and replayed when it is back, none lost and none twice. The stop-and-restart test runs its own node,
 * so stopping it disturbs no other test.
 */
@ExtendWith(ElasticsearchNodeExtension.class)
class ElasticsearchOutageTest {

    private static final int MESSAGES = 3_000;
    private static final int BATCH = 50;
    private static final Instant FIRST = Instant.parse("2024-01-01T00:00:00Z");

    @TempDir
    Path nodeData;

    @TempDir
    Path buffers;

    @Test
    // Asking for the shared node applies the extension's skip-or-fail policy before a second node is started.
    void recordsAcceptedWhileTheNodeIsStoppedArriveOnceAfterItRestarts(ElasticsearchNode shared) throws Exception {
        try (ElasticsearchNode node = ElasticsearchNode.start(nodeData);
             ElasticsearchMessageIndex index = ElasticsearchMessageIndex.open(settings(node, "outage"),
                     ElasticsearchMessageIndexTest.SEGMENTER);
             ElasticsearchClient admin = ElasticsearchClient.of(b -> b.host(node.url()))) {
            boolean sawOutage = false;
            long bufferedDuringOutage = 0;
            for (int start = 0; start < MESSAGES; start += BATCH) {
                if (start == MESSAGES / 3) {
                    node.stop(); // mid-ingest: the next batches cannot reach the cluster
                }
                index.upsert(batch(start));
                if (!index.isClusterAvailable()) {
                    sawOutage = true;
                    bufferedDuringOutage = Math.max(bufferedDuringOutage, index.bufferedBytes());
                }
                if (start == 2 * MESSAGES / 3) {
                    node.restart();
                }
            }
            assertTrue(sawOutage, "the writer should have noticed the node was down");
            assertTrue(bufferedDuringOutage > 0, "records should have waited in the local buffer");

            await(() -> index.bufferedBytes() == 0, Duration.ofMinutes(2));
            index.refresh();

            assertEquals(MESSAGES, index.count(), "every accepted record once");
            assertEquals(List.of(), idsIndexedMoreThanOnce(admin, index.alias()));
        }
    }

    @Test
    void recordsRefusedWith429WhileIndicesAreBlockedArriveOnceTheBlockIsLifted(ElasticsearchNode node)
            throws Exception {
        try (ElasticsearchMessageIndex index = ElasticsearchMessageIndex.open(settings(node, "blocked"),
                ElasticsearchMessageIndexTest.SEGMENTER);
             ElasticsearchClient admin = ElasticsearchClient.of(b -> b.host(node.url()))) {
            index.upsert(batch(0));
            index.refresh();
            // What Elasticsearch does by itself when a disk passes the flood stage: writes answer 429.
            admin.indices().putSettings(s -> s.index(index.alias())
                    .settings(i -> i.blocks(b -> b.readOnlyAllowDelete(true))));

            index.upsert(batch(0)); // same ids again: an update, refused while blocked
            index.upsert(batch(BATCH));
            assertFalse(index.isClusterAvailable());
            assertTrue(index.bufferedBytes() > 0);

            admin.indices().putSettings(s -> s.index(index.alias())
                    .settings(i -> i.blocks(b -> b.readOnlyAllowDelete(false))));
            await(() -> index.bufferedBytes() == 0, Duration.ofMinutes(1));
            index.refresh();

            assertEquals(2 * BATCH, index.count());
            assertEquals(List.of(), idsIndexedMoreThanOnce(admin, index.alias()));
        } finally {
            try (ElasticsearchClient admin = ElasticsearchClient.of(b -> b.host(node.url()))) {
                admin.indices().delete(d -> d.index("blocked-*").ignoreUnavailable(true).allowNoIndices(true));
            }
        }
    }

    private ElasticsearchSettings settings(ElasticsearchNode node, String prefix) {
        // a short retry budget: writers give up on the cluster quickly and leave the rest to the replay
        return ElasticsearchSettings.of(URI.create(node.url()), buffers).withIndexPrefix(prefix).withReplicas(0)
                .withRetryFor(Duration.ofSeconds(1));
    }

    /** Messages {@code start..start+BATCH-1}, an hour apart, so they fill several monthly indices. */
    private static List<IndexedMessage> batch(int start) {
        List<IndexedMessage> batch = new ArrayList<>(BATCH);
        for (int i = start; i < start + BATCH; i++) {
            batch.add(message("m" + i, "第" + i + "号留言：小区路灯坏了，希望尽快维修。")
                    .at(FIRST.plus(Duration.ofHours(i))).keywords("路灯").build());
        }
        return batch;
    }

    private static List<String> idsIndexedMoreThanOnce(ElasticsearchClient admin, String alias) throws Exception {
        var response = admin.search(s -> s.index(alias).size(0)
                .aggregations("ids", a -> a.terms(t -> t.field(MessageDocuments.ID).minDocCount(2).size(100))),
                Void.class);
        return response.aggregations().get("ids").sterms().buckets().array().stream()
                .map(StringTermsBucket::key).map(k -> k.stringValue()).toList();
    }

    private static void await(BooleanSupplier condition, Duration timeout) throws InterruptedException {
        Instant deadline = Instant.now().plus(timeout);
        while (!condition.getAsBoolean()) {
            if (Instant.now().isAfter(deadline)) {
                throw new AssertionError("condition not met within " + timeout);
            }
            Thread.sleep(100);
        }
    }
}
