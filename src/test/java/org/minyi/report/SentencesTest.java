package org.minyi.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;

/** Template sentences state their figures, and leave out what rests on fewer than five messages. */
class SentencesTest {

    private static Figure count(long n) {
        return new Figure("留言量", n, Sentences.count(n), n, FigureQuery.count(Map.of("from", "2019-03-18")), null);
    }

    private static Figure share(long part, long whole) {
        double value = (double) part / whole;
        return new Figure("负面占比", value, Sentences.percent(value), whole,
                FigureQuery.count(Map.of("sentiment", "negative")), FigureQuery.count(Map.of()));
    }

    @Test
    void volumeWithBothComparisons() {
        var sentence = Sentences.volume(count(120), count(100), count(150)).orElseThrow();
        assertThat(sentence.text()).isEqualTo("本期共收到留言120条，环比上升20.0%（上期100条），同比下降20.0%（去年同期150条）。");
        assertThat(sentence.figures()).hasSize(3);
    }

    @Test
    void aComparisonWithTooFewMessagesIsLeftOutAndSoIsASentenceOnTooFew() {
        var sentence = Sentences.volume(count(12), count(4), count(0)).orElseThrow();
        assertThat(sentence.text()).isEqualTo("本期共收到留言12条。");
        assertThat(sentence.figures()).hasSize(1);
        assertThat(Sentences.volume(count(4), count(100), count(100))).isEmpty();
        assertThat(Sentences.negativeShare(share(2, 4), share(10, 20))).isEmpty();
        assertThat(Sentences.attitudeShift("A3区", share(5, 10), share(1, 3))).as("the period before had 3").isEmpty();
    }

    @Test
    void sharesMoveInPercentagePoints() {
        var sentence = Sentences.attitudeShift("A3区", share(6, 10), share(2, 10)).orElseThrow();
        assertThat(sentence.text()).isEqualTo("“A3区”的负面占比由上期20.0%（10条中）升至60.0%（10条中），上升40.0个百分点。");
        assertThat(Sentences.points(0.5, 0.5)).isEqualTo("持平");
        assertThat(Sentences.change(10, 0)).isEqualTo("无可比基数");
    }

    @Test
    void theQueryOfACountIsASearchOfNoHitsWithItsFiltersEncoded() {
        FigureQuery query = FigureQuery.count(new java.util.LinkedHashMap<>(Map.of("region", "A3区")));
        assertThat(query.apiLink()).isEqualTo("/api/search?region=A3%E5%8C%BA&size=0&facets=");
        assertThat(query.pageLink()).isEqualTo("/search.html?region=A3%E5%8C%BA");
        assertThat(query.read()).isEqualTo("total");
    }
}
