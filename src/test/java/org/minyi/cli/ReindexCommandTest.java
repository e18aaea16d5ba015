package org.minyi.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.minyi.index.TestMessage.message;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.minyi.analysis.DomainDictionary;
import org.minyi.analysis.Segmenter;
import org.minyi.index.IndexedMessage;
import org.minyi.index.elasticsearch.ElasticsearchMessageIndex;
import org.minyi.index.elasticsearch.ElasticsearchSettings;
import org.minyi.index.lucene.LuceneMessageIndex;
import org.minyi.testing.es.ElasticsearchNode;
import org.minyi.testing.es.ElasticsearchNodeExtension;
import picocli.CommandLine;

@ExtendWith(ElasticsearchNodeExtension.class)
class ReindexCommandTest {

    private static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");

    @TempDir
    Path folder;

    @Test
    void copiesEveryMessageOfTheEmbeddedIndexAndCopiesNothingTwiceWhenRunAgain(ElasticsearchNode node) {
        Segmenter segmenter = new Segmenter(DomainDictionary.load(null));
        List<IndexedMessage> messages = new ArrayList<>();
        Instant first = Instant.parse("2024-01-30T15:00:00Z");
        for (int i = 0; i < 450; i++) { // several days of more than a page, across a month end
            messages.add(message("dated-" + i, "第" + i + "条：路灯坏了").at(first.plus(Duration.ofMinutes(20L * i)))
                    .keywords("路灯").build());
        }
        for (int i = 0; i < 5; i++) {
            messages.add(message("undated-" + i, "没有时间的留言" + i).build());
        }
        for (int i = 0; i < 3; i++) { // sentence vectors are kept apart from the record: they travel too
            messages.add(message("vector-" + i, "有向量的留言" + i).at(first).vector(i, 0.2f).build());
        }
        Path embedded = folder.resolve("index");
        try (LuceneMessageIndex lucene = LuceneMessageIndex.open(embedded, segmenter, ZONE)) {
            lucene.upsert(messages);
        }
        String[] args = {"reindex", "--index", embedded.toString(), "--es-url", node.url(),
                "--es-prefix", "reindexed", "--es-replicas", "0", "--buffer", folder.resolve("buffer").toString()};

        assertEquals(0, run(args));
        assertEquals(0, run(args));

        try (ElasticsearchMessageIndex elastic = ElasticsearchMessageIndex.open(
                ElasticsearchSettings.of(URI.create(node.url()), folder.resolve("check"))
                        .withIndexPrefix("reindexed").withReplicas(0), segmenter)) {
            assertEquals(messages.size(), elastic.count());
            for (IndexedMessage message : messages) {
                float[] vector = message.analysis().embedding();
                if (vector == null) {
                    assertEquals(message, elastic.get(message.id()).orElseThrow(), message.id());
                } else {
                    assertEquals(message.message(), elastic.get(message.id()).orElseThrow().message());
                    org.junit.jupiter.api.Assertions.assertArrayEquals(vector,
                            elastic.vector(message.id()).orElseThrow(), 1e-6f, message.id());
                }
            }
        }
    }

    private static int run(String... args) {
        CommandLine cli = new CommandLine(new MinYiCommand());
        cli.setOut(new PrintWriter(new StringWriter()));
        cli.setErr(new PrintWriter(new StringWriter()));
        return cli.execute(args);
    }
}
