package org.minyi.analysis.classify;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.minyi.analysis.classify.TopicEncoderTraining.Examples;

class TopicEncoderTrainingTest {

    // three 城乡建设 rows at weight 1 and one 交通运输 row at weight 1: class totals 3 and 1, mean 2
    private final Examples rows = Examples.uniform(new float[4][1], List.of("城乡建设", "城乡建设", "城乡建设", "交通运输"), 1);

    @Test
    void fullClassBalanceGivesEveryClassTheSameTotalWeight() {
        double[] w = rows.balanced(1).weight();
        assertThat(w[0] + w[1] + w[2]).isCloseTo(w[3], within(1e-9));
        assertThat(w[3]).isCloseTo(2, within(1e-9));
    }

    @Test
    void partialClassBalanceLeansAgainstTheMajorityWithoutEqualisingIt() {
        double[] w = rows.balanced(0.5).weight();
        assertThat(w[0]).isCloseTo(Math.sqrt(2.0 / 3), within(1e-9));
        assertThat(w[3]).isCloseTo(Math.sqrt(2), within(1e-9));
        assertThat(w[0] + w[1] + w[2]).isGreaterThan(w[3]);
    }

    @Test
    void noClassBalanceLeavesTheWeights() {
        assertThat(rows.balanced(0).weight()).containsExactly(1, 1, 1, 1);
    }

    @Test
    void scalingMultipliesEveryWeight() {
        assertThat(rows.scaled(0.25).weight()).containsExactly(0.25, 0.25, 0.25, 0.25);
    }

    @Test
    void answerIsOtherWhenItIsLikeliestOrTheBestTopicIsBelowTheThreshold() {
        int other = 2;
        assertThat(TopicEncoderTraining.answerIndex(new double[] {0.6, 0.1, 0.3}, other, 0.5)).isZero();
        assertThat(TopicEncoderTraining.answerIndex(new double[] {0.4, 0.2, 0.4}, other, 0)).isEqualTo(other);
        assertThat(TopicEncoderTraining.answerIndex(new double[] {0.45, 0.35, 0.2}, other, 0.5)).isEqualTo(other);
        assertThat(TopicEncoderTraining.answerIndex(new double[] {0.45, 0.55}, -1, 0.9)).isEqualTo(1);
    }
}
