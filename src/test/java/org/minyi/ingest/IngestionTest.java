package org.minyi.ingest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Set;
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
import org.minyi.index.FacetField;
import org.minyi.index.IndexedMessage;
import org.minyi.index.MessageFilter;
import org.minyi.index.SearchOrder;
import org.minyi.index.SearchQuery;
import org.minyi.index.lucene.LuceneMessageIndex;
import org.minyi.message.Channel;
import org.minyi.message.Message;
import org.minyi.message.Reply;
import org.minyi.message.Votes;
import tools.jackson.databind.json.JsonMapper;

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

    // ---- personal data in every field: masked before anything is stored, and leaving no searchable token

    /** The same person's numbers and address, as the probe wrote them into every field. */
    private static final List<String> WRITTEN_FORMS = List.of("13912345678", "１３９１２３４５６７８", "139.1234.5678",
            "1391 2345 678", "139-1234-5678", "110101 19900307 4514", "110101199003074514", "zhang.san＠gov.cn",
            "张三@例子.中国", "6222 0202 0000 1234 562");
    /** Pieces of those numbers that must not survive anywhere, in any field or index term. */
    private static final List<String> PIECES = List.of("1391", "5678", "19900307", "4514", "zhang", "例子", "6222");

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
    void stepsBeforeEachCommitRunWhileTheWrittenMessagesAreNotYetCommitted() {
        List<List<String>> committedWhenRun = new CopyOnWriteArrayList<>();
        ingestion.beforeEachCommit(() -> committedWhenRun.add(committedIds()));

        ingestion.accept(Message.of("a", "路灯不亮"));
        ingestion.flush();
        ingestion.flush(); // nothing written since: no commit, no step
        ingestion.accept(Message.of("b", "公交站台破损"));
        ingestion.close();

        assertEquals(List.of(List.of(), List.of("a")), committedWhenRun,
                "before the first commit nothing is committed, before the last (at close) only a");
        assertEquals(Set.of("a", "b"), Set.copyOf(committedIds()));
    }

    private List<String> committedIds() {
        try {
            return org.minyi.testing.CommittedIndex.ids(tmp.resolve("index"));
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    @Test
    void aClosedIngestionRefusesMessagesButKeepsWhatItHad() {
        ingestion.accept(Message.of("last", "最后一条留言"));
        ingestion.close();

        assertThrows(IllegalStateException.class, () -> ingestion.accept(Message.of("late", "太晚了")));
        ingestion.flush(); // harmless after close
        assertTrue(index.get("last").isPresent());
    }

    @Test
    void noFieldOfAStoredMessageHoldsPersonalDataInAnyWrittenForm() {
        for (int i = 0; i < WRITTEN_FORMS.size(); i++) {
            ingestion.accept(everyFieldHolding("m" + i, WRITTEN_FORMS.get(i)));
        }
        ingestion.flush();

        JsonMapper json = JsonMapper.builder().build();
        for (int i = 0; i < WRITTEN_FORMS.size(); i++) {
            IndexedMessage stored = index.get("m" + i).orElseThrow();
            String all = json.writeValueAsString(stored);
            assertThat(all).as(WRITTEN_FORMS.get(i)).doesNotContain(PIECES).doesNotContain(WRITTEN_FORMS);
            assertThat(stored.message().region()).contains("【");
            assertThat(stored.message().reply().agency()).contains("【");
            if (WRITTEN_FORMS.get(i).chars().allMatch(c -> c < 0x4E00)) {
                // (a local part in Chinese has no visible start: it may take the Chinese before it along)
                assertThat(stored.message().region()).startsWith("A3区");
                assertThat(stored.message().workOrder().department()).startsWith("市住建局");
            }
        }
    }

    @Test
    void maskedNumbersAreNotSearchableAndNotFacetValues() {
        for (int i = 0; i < WRITTEN_FORMS.size(); i++) {
            ingestion.accept(everyFieldHolding("m" + i, WRITTEN_FORMS.get(i)));
        }
        ingestion.flush();

        for (String probe : concat(WRITTEN_FORMS, PIECES)) {
            long hits = index.search(SearchQuery.of(MessageFilter.text(probe))).total();
            assertThat(hits).as("search for " + probe).isZero();
        }
        var facets = index.search(new SearchQuery(MessageFilter.ALL, SearchOrder.NEWEST, 0, 0,
                Set.of(FacetField.REGION, FacetField.SOURCE, FacetField.DEPARTMENT, FacetField.PLACE), 100)).facets();
        facets.values().forEach(counts -> counts.forEach(count ->
                assertThat(count.term()).doesNotContain(PIECES)));
        assertThat(index.topKeywords(MessageFilter.ALL, 100)).allSatisfy(k -> assertThat(k.term()).doesNotContain(PIECES));
        assertThat(index.replyDelays(MessageFilter.ALL, 100))
                .allSatisfy(d -> assertThat(d.agency()).doesNotContain(PIECES));
    }

    private static Message everyFieldHolding(String id, String pii) {
        return new Message(id, "热线" + pii, Channel.HOTLINE, "路灯坏了 " + pii, "路灯坏了一个月，联系" + pii + "，希望修复",
                Instant.parse("2019-03-01T02:00:00Z"), "A3区" + pii, "https://example.org/letter?tel=" + pii, null,
                new Reply("已联系来电人" + pii + "处理", "市住建局" + pii, Instant.parse("2019-03-02T02:00:00Z")),
                new Message.WorkOrder("路灯" + pii, "已办结" + pii, "满意" + pii, "市住建局" + pii));
    }

    private static List<String> concat(List<String> a, List<String> b) {
        return java.util.stream.Stream.concat(a.stream(), b.stream()).toList();
    }
}
