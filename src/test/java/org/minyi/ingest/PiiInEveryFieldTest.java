package org.minyi.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Set;
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
import tools.jackson.databind.json.JsonMapper;

/**
 * Personal data is masked in every free-text field before anything is stored, not only in title and text, and in
 * the forms people write it in; the numbers masked out leave no searchable token behind.
 */
class PiiInEveryFieldTest {

    private static final Segmenter SEGMENTER = new Segmenter(DomainDictionary.load(Path.of("dictionaries")));
    private static final AnalysisPipeline PIPELINE = AnalysisPipeline.create(SEGMENTER,
            (tokens, text) -> new TopicPrediction("城乡建设", 0.9),
            (words, text) -> new SentimentPrediction(Sentiment.NEGATIVE, -0.6));

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
