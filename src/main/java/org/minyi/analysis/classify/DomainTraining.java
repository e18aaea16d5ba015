package org.minyi.analysis.classify;

import java.io.PrintStream;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Trains the {@link ServiceDomainModel}: for each domain a logistic regression (a two-class softmax) of "the message
 * is about this domain" over the sentence vector. Each domain's threshold is the one that maximises that domain's F1
 * on out-of-fold predictions of the training rows (k-fold, the same folds for every domain), so neither the
 * thresholds nor the figures reported for them ever see the held-out split.
 */
public final class DomainTraining {

    /** A domain needs this many training messages for a threshold of its own; rarer ones keep {@link #DEFAULT_CUT}. */
    static final int MIN_FOR_THRESHOLD = 5;
    static final double DEFAULT_CUT = 0.5;

    /** The model and the pooled out-of-fold evaluation that chose its thresholds. */
    public record Result(ServiceDomainModel model, MultiLabelEvaluation crossValidation) {
    }

    private DomainTraining() {
    }

    /**
     * @param x       sentence vectors of the training messages
     * @param gold    their domains (most important first)
     * @param domains every domain to learn (domains without a training example are left out)
     */
    public static Result train(float[][] x, List<List<String>> gold, List<String> domains,
                               SoftmaxRegression.Settings settings, int folds, long seed, Map<String, String> facts,
                               PrintStream log) {
        List<String> learnt = domains.stream().filter(d -> gold.stream().anyMatch(g -> g.contains(d))).toList();
        int n = x.length;
        int[] fold = CrossValidation.folds(n, folds, seed);
        double[][] outOfFold = new double[n][learnt.size()];
        for (int f = 0; f < folds; f++) {
            List<Integer> train = new ArrayList<>();
            List<Integer> held = new ArrayList<>();
            for (int i = 0; i < n; i++) {
                (fold[i] == f ? held : train).add(i);
            }
            float[][] tx = pick(x, train);
            for (int d = 0; d < learnt.size(); d++) {
                int[] ty = labels(gold, train, learnt.get(d));
                if (java.util.Arrays.stream(ty).noneMatch(v -> v == 1)) {
                    continue; // no example of this domain in the fold's training rows: probability stays 0
                }
                SoftmaxRegression model = SoftmaxRegression.train(tx, ty, null, 2, settings);
                for (int i : held) {
                    outOfFold[i][d] = model.probabilities(x[i])[1];
                }
            }
            log.printf("  fold %d/%d trained (%d domains)%n", f + 1, folds, learnt.size());
        }
        double[] cut = new double[learnt.size()];
        for (int d = 0; d < learnt.size(); d++) {
            cut[d] = bestThreshold(outOfFold, gold, learnt.get(d), d);
        }
        List<SoftmaxRegression> models = new ArrayList<>();
        List<Integer> all = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            all.add(i);
        }
        for (String domain : learnt) {
            models.add(SoftmaxRegression.train(x, labels(gold, all, domain), null, 2, settings));
        }
        ServiceDomainModel probe = new ServiceDomainModel(learnt, models, cut, Map.of());
        List<List<String>> oofAnswers = new ArrayList<>();
        for (double[] p : outOfFold) {
            oofAnswers.add(probe.decide(p, cut).stream().map(ServiceDomainModel.Scored::domain).toList());
        }
        MultiLabelEvaluation cv = MultiLabelEvaluation.of(gold, oofAnswers);
        Map<String, String> allFacts = new LinkedHashMap<>(facts);
        allFacts.put("thresholds", String.format("per domain, maximising its F1 on %d-fold out-of-fold predictions"
                + " (domains with fewer than %d training messages: %.2f)", folds, MIN_FOR_THRESHOLD, DEFAULT_CUT));
        allFacts.put("cross-validation", String.format("%d-fold: micro-F1 %.4f, macro-F1 %.4f, first domain right"
                + " %.4f", folds, cv.micro().f1(), cv.macroF1(), cv.firstLabelAccuracy()));
        return new Result(new ServiceDomainModel(learnt, models, cut, allFacts), cv);
    }

    private static double bestThreshold(double[][] p, List<List<String>> gold, String domain, int d) {
        int positives = 0;
        for (List<String> g : gold) {
            positives += g.contains(domain) ? 1 : 0;
        }
        if (positives < MIN_FOR_THRESHOLD) {
            return DEFAULT_CUT;
        }
        double best = DEFAULT_CUT;
        double bestF1 = -1;
        for (double t = 0.05; t <= 0.9001; t += 0.025) {
            int tp = 0;
            int fp = 0;
            for (int i = 0; i < p.length; i++) {
                if (p[i][d] >= t) {
                    if (gold.get(i).contains(domain)) {
                        tp++;
                    } else {
                        fp++;
                    }
                }
            }
            double f1 = 2.0 * tp / (2.0 * tp + fp + (positives - tp));
            if (f1 > bestF1 + 1e-9) {
                bestF1 = f1;
                best = t;
            }
        }
        return best;
    }

    private static int[] labels(List<List<String>> gold, List<Integer> rows, String domain) {
        int[] y = new int[rows.size()];
        for (int i = 0; i < rows.size(); i++) {
            y[i] = gold.get(rows.get(i)).contains(domain) ? 1 : 0;
        }
        return y;
    }

    private static float[][] pick(float[][] x, List<Integer> rows) {
        float[][] out = new float[rows.size()][];
        for (int i = 0; i < rows.size(); i++) {
            out[i] = x[rows.get(i)];
        }
        return out;
    }
}
