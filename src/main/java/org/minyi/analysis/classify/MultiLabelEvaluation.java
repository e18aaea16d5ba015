package org.minyi.analysis.classify;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Precision, recall and F1 per label when a message may carry several labels (service domains, groups, stages):
 * a predicted label is a true positive when the gold set holds it. Micro figures pool every decision; macro figures
 * average the labels with gold support.
 */
public final class MultiLabelEvaluation {

    /** Figures of one label. */
    public record LabelFigures(String label, int support, int predicted, int correct) {
        public double precision() {
            return predicted == 0 ? 0 : (double) correct / predicted;
        }

        public double recall() {
            return support == 0 ? 0 : (double) correct / support;
        }

        public double f1() {
            double p = precision();
            double r = recall();
            return p + r == 0 ? 0 : 2 * p * r / (p + r);
        }
    }

    private final Map<String, int[]> counts = new TreeMap<>();
    private int messages;
    private int firstRight;

    private MultiLabelEvaluation() {
    }

    /**
     * @param gold      gold labels of each message
     * @param predicted predicted labels of each message (same order), the first being the main one
     */
    public static MultiLabelEvaluation of(List<List<String>> gold, List<List<String>> predicted) {
        if (gold.size() != predicted.size()) {
            throw new IllegalArgumentException(gold.size() + " gold rows but " + predicted.size() + " predictions");
        }
        MultiLabelEvaluation e = new MultiLabelEvaluation();
        for (int i = 0; i < gold.size(); i++) {
            e.add(gold.get(i), predicted.get(i));
        }
        return e;
    }

    private void add(List<String> gold, List<String> predicted) {
        messages++;
        for (String g : gold) {
            counts.computeIfAbsent(g, k -> new int[3])[0]++;
        }
        for (String p : predicted) {
            int[] c = counts.computeIfAbsent(p, k -> new int[3]);
            c[1]++;
            if (gold.contains(p)) {
                c[2]++;
            }
        }
        if (!predicted.isEmpty() && gold.contains(predicted.getFirst())) {
            firstRight++;
        }
    }

    public List<LabelFigures> perLabel() {
        List<LabelFigures> out = new ArrayList<>();
        counts.forEach((label, c) -> out.add(new LabelFigures(label, c[0], c[1], c[2])));
        return out;
    }

    public LabelFigures micro() {
        int support = 0;
        int predicted = 0;
        int correct = 0;
        for (int[] c : counts.values()) {
            support += c[0];
            predicted += c[1];
            correct += c[2];
        }
        return new LabelFigures("micro", support, predicted, correct);
    }

    public double macroF1() {
        return perLabel().stream().filter(f -> f.support() > 0).mapToDouble(LabelFigures::f1).average().orElse(0);
    }

    /** Share of messages whose first predicted label is among the gold ones. */
    public double firstLabelAccuracy() {
        return messages == 0 ? 0 : (double) firstRight / messages;
    }

    public int messages() {
        return messages;
    }

    /** A table: one line per label with support, precision, recall, F1; then micro and macro. */
    public String report() {
        StringBuilder out = new StringBuilder(String.format("  %-18s %7s %7s %9s %7s %7s%n", "label", "gold",
                "answers", "precision", "recall", "F1"));
        for (LabelFigures f : perLabel()) {
            out.append(line(f));
        }
        out.append(line(micro()));
        out.append(String.format("  macro-F1 (labels with gold support) %.4f; first label right %.4f of %d%n",
                macroF1(), firstLabelAccuracy(), messages));
        return out.toString();
    }

    private static String line(LabelFigures f) {
        return String.format("  %-18s %7d %7d %9.3f %7.3f %7.3f%n", f.label(), f.support(), f.predicted(),
                f.precision(), f.recall(), f.f1());
    }
}
