package org.minyi.analysis.classify;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Cohen's kappa as textbooks compute it. */
class AgreementTest {

    @Test
    void kappaOfATextbookTable() {
        // 50 items: both yes 20, both no 15, first yes second no 5, first no second yes 10 → p_o 0.70, p_e 0.50
        List<String> a = new java.util.ArrayList<>();
        List<String> b = new java.util.ArrayList<>();
        add(a, b, "yes", "yes", 20);
        add(a, b, "no", "no", 15);
        add(a, b, "yes", "no", 5);
        add(a, b, "no", "yes", 10);
        Agreement.Figures f = Agreement.kappa(a, b);
        assertThat(f.observed()).isCloseTo(0.70, within(1e-9));
        assertThat(f.kappa()).isCloseTo(0.40, within(1e-9));
    }

    @Test
    void perfectAndChanceAgreement() {
        assertThat(Agreement.kappa(List.of("a", "b", "c"), List.of("a", "b", "c")).kappa()).isEqualTo(1.0);
        assertThat(Agreement.kappa(List.of("a", "a", "b", "b"), List.of("a", "b", "a", "b")).kappa())
                .isCloseTo(0.0, within(1e-9));
    }

    @Test
    void setsAreComparedLabelByLabel() {
        Agreement.Figures f = Agreement.setKappa(List.of(Set.of("x", "y"), Set.of("x"), Set.of()),
                List.of(Set.of("x", "y"), Set.of("x"), Set.of()));
        assertThat(f.kappa()).isEqualTo(1.0);
        assertThat(f.observed()).isEqualTo(1.0);
    }

    private static void add(List<String> a, List<String> b, String x, String y, int n) {
        for (int i = 0; i < n; i++) {
            a.add(x);
            b.add(y);
        }
    }
}
