package org.minyi.analysis.classify;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import org.junit.jupiter.api.Test;

/** Precision and recall per label when a message carries several. */
class MultiLabelEvaluationTest {

    @Test
    void eachPredictedLabelIsRightWhenTheGoldSetHoldsIt() {
        MultiLabelEvaluation e = MultiLabelEvaluation.of(
                List.of(List.of("a", "b"), List.of("a"), List.of()),
                List.of(List.of("b"), List.of("a", "c"), List.of("c")));

        MultiLabelEvaluation.LabelFigures a = e.perLabel().get(0);
        assertThat(a.label()).isEqualTo("a");
        assertThat(a.precision()).isEqualTo(1.0);
        assertThat(a.recall()).isEqualTo(0.5);
        MultiLabelEvaluation.LabelFigures c = e.perLabel().get(2);
        assertThat(c.precision()).isZero();
        assertThat(e.micro().precision()).isCloseTo(2.0 / 4, within(1e-9));
        assertThat(e.micro().recall()).isCloseTo(2.0 / 3, within(1e-9));
        assertThat(e.firstLabelAccuracy()).isCloseTo(2.0 / 3, within(1e-9));
    }
}
