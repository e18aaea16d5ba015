package org.minyi.analysis.classify;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

/** Accuracy, macro-F1, per-class precision/recall/F1 and the confusion matrix of a set of predictions. */
public final class Evaluation {

    /** Figures for one class. */
    public record ClassFigures(String label, int support, double precision, double recall, double f1) {
    }

    private final List<String> labels;
    private final int[][] confusion; // [gold][predicted]
    private final int total;

    private Evaluation(List<String> labels, int[][] confusion, int total) {
        this.labels = labels;
        this.confusion = confusion;
        this.total = total;
    }

    /** @param gold the true labels; predictions may use labels the gold set lacks (they count as errors) */
    public static Evaluation of(List<String> gold, List<String> predicted) {
        if (gold.size() != predicted.size() || gold.isEmpty()) {
            throw new IllegalArgumentException("need as many predictions as gold labels, and at least one: "
                    + gold.size() + " gold, " + predicted.size() + " predicted");
        }
        TreeSet<String> all = new TreeSet<>(gold);
        all.addAll(predicted);
        List<String> labels = new ArrayList<>(all);
        int[][] confusion = new int[labels.size()][labels.size()];
        for (int i = 0; i < gold.size(); i++) {
            confusion[labels.indexOf(gold.get(i))][labels.indexOf(predicted.get(i))]++;
        }
        return new Evaluation(labels, confusion, gold.size());
    }

    public int total() {
        return total;
    }

    public double accuracy() {
        int correct = 0;
        for (int k = 0; k < labels.size(); k++) {
            correct += confusion[k][k];
        }
        return (double) correct / total;
    }

    /** Mean F1 over the classes that occur in the gold labels. */
    public double macroF1() {
        double sum = 0;
        int classes = 0;
        for (ClassFigures figures : perClass().values()) {
            if (figures.support() > 0) {
                sum += figures.f1();
                classes++;
            }
        }
        return sum / classes;
    }

    public Map<String, ClassFigures> perClass() {
        Map<String, ClassFigures> figures = new LinkedHashMap<>();
        for (int k = 0; k < labels.size(); k++) {
            int truePositives = confusion[k][k];
            int goldCount = 0;
            int predictedCount = 0;
            for (int j = 0; j < labels.size(); j++) {
                goldCount += confusion[k][j];
                predictedCount += confusion[j][k];
            }
            double precision = predictedCount == 0 ? 0 : (double) truePositives / predictedCount;
            double recall = goldCount == 0 ? 0 : (double) truePositives / goldCount;
            double f1 = precision + recall == 0 ? 0 : 2 * precision * recall / (precision + recall);
            figures.put(labels.get(k), new ClassFigures(labels.get(k), goldCount, precision, recall, f1));
        }
        return figures;
    }

    public int count(String gold, String predicted) {
        int g = labels.indexOf(gold);
        int p = labels.indexOf(predicted);
        return g < 0 || p < 0 ? 0 : confusion[g][p];
    }

    /** A plain-text report: headline figures, per-class table, confusion matrix (rows gold, columns predicted). */
    public String report() {
        StringBuilder out = new StringBuilder();
        out.append(String.format("accuracy %.4f  macro-F1 %.4f  (n=%d)%n", accuracy(), macroF1(), total));
        out.append(String.format("%s %9s %9s %9s %8s%n", pad("class"), "precision", "recall", "F1", "support"));
        for (ClassFigures f : perClass().values()) {
            out.append(String.format("%s %9.4f %9.4f %9.4f %8d%n", pad(f.label()), f.precision(), f.recall(),
                    f.f1(), f.support()));
        }
        out.append("confusion matrix (rows: true class, columns: predicted, in the order above)\n");
        for (int g = 0; g < labels.size(); g++) {
            out.append(pad(labels.get(g)));
            for (int p = 0; p < labels.size(); p++) {
                out.append(String.format(" %5d", confusion[g][p]));
            }
            out.append('\n');
        }
        return out.toString();
    }

    // CJK characters take two columns in a terminal; pad by display width.
    private static String pad(String label) {
        int width = label.codePoints().map(c -> Character.UnicodeScript.of(c) == Character.UnicodeScript.HAN ? 2 : 1)
                .sum();
        return label + " ".repeat(Math.max(1, 16 - width));
    }
}
