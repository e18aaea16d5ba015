package org.minyi.analysis.classify;

import java.io.PrintStream;
import java.util.ArrayList;
import java.util.List;
import org.minyi.analysis.classify.TopicEncoderTraining.CompanionData;
import org.minyi.analysis.classify.TopicEncoderTraining.Examples;

/**
 * Compares ways of training and reading the encoder topic model by k-fold cross-validation on the hand-labelled
 * training rows alone (the same folds as {@link TopicEncoderTraining#train}): how the rows are weighted (class
 * balance against the 城乡建设 majority, the Teddy rows' weight) and how the probabilities become an answer (vector
 * alone or blended with the n-gram companion; the 其他 threshold; factors on 城乡建设 and 其他; the temperature the
 * training fits on its own rows after choosing its settings, or none).
 *
 * <p>Every rule has settings (blend weight, threshold, factors) chosen on out-of-fold predictions. Choosing them on
 * the same predictions they are then scored on flatters the rules with more settings, so each figure is also given
 * nested: the settings for fold f are chosen on the other folds' out-of-fold predictions and applied to fold f.
 * The nested figures are the ones to compare.
 */
public final class TopicVariantComparison {

    /**
     * How the rows are weighted.
     *
     * @param extraScale   factor on the extra (Teddy) rows' weight
     * @param classBalance power of the class-balancing factor (0: none; see {@link Examples#balanced})
     */
    public record Weighting(String name, double extraScale, double classBalance) {
    }

    /** How probabilities become an answer, and the settings it may choose from. */
    record Rule(String name, double[] vectorWeights, double[] majorityFactors, double[] otherFactors) {
    }

    /** The settings a rule chose. */
    record Choice(double vectorWeight, double threshold, double majorityFactor, double otherFactor) {
    }

    private static final double[] ONE = {1};
    private static final double[] BLEND = {0, 0.1, 0.2, 0.3, 0.4, 0.5, 0.6, 0.7, 0.8, 0.9, 1};
    static final List<Rule> RULES = List.of(
            new Rule("vector alone, 其他 threshold", ONE, ONE, ONE),
            new Rule("blend with n-gram, 其他 threshold (today)", BLEND, ONE, ONE),
            new Rule("blend, threshold, 城乡建设 and 其他 factors", BLEND, new double[] {1, 0.9, 0.8, 0.7, 0.6, 0.5},
                    new double[] {1, 1.25, 1.5, 2, 2.5}));

    /** The rule the training uses: vector alone or blended, with or without class factors. */
    static Rule rule(boolean blend, boolean factors) {
        return !blend ? RULES.get(0) : factors ? RULES.get(2) : RULES.get(1);
    }

    private TopicVariantComparison() {
    }

    /**
     * Runs every weighting through the folds and every rule over its out-of-fold probabilities; returns the table.
     *
     * @param labelled  the hand-labelled training rows (8 classes), the only rows scored
     * @param extra     the extra rows at their usual weight, trained on in every fold
     * @param companion the n-gram companion's data (required: the blend rules need it)
     */
    public static String compare(Examples labelled, Examples extra, CompanionData companion, TopicFeatures features,
                                 SoftmaxRegression.Settings settings, int folds, long seed, List<Weighting> weightings,
                                 PrintStream log) {
        List<String> classes = labelled.plus(extra).labels().stream().distinct().sorted().toList();
        int n = labelled.size();
        int[] gold = labelled.labels().stream().mapToInt(classes::indexOf).toArray();
        int[] fold = CrossValidation.folds(n, folds, seed);
        float[][] labelledX = features.of(labelled.x());
        float[][] extraX = features.of(extra.x());
        double[][] ngram = new double[n][];
        for (int f = 0; f < folds; f++) {
            List<Integer> train = rowsOf(fold, f, false);
            TopicModel model = TopicModel.train(TopicEncoderTraining.companionDocuments(companion, labelled, train),
                    companion.parameters(), java.util.Map.of());
            for (int i : rowsOf(fold, f, true)) {
                Document d = companion.labelled().get(i);
                ngram[i] = TopicEncoderTraining.ordered(model, classes, d);
            }
            log.printf("  comparison: n-gram fold %d/%d trained%n", f + 1, folds);
        }
        StringBuilder table = new StringBuilder();
        table.append(String.format("%d-fold cross-validation on the %d hand-labelled training rows; settings chosen"
                + " nested (on the other folds' out-of-fold predictions) unless marked 'same rows'%n", folds, n));
        table.append(String.format("%-44s %-46s %8s %8s %8s %8s %8s %8s%n", "weighting", "rule", "mF1(8)",
                "mF1(7)", "R其他", "R交通", "P城乡", "mF1(8)"));
        table.append(String.format("%-44s %-46s %8s %8s %8s %8s %8s %8s%n", "", "", "nested", "nested", "nested",
                "nested", "nested", "same rows"));
        for (Weighting weighting : weightings) {
            double[][] vector = new double[n][];
            double[][] sharpened = new double[n][];
            Examples scaledExtra = extra.scaled(weighting.extraScale());
            for (int f = 0; f < folds; f++) {
                List<Integer> train = rowsOf(fold, f, false);
                Examples set = labelled.pick(train).plus(scaledExtra).balanced(weighting.classBalance());
                float[][] x = new float[set.size()][];
                for (int i = 0; i < train.size(); i++) {
                    x[i] = labelledX[train.get(i)];
                }
                System.arraycopy(extraX, 0, x, train.size(), extraX.length);
                int[] y = set.labels().stream().mapToInt(classes::indexOf).toArray();
                SoftmaxRegression model = SoftmaxRegression.train(x, y, set.weight(), classes.size(), settings);
                List<Integer> held = rowsOf(fold, f, true);
                for (int i : held) {
                    vector[i] = model.probabilities(labelledX[i]);
                }
                // What the shipped training does after choosing its settings: fit the temperature on the model's
                // own hand-labelled training rows, then answer with it.
                model.calibrate(train.stream().map(i -> labelledX[i]).toArray(float[][]::new),
                        train.stream().mapToInt(i -> gold[i]).toArray());
                for (int i : held) {
                    sharpened[i] = model.probabilities(labelledX[i]);
                }
                log.printf("  comparison: %s, fold %d/%d trained%n", weighting.name(), f + 1, folds);
            }
            for (Rule rule : RULES) {
                row(table, weighting, rule.name(), rule, vector, vector, ngram, gold, fold, folds, classes);
                if (rule == RULES.get(1)) {
                    row(table, weighting, "  same, answered with in-sample temperature", rule, vector, sharpened,
                            ngram, gold, fold, folds, classes);
                }
            }
        }
        return table.toString();
    }

    /** One line: settings chosen on {@code chooseOn}, answers read from {@code answerWith} (nested and not). */
    private static void row(StringBuilder table, Weighting weighting, String name, Rule rule, double[][] chooseOn,
                            double[][] answerWith, double[][] ngram, int[] gold, int[] fold, int folds,
                            List<String> classes) {
        int[] predicted = new int[gold.length];
        for (int f = 0; f < folds; f++) {
            List<Integer> held = rowsOf(fold, f, true);
            Choice choice = choose(rule, chooseOn, ngram, gold, rowsOf(fold, f, false), classes);
            int[] answers = answers(choice, answerWith, ngram, held, classes);
            for (int i = 0; i < held.size(); i++) {
                predicted[held.get(i)] = answers[i];
            }
        }
        Figures nested = Figures.of(gold, predicted, classes);
        Choice all = choose(rule, chooseOn, ngram, gold, TopicEncoderTraining.allRows(gold.length), classes);
        int[] sameRows = answers(all, answerWith, ngram, TopicEncoderTraining.allRows(gold.length), classes);
        table.append(String.format("%-44s %-46s %8.4f %8.4f %8.4f %8.4f %8.4f %8.4f%n", weighting.name(), name,
                nested.macroF1(), nested.macroF1OfSeven(), nested.recall(LabelledMessages.OTHER),
                nested.recall("交通运输"), nested.precision("城乡建设"), Figures.of(gold, sameRows, classes).macroF1()));
        table.append(String.format("%-44s   chosen on all rows: %s%n", "", all));
    }

    /** Per-class counts of a set of answers (class indices into {@code classes}). */
    record Figures(int[][] confusion, List<String> classes) {
        static Figures of(int[] gold, int[] predicted, List<String> classes) {
            int[][] c = new int[classes.size()][classes.size()];
            for (int i = 0; i < gold.length; i++) {
                c[gold[i]][predicted[i]]++;
            }
            return new Figures(c, classes);
        }

        double f1(int k) {
            int tp = confusion[k][k];
            int goldK = 0;
            int predK = 0;
            for (int j = 0; j < confusion.length; j++) {
                goldK += confusion[k][j];
                predK += confusion[j][k];
            }
            return goldK + predK == 0 ? 0 : 2.0 * tp / (goldK + predK);
        }

        int support(int k) {
            int s = 0;
            for (int j = 0; j < confusion.length; j++) {
                s += confusion[k][j];
            }
            return s;
        }

        double macroF1() {
            return meanF1(true);
        }

        double macroF1OfSeven() {
            return meanF1(false);
        }

        private double meanF1(boolean withOther) {
            double sum = 0;
            int count = 0;
            for (int k = 0; k < confusion.length; k++) {
                if (support(k) > 0 && (withOther || !classes.get(k).equals(LabelledMessages.OTHER))) {
                    sum += f1(k);
                    count++;
                }
            }
            return count == 0 ? 0 : sum / count;
        }

        double recall(String label) {
            int k = classes.indexOf(label);
            return k < 0 || support(k) == 0 ? 0 : (double) confusion[k][k] / support(k);
        }

        double precision(String label) {
            int k = classes.indexOf(label);
            int predicted = 0;
            for (int[] row : confusion) {
                predicted += k < 0 ? 0 : row[k];
            }
            return predicted == 0 ? 0 : (double) confusion[k][k] / predicted;
        }
    }

    /** The settings of the rule with the best macro-F1 (8 classes) over the rows. */
    static Choice choose(Rule rule, double[][] vector, double[][] ngram, int[] gold, List<Integer> rows,
                         List<String> classes) {
        int[] rowGold = rows.stream().mapToInt(i -> gold[i]).toArray();
        Choice best = null;
        double bestF1 = -1;
        for (double w : rule.vectorWeights()) {
            for (double a : rule.majorityFactors()) {
                for (double b : rule.otherFactors()) {
                    for (int t = 0; t <= 36; t++) {
                        Choice c = new Choice(w, t * 0.025, a, b);
                        double f1 = Figures.of(rowGold, answers(c, vector, ngram, rows, classes), classes).macroF1();
                        if (f1 > bestF1 + 1e-9) {
                            bestF1 = f1;
                            best = c;
                        }
                    }
                }
            }
        }
        return best;
    }

    static int[] answers(Choice c, double[][] vector, double[][] ngram, List<Integer> rows, List<String> classes) {
        int other = classes.indexOf(LabelledMessages.OTHER);
        int majority = classes.indexOf("城乡建设");
        int[] out = new int[rows.size()];
        double[] p = new double[classes.size()];
        for (int r = 0; r < rows.size(); r++) {
            int i = rows.get(r);
            for (int k = 0; k < p.length; k++) {
                p[k] = c.vectorWeight() * vector[i][k] + (1 - c.vectorWeight()) * ngram[i][k];
            }
            if (majority >= 0) {
                p[majority] *= c.majorityFactor();
            }
            if (other >= 0) {
                p[other] *= c.otherFactor();
            }
            out[r] = TopicEncoderTraining.answerIndex(p, other, c.threshold());
        }
        return out;
    }

    private static List<Integer> rowsOf(int[] fold, int f, boolean inFold) {
        List<Integer> rows = new ArrayList<>();
        for (int i = 0; i < fold.length; i++) {
            if ((fold[i] == f) == inFold) {
                rows.add(i);
            }
        }
        return rows;
    }
}
