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
    private static Figure rate(double value, long basis) {
        return new Figure("答复率", value, Sentences.percent(value), basis, FigureQuery.count(Map.of()), null);
    }

    private static Figure days(double value, long basis) {
        return new Figure("答复用时中位数", value, Sentences.days(value), basis, FigureQuery.count(Map.of()), null);
    }

    @Test
    void aSlowReplyStatesTheCellAgainstTheWholeAndItsDelayOnlyOnEnoughReplies() {
        var sentence = Sentences.slowReply("义务教育", "A7区", count(12), rate(0.25, 12), rate(0.8, 300),
                days(20, 3), days(4, 240)).orElseThrow();
        assertThat(sentence.text()).isEqualTo("“义务教育”在A7区有12条留言，答复率25.0%（总体80.0%）。");
        var slow = Sentences.slowReply("义务教育", "A7区", count(12), rate(0.75, 12), rate(0.8, 300),
                days(20, 9), days(4, 240)).orElseThrow();
        assertThat(slow.text()).endsWith("，答复用时中位数20.0天（总体4.0天）。");
        assertThat(slow.figures()).hasSize(5);
        assertThat(Sentences.slowReply("义务教育", "A7区", count(4), rate(0, 4), rate(0.8, 300), null, null))
                .as("a cell of 4 messages").isEmpty();
    }

    @Test
    void aBlindSpotRestsOnTheRegionsMessagesNotOnItsOwnCount() {
        Figure observed = new Figure("实际", 0, "0", 40, FigureQuery.count(Map.of()), null);
        Figure expected = new Figure("预期", 9.64, Sentences.decimal(9.64), 40, FigureQuery.count(Map.of()), null);
        assertThat(Sentences.blindSpot("养老服务", "A2区", observed, expected).orElseThrow().text())
                .isEqualTo("“养老服务”在A2区只有0条留言，按该地区的留言量与该领域在各地区的占比应有约9.6条，可能是覆盖盲区。");
        Figure few = new Figure("实际", 0, "0", 3, FigureQuery.count(Map.of()), null);
        assertThat(Sentences.blindSpot("养老服务", "A2区", few, expected)).isEmpty();
    }

    @Test
    void aCountChangeIsStatedWhenTheLargerCountIsEnoughAndItMoved() {
        assertThat(Sentences.countChange("A3区", count(13), count(6)).orElseThrow().text())
                .isEqualTo("A3区的留言由上期6条增至13条（增加7条）。");
        assertThat(Sentences.countChange("涉及“老年人”", count(0), count(9)).orElseThrow().text())
                .isEqualTo("涉及“老年人”的留言由上期9条降至0条（减少9条）。");
        assertThat(Sentences.countChange("A3区", count(4), count(1))).as("both under five").isEmpty();
        assertThat(Sentences.countChange("A3区", count(8), count(8))).as("no change").isEmpty();
    }

    @Test
    void satisfactionNamesTheBestAndTheWorstDepartmentOnEnoughMessages() {
        Figure high = new Figure("指数", 91.25, Sentences.decimal(91.25), 20, FigureQuery.count(Map.of()), null);
        Figure low = new Figure("指数", 40, Sentences.decimal(40), 6, FigureQuery.count(Map.of()), null);
        assertThat(Sentences.satisfactionRange("市住建局", high, count(20), "市交通局", low, count(6)).orElseThrow()
                .text()).isEqualTo("满意度指数最高的是市住建局（91.3，20条留言），最低的是市交通局（40.0，6条留言）。");
        assertThat(Sentences.satisfactionRange("市住建局", high, count(20), "市交通局", low, count(4))).isEmpty();
    }

    @Test
    void anElementIsPickedByEveryFieldItIsNamedBy() {
        Map<String, String> cell = new java.util.LinkedHashMap<>();
        cell.put("domain", "义务教育");
        cell.put("column", "A7区");
        assertThat(FigureQuery.element("blindSpots", cell)).isEqualTo("blindSpots[domain=义务教育][column=A7区]");
    }
}
