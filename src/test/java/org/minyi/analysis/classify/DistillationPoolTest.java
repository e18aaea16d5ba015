package org.minyi.analysis.classify;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** What a teacher may label for its student: no hand-labelled message, no repeat, nothing it is evaluated on. */
class DistillationPoolTest {

    private static List<String> words(String spaced) {
        return Arrays.asList(spaced.split(" "));
    }

    @Test
    void leavesOutLabelledMessagesRepeatsAndNearCopiesOfEvaluationTexts() {
        Map<String, String> texts = new LinkedHashMap<>();
        texts.put("a", "小区 路灯 损坏 三个月 无人 维修");
        texts.put("b", "请问 公积金 提取 需要 哪些 材料");
        texts.put("c", "小区 路灯 损坏 三个月 无人 维修"); // the same text as a
        texts.put("d", "学校 周边 道路 拥堵 严重");
        texts.put("e", "医院 排队 时间 太长 希望 改进");

        DistillationPool pool = DistillationPool.of(texts, Set.of("b"),
                List.of("标题：学校周边道路拥堵严重，请尽快治理"), DistillationPoolTest::words);

        assertThat(pool.ids()).containsExactly("a", "e");
        assertThat(pool.texts()).containsExactly(texts.get("a"), texts.get("e"));
        assertThat(pool.labelledIds()).isEqualTo(1);
        assertThat(pool.repeats()).isEqualTo(1);
        assertThat(pool.nearCopies()).as("d is contained in an evaluation text").isEqualTo(1);
        assertThat(pool.size()).isEqualTo(2);
    }

    @Test
    void repeatsAreFoundThroughPunctuationAndCase() {
        Map<String, String> texts = new LinkedHashMap<>();
        texts.put("a", "Wifi 信号 差！");
        texts.put("b", "wifi 信号 差");

        DistillationPool pool = DistillationPool.of(texts, Set.of(), List.of(), DistillationPoolTest::words);

        assertThat(pool.ids()).containsExactly("a");
        assertThat(pool.repeats()).isEqualTo(1);
    }
}
