package org.minyi.analysis.classify;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import org.junit.jupiter.api.Test;

class EvaluationTest {

    // gold a a a b b c, predicted a a b b c c: a 2/2 predicted right of 3; b 1 of 2 predicted b right; c 1 of 2.
    private final Evaluation evaluation = Evaluation.of(
            List.of("a", "a", "a", "b", "b", "c"),
            List.of("a", "a", "b", "b", "c", "c"));

    @Test
    void accuracyIsTheShareOfRightPredictions() {
        assertThat(evaluation.accuracy()).isCloseTo(4.0 / 6, within(1e-9));
    }

    @Test
    void perClassFiguresFollowTheirDefinitions() {
        Evaluation.ClassFigures a = evaluation.perClass().get("a");
        assertThat(a.precision()).isCloseTo(1.0, within(1e-9));
        assertThat(a.recall()).isCloseTo(2.0 / 3, within(1e-9));
        assertThat(a.f1()).isCloseTo(0.8, within(1e-9));
        Evaluation.ClassFigures c = evaluation.perClass().get("c");
        assertThat(c.precision()).isCloseTo(0.5, within(1e-9));
        assertThat(c.recall()).isCloseTo(1.0, within(1e-9));
    }

    @Test
    void macroF1IsTheUnweightedMeanOfClassF1() {
        double b = 2 * 0.5 * 0.5 / (0.5 + 0.5);
        double c = 2 * 0.5 * 1.0 / 1.5;
        assertThat(evaluation.macroF1()).isCloseTo((0.8 + b + c) / 3, within(1e-9));
    }

    @Test
    void confusionMatrixCountsGoldAgainstPredicted() {
        assertThat(evaluation.count("a", "b")).isEqualTo(1);
        assertThat(evaluation.count("b", "c")).isEqualTo(1);
        assertThat(evaluation.count("c", "a")).isZero();
        assertThat(evaluation.report()).contains("macro-F1").contains("confusion matrix");
    }
}
