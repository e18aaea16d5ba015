package org.minyi.ingest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.minyi.MinYiSettings;
import org.minyi.analysis.AnalysisPipeline;
import org.minyi.analysis.DomainDictionary;
import org.minyi.analysis.Segmenter;
import org.minyi.analysis.Sentiment;
import org.minyi.analysis.SentimentPrediction;
import org.minyi.analysis.TopicPrediction;
import org.minyi.index.IndexedMessage;
import org.minyi.index.MessageFilter;
import org.minyi.index.SearchQuery;
import org.minyi.index.lucene.LuceneMessageIndex;
import org.minyi.message.Channel;
import org.minyi.message.Message;
import org.minyi.message.Reply;
import org.minyi.message.Votes;

class IngestionTest {

    private static final Segmenter SEGMENTER = new Segmenter(DomainDictionary.load(Path.of("dictionaries")));
    /** Topic "故障" makes analysis fail: stands for any message the pipeline cannot handle. */
    private static final AnalysisPipeline PIPELINE = AnalysisPipeline.create(SEGMENTER,
            (tokens, text) -> {
                if (text.contains("故障")) {
                    throw new IllegalStateException("classifier broke");
                }
                return new TopicPrediction("城乡建设", 0.9);
            },
            (words, text) -> new SentimentPrediction(Sentiment.NEGATIVE, -0.6));

    @TempDir
    Path tmp;

    private LuceneMessageIndex index;
    private Ingestion ingestion;

    @BeforeEach
    void open() {
        index = LuceneMessageIndex.open(tmp.resolve("index"), SEGMENTER, MinYiSettings.CHINA);
        ingestion = new Ingestion(PIPELINE, index, 2);
    }

    @AfterEach
    void close() {
        ingestion.close();
        index.close();
    }

    @Test
    void flushedMessagesAreIndexedMaskedAndSearchable() {
        ingestion.accept(new Message("1", "board-a", Channel.BOARD, "路灯不亮", "路灯坏了，电话13812345678，请尽快修",
                Instant.parse("2019-03-01T02:00:00Z"), null, null, null, null));
        ingestion.flush();

        IndexedMessage stored = index.get("1").orElseThrow();
        assertFalse(stored.message().text().contains("13812345678"));
        assertEquals(1, index.search(SearchQuery.of(MessageFilter.text("路灯"))).total());
        assertEquals(1, ingestion.stats().indexed());
    }

    @Test
    void aLaterVersionOfTheSameIdIsMergedNotDuplicated() {
        ingestion.accept(new Message("7", "board-a", Channel.BOARD, "噪音扰民", "工地夜间施工噪音扰民",
                Instant.parse("2019-03-01T02:00:00Z"), null, null, new Votes(30, 2), null));
        ingestion.accept(new Message("7", null, null, null, "工地夜间施工噪音扰民，希望处理", null, null, null, null,
                new Reply("已责令整改", "城管局", Instant.parse("2019-03-05T02:00:00Z"))));
        ingestion.flush();

        assertEquals(1, index.count());
        Message merged = index.get("7").orElseThrow().message();
        assertEquals(new Votes(30, 2), merged.votes(), "kept from the first version");
        assertEquals("城管局", merged.reply().agency(), "added by the second");
        assertEquals("噪音扰民", merged.title());
        assertTrue(merged.text().endsWith("希望处理"));
    }

    @Test
    void aMessageThatCannotBeAnalysedIsReportedAndTheOthersGoOn() {
        ingestion.accept(Message.of("ok-1", "小区垃圾无人清运"));
        ingestion.accept(Message.of("bad", "设备故障"));
        ingestion.accept(Message.of("ok-2", "公交站台破损"));
        ingestion.flush();

        IngestStats stats = ingestion.stats();
        assertEquals(3, stats.accepted());
        assertEquals(2, stats.indexed());
        assertEquals(1, stats.failed());
        assertEquals("bad", stats.recentFailures().getFirst().messageId());
        assertFalse(stats.recentFailures().getFirst().error().contains("设备故障"), "no message text in errors");
        assertEquals(2, index.count());
    }

    @Test
    void listenersSeeEveryIndexedMessage() {
        List<String> seen = new CopyOnWriteArrayList<>();
        ingestion.onIndexed(m -> seen.add(m.id()));
        for (int i = 0; i < 600; i++) {
            ingestion.accept(Message.of("m" + i, "第" + i + "号楼电梯故障频发".replace("故障", "停运")));
        }
        ingestion.flush();

        assertEquals(600, seen.size());
        assertEquals(600, index.count());
    }

    @Test
    void aClosedIngestionRefusesMessagesButKeepsWhatItHad() {
        ingestion.accept(Message.of("last", "最后一条留言"));
        ingestion.close();

        assertThrows(IllegalStateException.class, () -> ingestion.accept(Message.of("late", "太晚了")));
        ingestion.flush(); // harmless after close
        assertTrue(index.get("last").isPresent());
    }
}
