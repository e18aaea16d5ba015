package org.minyi.analysis.classify;

import java.io.PrintStream;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * Trains the encoder topic model on hand-labelled messages (7 topics and 其他) and, optionally, the Teddy-Cup
 * labelled set (7 topics, weighted), with its n-gram companion. The blend weight, the abstention threshold and the
 * softmax temperature are chosen on out-of-fold predictions of the training rows (held out from the models that made
 * them), never on the evaluation sets.
 */
public final class TopicEncoderTraining {

    /**
     * @param x      vectors of the examples
     * @param labels their topics
     * @param weight their weights
     */
    public record Examples(float[][] x, List<String> labels, double[] weight) {
        public static Examples of(List<float[]> x, List<String> labels, List<Double> weight) {
            return new Examples(x.toArray(float[][]::new), List.copyOf(labels),
                    weight.stream().mapToDouble(Double::doubleValue).toArray());
        }

        int size() {
            return labels.size();
        }

        Examples pick(List<Integer> rows) {
            float[][] px = new float[rows.size()][];
            List<String> pl = new ArrayList<>(rows.size());
            double[] pw = new double[rows.size()];
            for (int i = 0; i < rows.size(); i++) {
                px[i] = x[rows.get(i)];
                pl.add(labels.get(rows.get(i)));
                pw[i] = weight[rows.get(i)];
            }
            return new Examples(px, pl, pw);
        }

        /** Every example at the same weight. */
        public static Examples uniform(float[][] x, List<String> labels, double weight) {
            double[] w = new double[labels.size()];
            java.util.Arrays.fill(w, weight);
            return new Examples(x, List.copyOf(labels), w);
        }

        /** The same examples with every weight times {@code factor}. */
        public Examples scaled(double factor) {
            double[] w = weight.clone();
            for (int i = 0; i < w.length; i++) {
                w[i] *= factor;
            }
            return new Examples(x, labels, w);
        }

        /**
         * The same examples with each class's weights times (total / (classes × class total))^power: power 0 leaves
         * them, 1 gives every class the same total weight, in between leans against the majority (城乡建设) without
         * letting a small class's few rows weigh as much as the majority's many.
         */
        public Examples balanced(double power) {
            if (power == 0) {
                return this;
            }
            Map<String, Double> perClass = new LinkedHashMap<>();
            double total = 0;
            for (int i = 0; i < size(); i++) {
                perClass.merge(labels.get(i), weight[i], Double::sum);
                total += weight[i];
            }
            double mean = total / perClass.size();
            double[] w = weight.clone();
            for (int i = 0; i < w.length; i++) {
                w[i] *= Math.pow(mean / perClass.get(labels.get(i)), power);
            }
            return new Examples(x, labels, w);
        }

        public Examples plus(Examples other) {
            float[][] px = new float[size() + other.size()][];
            System.arraycopy(x, 0, px, 0, size());
            System.arraycopy(other.x, 0, px, size(), other.size());
            List<String> pl = new ArrayList<>(labels);
            pl.addAll(other.labels);
            double[] pw = new double[px.length];
            System.arraycopy(weight, 0, pw, 0, size());
            System.arraycopy(other.weight, 0, pw, size(), other.size());
            return new Examples(px, pl, pw);
        }
    }

    /**
     * How the training weighs its rows and reads its probabilities.
     *
     * @param classBalance        power of the class balancing of every training set ({@link Examples#balanced}; 0:
     *                            none)
     * @param classFactors        also choose, out of fold, factors on 城乡建设 and 其他 before the answer is read
     * @param inSampleTemperature fit the softmax temperature on the final model's own training rows (the shipped
     *                            model's way; the comparison shows it sharpens the probabilities beyond those the
     *                            threshold and blend weight were chosen on, and costs macro-F1); otherwise it stays 1
     */
    public record Choices(double classBalance, boolean classFactors, boolean inSampleTemperature) {
    }

    /** What the training chose and how well the out-of-fold predictions did. */
    public record Result(EncoderTopicModel model, Evaluation crossValidation, double abstention,
                         double temperature) {
    }

    private TopicEncoderTraining() {
    }

    /**
     * The n-gram companion's documents: one per hand-labelled row (same order) and those of the extra rows.
     *
     * @param parameters the n-gram model's parameters
     */
    public record CompanionData(List<Document> labelled, List<Document> extra, ModelParameters parameters) {
    }

    /**
     * @param labelled  the hand-labelled training rows (8 classes)
     * @param extra     more labelled rows (e.g. the Teddy set, 7 classes), trained on in every fold, never scored
     * @param companion the n-gram companion's data, or null for the vector model alone
     * @param folds     k of the cross-validation over {@code labelled} that chooses the blend weight, the
     *                  abstention threshold and the temperature
     */
    public static Result train(Examples labelled, Examples extra, CompanionData companion, TopicFeatures features,
                               SoftmaxRegression.Settings settings, Choices choices, int folds, long seed,
                               Map<String, String> facts, PrintStream log) {
        int[] fold = CrossValidation.folds(labelled.size(), folds, seed);
        List<double[]> vectorOutOfFold = new ArrayList<>();
        List<double[]> ngramOutOfFold = new ArrayList<>();
        List<String> gold = new ArrayList<>();
        List<String> classes = null;
        for (int f = 0; f < folds; f++) {
            List<Integer> train = new ArrayList<>();
            List<Integer> held = new ArrayList<>();
            for (int i = 0; i < labelled.size(); i++) {
                (fold[i] == f ? held : train).add(i);
            }
            Examples trainSet = labelled.pick(train).plus(extra).balanced(choices.classBalance());
            EncoderTopicModel model = EncoderTopicModel.train(trainSet.x(), features, trainSet.labels(),
                    trainSet.weight(), settings, 0, Map.of());
            classes = model.labels();
            TopicModel ngram = companion == null ? null
                    : TopicModel.train(companionDocuments(companion, labelled, train), companion.parameters(),
                    Map.of());
            for (int i : held) {
                vectorOutOfFold.add(model.probabilities(labelled.x()[i]));
                if (ngram != null) {
                    Document d = companion.labelled().get(i);
                    ngramOutOfFold.add(ordered(ngram, classes, d));
                }
                gold.add(labelled.labels().get(i));
            }
            log.printf("  fold %d/%d trained%n", f + 1, folds);
        }
        // Blend weight, abstention and (when asked) class factors: what maximises macro-F1 of the out-of-fold answers.
        double[][] vectorOof = vectorOutOfFold.toArray(double[][]::new);
        double[][] ngramOof = companion == null ? vectorOof : ngramOutOfFold.toArray(double[][]::new);
        List<String> classList = classes;
        int[] goldIndex = gold.stream().mapToInt(classList::indexOf).toArray();
        List<Integer> every = new ArrayList<>();
        for (int i = 0; i < gold.size(); i++) {
            every.add(i);
        }
        TopicVariantComparison.Choice choice = TopicVariantComparison.choose(
                TopicVariantComparison.rule(companion != null, choices.classFactors()), vectorOof, ngramOof,
                goldIndex, every, classes);
        double bestWeight = choice.vectorWeight();
        double bestThreshold = choice.threshold();
        Evaluation cv = Evaluation.of(gold, java.util.Arrays.stream(TopicVariantComparison.answers(choice, vectorOof,
                ngramOof, every, classes)).mapToObj(classList::get).toList());
        Map<String, String> allFacts = new LinkedHashMap<>(facts);
        Examples all = labelled.plus(extra).balanced(choices.classBalance());
        EncoderTopicModel model = EncoderTopicModel.train(all.x(), features, all.labels(), all.weight(), settings,
                bestThreshold, allFacts);
        double temperature = choices.inSampleTemperature() ? model.calibrate(labelled.x(), labelled.labels()) : 1;
        allFacts.put("abstention", String.format("%.3f (chosen on %d-fold out-of-fold predictions)", bestThreshold,
                folds));
        allFacts.put("temperature", String.format("%.2f%s", temperature, choices.inSampleTemperature()
                ? " (fitted on the training rows)" : " (the out-of-fold probabilities' own, on which the settings were"
                + " chosen)"));
        boolean factored = choice.majorityFactor() != 1 || choice.otherFactor() != 1;
        if (factored) {
            allFacts.put("class factors", String.format("城乡建设 ×%.2f, 其他 ×%.2f on the blended probabilities,"
                    + " chosen out of fold", choice.majorityFactor(), choice.otherFactor()));
        }
        allFacts.put("companion", companion == null || bestWeight >= 1 ? "none"
                : String.format("n-gram model of the same rows, weight %.1f (vector %.1f), chosen out of fold",
                1 - bestWeight, bestWeight));
        allFacts.put("cross-validation", String.format("%d-fold: accuracy %.4f, macro-F1 %.4f", folds, cv.accuracy(),
                cv.macroF1()));
        model = new EncoderTopicModel(model.labels(), features, modelOf(model), bestThreshold, allFacts);
        if (companion != null && bestWeight < 1) {
            TopicModel ngram = TopicModel.train(companionDocuments(companion, labelled, allRows(labelled.size())),
                    companion.parameters(), Map.of("role", "n-gram companion of " + EncoderTopicModel.FILE_NAME));
            model = model.withCompanion(ngram, bestWeight, bestThreshold, allFacts);
        }
        if (factored) {
            model = model.withFactors(Map.of("城乡建设", choice.majorityFactor(), LabelledMessages.OTHER,
                    choice.otherFactor()));
        }
        return new Result(model, cv, bestThreshold, temperature);
    }

    /** Rows 0..n−1. */
    static List<Integer> allRows(int n) {
        List<Integer> rows = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            rows.add(i);
        }
        return rows;
    }

    /** The companion's extra documents and its copies of the labelled {@code rows}, with the hand labels. */
    static List<Document> companionDocuments(CompanionData companion, Examples labelled, List<Integer> rows) {
        List<Document> docs = new ArrayList<>(companion.extra());
        for (int i : rows) {
            Document d = companion.labelled().get(i);
            docs.add(new Document(labelled.labels().get(i), d.tokens(), d.text()));
        }
        return docs;
    }

    /** The n-gram model's probabilities of {@code d} in the order of {@code classes} (0 for classes it lacks). */
    static double[] ordered(TopicModel ngram, List<String> classes, Document d) {
        double[] raw = ngram.probabilities(d.tokens(), d.text());
        double[] out = new double[classes.size()];
        for (int k = 0; k < ngram.labels().size(); k++) {
            int c = classes.indexOf(ngram.labels().get(k));
            if (c >= 0) {
                out[c] = raw[k];
            }
        }
        return out;
    }

    private static SoftmaxRegression modelOf(EncoderTopicModel model) {
        return model.softmax();
    }

    /** The likeliest of the seven, or 其他 (index {@code other}, −1 if none) when it is likelier or the best is below t. */
    static int answerIndex(double[] p, int other, double t) {
        int best = -1;
        for (int c = 0; c < p.length; c++) {
            if (c != other && (best < 0 || p[c] > p[best])) {
                best = c;
            }
        }
        return other >= 0 && (p[other] >= p[best] || p[best] < t) ? other : best;
    }

    /** Evaluation of any topic predictor over rows. */
    public static Evaluation evaluate(List<String> gold, List<Integer> rows, Function<Integer, String> predict) {
        List<String> predicted = new ArrayList<>(rows.size());
        for (int row : rows) {
            predicted.add(predict.apply(row));
        }
        return Evaluation.of(gold, predicted);
    }

    /** Macro-F1 over the gold classes other than 其他 (the figure the maintainers quote for the 7-class letters). */
    public static double macroF1OfSeven(Evaluation evaluation) {
        double sum = 0;
        int n = 0;
        for (Evaluation.ClassFigures f : evaluation.perClass().values()) {
            if (!f.label().equals(LabelledMessages.OTHER) && f.support() > 0) {
                sum += f.f1();
                n++;
            }
        }
        return n == 0 ? 0 : sum / n;
    }
}
