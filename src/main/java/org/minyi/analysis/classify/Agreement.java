package org.minyi.analysis.classify;

import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * How far two readers agree beyond chance: Cohen's kappa, κ = (p_o − p_e) / (1 − p_e), with p_o the share of items
 * they label alike and p_e the share expected from each reader's own label frequencies.
 */
public final class Agreement {

    /** Agreement on one field: items compared, observed agreement and kappa. */
    public record Figures(int items, double observed, double kappa) {
    }

    private Agreement() {
    }

    /** Kappa of two readers' single labels for the same items, in the same order. */
    public static Figures kappa(List<String> first, List<String> second) {
        if (first.size() != second.size() || first.isEmpty()) {
            throw new IllegalArgumentException("need two equally long, non-empty lists of labels");
        }
        int n = first.size();
        Map<String, Integer> a = new HashMap<>();
        Map<String, Integer> b = new HashMap<>();
        int same = 0;
        for (int i = 0; i < n; i++) {
            a.merge(first.get(i), 1, Integer::sum);
            b.merge(second.get(i), 1, Integer::sum);
            if (first.get(i).equals(second.get(i))) {
                same++;
            }
        }
        double observed = (double) same / n;
        double expected = 0;
        Set<String> labels = new HashSet<>(a.keySet());
        labels.addAll(b.keySet());
        for (String label : labels) {
            expected += (double) a.getOrDefault(label, 0) * b.getOrDefault(label, 0) / ((double) n * n);
        }
        double kappa = expected == 1 ? 1 : (observed - expected) / (1 - expected);
        return new Figures(n, observed, kappa);
    }

    /**
     * For sets of labels per item (service domains, groups): kappa of "has it / has it not" for each label either
     * reader used, averaged over labels weighted by how often they were used; {@code observed} is the share of items
     * whose sets are equal.
     */
    public static Figures setKappa(List<Set<String>> first, List<Set<String>> second) {
        if (first.size() != second.size() || first.isEmpty()) {
            throw new IllegalArgumentException("need two equally long, non-empty lists of label sets");
        }
        Set<String> labels = new HashSet<>();
        first.forEach(labels::addAll);
        second.forEach(labels::addAll);
        double weighted = 0;
        double weights = 0;
        for (String label : labels) {
            List<String> a = first.stream().map(s -> s.contains(label) ? "yes" : "no").toList();
            List<String> b = second.stream().map(s -> s.contains(label) ? "yes" : "no").toList();
            double use = a.stream().filter("yes"::equals).count() + b.stream().filter("yes"::equals).count();
            weighted += use * kappa(a, b).kappa();
            weights += use;
        }
        int equal = 0;
        for (int i = 0; i < first.size(); i++) {
            if (first.get(i).equals(second.get(i))) {
                equal++;
            }
        }
        return new Figures(first.size(), (double) equal / first.size(), weights == 0 ? 1 : weighted / weights);
    }
}
