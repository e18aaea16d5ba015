package org.minyi.index.elasticsearch;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.minyi.index.TestMessage.message;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import java.net.URI;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.minyi.analysis.DomainDictionary;
import org.minyi.analysis.Segmenter;
import org.minyi.index.MessageIndex;
import org.minyi.index.MessageIndexContract;
import org.minyi.testing.es.ElasticsearchNode;
import org.minyi.testing.es.ElasticsearchNodeExtension;
import tools.jackson.databind.json.JsonMapper;

/** The shared contract against a real Elasticsearch 9.5.3 node, plus what only this adapter has. */
@ExtendWith(ElasticsearchNodeExtension.class)
class ElasticsearchMessageIndexTest extends MessageIndexContract {

    static final Segmenter SEGMENTER = new Segmenter(DomainDictionary.load(null));
    private static final AtomicInteger OPENED = new AtomicInteger();

    private static ElasticsearchNode node;
    private static ElasticsearchClient admin;

    @TempDir
    Path buffers;

    private String prefix;

    @BeforeAll
    static void connect(ElasticsearchNode shared) {
        node = shared;
        admin = ElasticsearchClient.of(b -> b.host(shared.url()));
    }

    @AfterAll
    static void disconnect() throws Exception {
        admin.close();
    }

    /** Each test gets its own prefix, so its own template, alias and indices on the shared node. */
    @Override
    protected MessageIndex newIndex(ZoneId zone) {
        prefix = "contract-" + OPENED.incrementAndGet();
        return ElasticsearchMessageIndex.open(settings(prefix).withZone(zone), SEGMENTER);
    }

    private ElasticsearchSettings settings(String indexPrefix) {
        return ElasticsearchSettings.of(URI.create(node.url()), buffers).withIndexPrefix(indexPrefix).withReplicas(0);
    }

    @AfterEach
    void dropIndices() throws Exception {
        admin.indices().delete(d -> d.index(prefix + "-*").ignoreUnavailable(true).allowNoIndices(true));
        admin.indices().deleteIndexTemplate(d -> d.name(prefix + "-messages-v" + IndexNaming.MAPPING_VERSION));
    }

    @Test
    void messagesGoToTheIndexOfTheirMonthAndAreReadThroughTheAlias() throws Exception {
        add(message("march", "路灯坏了").at("2024-03-31T23:30+08:00"), message("april", "路灯修好了")
                .at("2024-04-01T00:30+08:00"), message("undated", "路灯"));

        assertTrue(admin.indices().exists(e -> e.index(prefix + "-messages-v" + IndexNaming.MAPPING_VERSION + "-2024.03")).value());
        assertTrue(admin.indices().exists(e -> e.index(prefix + "-messages-v" + IndexNaming.MAPPING_VERSION + "-2024.04")).value());
        assertEquals(1, admin.count(c -> c.index(prefix + "-messages-v" + IndexNaming.MAPPING_VERSION + "-undated")).count());
        assertEquals(3, index.count());
    }

    @Test
    void aMessageWhoseTimeMovesToAnotherMonthLeavesNoCopyBehind() {
        add(message("a", "路灯坏了").at("2024-03-15T10:00+08:00"));
        add(message("a", "路灯坏了").at("2024-05-15T10:00+08:00"));

        assertEquals(1, index.count());
        assertEquals(1, search(org.minyi.index.MessageFilter.text("路灯")).total());
    }

    @Test
    void recordsLeftInTheBufferByAnEarlierRunAreShippedWhenTheIndexOpensAgain() throws Exception {
        index.close();
        JsonMapper json = JsonMapper.builder().build();
        Outbox leftover = new Outbox(buffers.resolve(prefix), 1 << 20, json);
        leftover.append(List.of(new BulkOp(prefix + "-messages-v" + IndexNaming.MAPPING_VERSION + "-2024.03", "left",
                new MessageDocuments(SEGMENTER, json).toJson(message("left", "路灯坏了").at("2024-03-01T10:00+08:00")
                        .build()))));

        ElasticsearchMessageIndex reopened = ElasticsearchMessageIndex.open(settings(prefix), SEGMENTER);
        index = reopened;
        Instant deadline = Instant.now().plusSeconds(60);
        while (reopened.bufferedBytes() > 0 && Instant.now().isBefore(deadline)) {
            Thread.sleep(50);
        }
        index.refresh();

        assertEquals("路灯坏了", index.get("left").orElseThrow().message().text());
    }

    @Test
    void theTemplateIsVersionedAndOwnedByMinYi() throws Exception {
        var template = admin.indices().getIndexTemplate(g -> g.name(prefix + "-messages-v" + IndexNaming.MAPPING_VERSION)).indexTemplates()
                .getFirst().indexTemplate();

        assertEquals(IndexNaming.TEMPLATE_VERSION, template.version());
        assertEquals(List.of(prefix + "-messages-v" + IndexNaming.MAPPING_VERSION + "-*"), template.indexPatterns());
    }

    @Test
    void indicesOfAnOlderTemplateGainTheNewFieldsAtStartUp() throws Exception {
        index.close();
        String old = "upgrade-" + OPENED.incrementAndGet();
        String name = old + "-messages-v" + IndexNaming.MAPPING_VERSION;
        // what an installation of template version 2 left: no vector field, and an index made from it
        admin.indices().putIndexTemplate(t -> t.name(name).indexPatterns(name + "-*").version(2L)
                .template(tt -> tt.aliases(old + "-messages", a -> a).mappings(m -> m.dynamic(
                        co.elastic.clients.elasticsearch._types.mapping.DynamicMapping.Strict)
                        .properties("id", p -> p.keyword(k -> k)))));
        admin.indices().create(c -> c.index(name + "-2024.03"));
        index = ElasticsearchMessageIndex.open(settings(old), SEGMENTER);

        var mapping = admin.indices().getMapping(g -> g.index(name + "-2024.03")).mappings().get(name + "-2024.03")
                .mappings().properties();
        assertTrue(mapping.containsKey("embedding"), mapping.keySet().toString());
        index.upsert(List.of(org.minyi.index.TestMessage.message("v", "路灯").at("2024-03-05T10:00:00+08:00")
                .vector(9, 0f).build()));
        index.refresh();
        assertTrue(index.vector("v").isPresent());
        admin.indices().delete(d -> d.index(old + "-*").ignoreUnavailable(true).allowNoIndices(true));
        admin.indices().deleteIndexTemplate(d -> d.name(name));
    }
}
