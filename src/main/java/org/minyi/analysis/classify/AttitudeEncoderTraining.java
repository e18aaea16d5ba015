package org.minyi.analysis.classify;

import java.io.PrintStream;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.minyi.analysis.classify.TopicEncoderTraining.Examples;

/**
 * Trains the encoder attitude model on hand-labelled messages (negative / neutral / positive) plus, weighted, other
 * labelled texts (hotel reviews give positive and negative examples the government letters hardly have). Class
 * biases are chosen on out-of-fold predictions of the hand-labelled rows: the most accurate biases that keep neutral
 * recall at or above {@link #NEUTRAL_RECALL} (questions must not vanish into the much larger negative class) and
 * positive recall at or above a given bound (thanks are rare, and an alert on a letter of thanks is the
 * worst mistake a subscriber sees), relaxing the positive bound, then the neutral one, when no bias meets it.
 */
public final class AttitudeEncoderTraining {

    static final double NEUTRAL_RECALL = 0.65;

    /** What the training chose and how well the out-of-fold predictions did with it. */
    public record Result(EncoderAttitudeModel model, Evaluation crossValidation, double[] bias) {
    }

    private AttitudeEncoderTraining() {
    }

    /** @param polarity see {@link EncoderAttitudeModel#polarityDirection}; empty for none */
    public static Result train(Examples labelled, Examples extra, float[] polarity, double positiveRecall,
                               SoftmaxRegression.Settings settings, int folds, long seed, Map<String, String> facts,
                               PrintStream log) {
        int[] fold = CrossValidation.folds(labelled.size(), folds, seed);
        List<double[]> outOfFold = new ArrayList<>();
        List<String> gold = new ArrayList<>();
        for (int f = 0; f < folds; f++) {
            List<Integer> train = new ArrayList<>();
            List<Integer> held = new ArrayList<>();
            for (int i = 0; i < labelled.size(); i++) {
                (fold[i] == f ? held : train).add(i);
            }
            Examples trainSet = labelled.pick(train).plus(extra);
            EncoderAttitudeModel model = EncoderAttitudeModel.train(trainSet.x(), trainSet.labels(),
                    trainSet.weight(), polarity, settings, Map.of());
            Examples heldSet = labelled.pick(held);
            for (int i = 0; i < heldSet.size(); i++) {
                outOfFold.add(model.probabilities(heldSet.x()[i]));
                gold.add(heldSet.labels().get(i));
            }
            log.printf("  fold %d/%d trained%n", f + 1, folds);
        }
        BiasChoice choice = chooseBias(outOfFold, gold, positiveRecall);
        double[] bias = choice.bias();
        Evaluation cv = choice.crossValidation();
        Map<String, String> allFacts = new LinkedHashMap<>(facts);
        allFacts.put("bias", String.format("neutral %+.2f, positive %+.2f (log-probability offsets chosen on %d-fold"
                + " out-of-fold predictions: %s)", bias[1], bias[2], folds,
                choice.rule()));
        allFacts.put("cross-validation", String.format("%d-fold: accuracy %.4f, neutral recall %.4f, macro-F1 %.4f",
                folds, cv.accuracy(), recall(cv, "neutral"), cv.macroF1()));
        Examples all = labelled.plus(extra);
        EncoderAttitudeModel model = EncoderAttitudeModel.train(all.x(), all.labels(), all.weight(), polarity,
                settings, allFacts).withBias(bias);
        return new Result(model, cv, bias);
    }

    /** Class biases (negative, neutral, positive), the rule that chose them, and the out-of-fold figures with them. */
    public record BiasChoice(double[] bias, String rule, Evaluation crossValidation) {
    }

    /**
     * The class biases (log-probability offsets, in {@link EncoderAttitudeModel#LABELS} order) for out-of-fold
     * probabilities: the most accurate with neutral recall at or above {@link #NEUTRAL_RECALL} and positive recall at
     * or above {@code positiveRecall}, relaxing the positive bound, then the neutral one, when no bias meets it.
     * Shared by the encoder model and its n-gram student, so both answer by the same rule.
     */
    public static BiasChoice chooseBias(List<double[]> outOfFold, List<String> gold, double positiveRecall) {
        double[] best = null;
        double bestAccuracy = -1;
        double[] bestNeutralOnly = null;
        double bestNeutralOnlyAccuracy = -1;
        double[] bestF1Bias = null;
        double bestF1 = -1;
        for (double neutral = -1; neutral <= 3.0001; neutral += 0.1) {
            for (double positive = 0; positive <= 4.0001; positive += 0.25) { // never below the evidence: thanks are rare
                double[] bias = {0, neutral, positive};
                Evaluation e = Evaluation.of(gold, answers(outOfFold, bias));
                boolean neutralHeld = recall(e, "neutral") >= NEUTRAL_RECALL;
                if (neutralHeld && recall(e, "positive") >= positiveRecall && e.accuracy() > bestAccuracy + 1e-9) {
                    bestAccuracy = e.accuracy();
                    best = bias;
                }
                if (neutralHeld && e.accuracy() > bestNeutralOnlyAccuracy + 1e-9) {
                    bestNeutralOnlyAccuracy = e.accuracy();
                    bestNeutralOnly = bias;
                }
                if (e.macroF1() > bestF1 + 1e-9) {
                    bestF1 = e.macroF1();
                    bestF1Bias = bias;
                }
            }
        }
        String rule = best != null ? "most accurate with neutral recall >= " + NEUTRAL_RECALL
                + " and positive recall >= " + positiveRecall
                : bestNeutralOnly != null ? "most accurate with neutral recall >= " + NEUTRAL_RECALL
                + " (no bias reached positive recall " + positiveRecall + ")" : "best macro-F1";
        if (best == null) {
            best = bestNeutralOnly;
        }
        double[] bias = best != null ? best : bestF1Bias;
        return new BiasChoice(bias, rule, Evaluation.of(gold, answers(outOfFold, bias)));
    }

    public static List<String> answers(List<double[]> probabilities, double[] bias) {
        List<String> out = new ArrayList<>(probabilities.size());
        for (double[] p : probabilities) {
            int best = 0;
            for (int c = 1; c < p.length; c++) {
                if (Math.log(p[c]) + bias[c] > Math.log(p[best]) + bias[best]) {
                    best = c;
                }
            }
            out.add(EncoderAttitudeModel.LABELS.get(best));
        }
        return out;
    }

    public static double recall(Evaluation e, String label) {
        Evaluation.ClassFigures f = e.perClass().get(label);
        return f == null ? 0 : f.recall();
    }
}
