package org.minyi.analysis.classify;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class NearDuplicatesTest {

    private static Document segmented(String label, String words) {
        return Documents.preSegmented(List.of(new LabelledText(label, words, "test"))).getFirst();
    }

    @Test
    void aSegmentedStopWordFreeCopyOfARawMessageIsRemoved() {
        String raw = "A市A3区某小区的物业违规收取停车费，业主多次反映，物业却置之不理。";
        Document copy = segmented("城乡建设", "市 A3 区 小区 物业 违规 收取 停车费 业主 多次 反映 物业 置之不理");
        Document other = segmented("教育文体", "学校 食堂 收费 过高 家长 反映 希望 教育局 调查");
        NearDuplicates.Filtered filtered = NearDuplicates.removeCopiesOf(List.of(raw), List.of(copy, other));
        assertThat(filtered.removed()).isEqualTo(1);
        assertThat(filtered.kept()).containsExactly(other);
    }

    @Test
    void sharingAFewCommonWordsDoesNotMakeACopy() {
        String raw = "小区物业违规收取停车费，业主反映无果。";
        Document related = segmented("城乡建设", "小区 物业 绿化 破坏 严重 业主 要求 恢复 草坪 树木");
        assertThat(NearDuplicates.removeCopiesOf(List.of(raw), List.of(related)).removed()).isZero();
    }

    @Test
    void wordsLongerThanTheLookupWindowStillCount() {
        String raw = "请核查编号abcdefghijklmnopqrstuvwxyz0123456789的档案";
        Document copy = segmented("城乡建设", "核查 编号 abcdefghijklmnopqrstuvwxyz0123456789 档案");
        Document other = segmented("城乡建设", "核查 编号 zyxwvutsrqponmlkjihgfedcba9876543210 档案");
        NearDuplicates.Filtered filtered = NearDuplicates.removeCopiesOf(List.of(raw), List.of(copy, other));
        assertThat(filtered.kept()).containsExactly(other);
    }

    @Test
    void aWordRepeatedInTheEvaluationTextCountsOnce() {
        String raw = "物业物业物业物业物业物业物业物业物业物业";
        Document document = segmented("城乡建设", "物业 停车费 业主 反映");
        assertThat(NearDuplicates.removeCopiesOf(List.of(raw), List.of(document)).removed())
                .as("one word of four is present, however often").isZero();
    }
}
