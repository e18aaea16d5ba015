package org.minyi.analysis.classify;

import de.bwaldvogel.liblinear.Feature;
import de.bwaldvogel.liblinear.FeatureNode;
import de.bwaldvogel.liblinear.Linear;
import de.bwaldvogel.liblinear.Model;
import de.bwaldvogel.liblinear.Parameter;
import de.bwaldvogel.liblinear.Problem;
import de.bwaldvogel.liblinear.SolverType;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

/** Fits a {@link LinearModel} with liblinear's L2-regularised logistic regression (deterministic). */
final class LinearTrainer {

    /**
     * @param c           inverse regularisation strength
     * @param minDf       a text feature must occur in at least this many training documents
     * @param maxFeatures keep at most this many text features, the most frequent (by document frequency)
     * @param nbScaling   two classes only: scale each feature by its naive Bayes log-count ratio (NB-SVM, Wang and
     *                    Manning 2012), which favours the words that tell the classes apart
     */
    record Parameters(double c, int minDf, int maxFeatures, boolean nbScaling) {
        Parameters {
            if (!(c > 0) || minDf < 1 || maxFeatures < 1) {
                throw new IllegalArgumentException("invalid training parameters: C=" + c + ", minDf=" + minDf
                        + ", maxFeatures=" + maxFeatures + " (C must be > 0, the others >= 1)");
            }
        }
    }

    private LinearTrainer() {
    }

    /** @param dense per document the dense feature values (all of one length; empty arrays for none) */
    static LinearModel train(List<TextFeatures.Counts> documents, List<double[]> dense, List<String> labels,
                             Parameters parameters) {
        if (documents.size() != labels.size() || documents.size() != dense.size() || documents.isEmpty()) {
            throw new IllegalArgumentException("need one label and one dense row per document, and a document");
        }
        List<String> classes = new ArrayList<>(new TreeSet<>(labels));
        if (classes.size() < 2) {
            throw new IllegalArgumentException("training data has only one class: " + classes);
        }
        int denseCount = dense.getFirst().length;
        Map<Long, Integer> documentFrequency = new HashMap<>();
        for (TextFeatures.Counts document : documents) {
            for (long key : document.keys()) {
                documentFrequency.merge(key, 1, Integer::sum);
            }
        }
        // Falling frequency, then key: the same data always gives the same columns.
        long[] keys = documentFrequency.entrySet().stream()
                .filter(e -> e.getValue() >= parameters.minDf())
                .sorted(Map.Entry.<Long, Integer>comparingByValue(Comparator.reverseOrder())
                        .thenComparing(Map.Entry.comparingByKey()))
                .limit(parameters.maxFeatures())
                .mapToLong(Map.Entry::getKey)
                .toArray();
        float[] idf = new float[keys.length];
        for (int i = 0; i < keys.length; i++) {
            idf[i] = (float) (Math.log((1.0 + documents.size()) / (1.0 + documentFrequency.get(keys[i]))) + 1);
        }
        if (parameters.nbScaling() && classes.size() == 2) {
            scaleByNaiveBayesRatio(documents, labels, classes, keys, idf);
        }
        FeatureIndex index = new FeatureIndex(keys);
        int columns = keys.length + denseCount;

        Problem problem = new Problem();
        problem.l = documents.size();
        problem.n = columns + 1;
        problem.bias = 1;
        problem.x = new Feature[documents.size()][];
        problem.y = new double[documents.size()];
        for (int d = 0; d < documents.size(); d++) {
            LinearModel.Vector vector = sorted(LinearModel.vectorise(documents.get(d), dense.get(d), index, idf));
            Feature[] row = new Feature[vector.columns().length + 1];
            for (int j = 0; j < vector.columns().length; j++) {
                row[j] = new FeatureNode(vector.columns()[j] + 1, vector.values()[j]);
            }
            row[row.length - 1] = new FeatureNode(columns + 1, 1.0);
            problem.x[d] = row;
            problem.y[d] = classes.indexOf(labels.get(d));
        }
        Linear.disableDebugOutput();
        Linear.resetRandom();
        Model model = Linear.train(problem, new Parameter(SolverType.L2R_LR, parameters.c(), 0.01));
        return toLinearModel(model, classes, keys, idf, denseCount);
    }

    // r = log((p / |p|) / (q / |q|)) over binarised counts with add-one smoothing; the weight becomes idf · |r|.
    private static void scaleByNaiveBayesRatio(List<TextFeatures.Counts> documents, List<String> labels,
                                               List<String> classes, long[] keys, float[] idf) {
        FeatureIndex index = new FeatureIndex(keys);
        double[] p = new double[keys.length];
        double[] q = new double[keys.length];
        java.util.Arrays.fill(p, 1);
        java.util.Arrays.fill(q, 1);
        for (int d = 0; d < documents.size(); d++) {
            double[] side = labels.get(d).equals(classes.get(0)) ? p : q;
            for (long key : documents.get(d).keys()) {
                int column = index.column(key);
                if (column >= 0) {
                    side[column]++;
                }
            }
        }
        double pSum = java.util.Arrays.stream(p).sum();
        double qSum = java.util.Arrays.stream(q).sum();
        for (int i = 0; i < keys.length; i++) {
            idf[i] *= (float) Math.abs(Math.log((p[i] / pSum) / (q[i] / qSum)));
        }
    }

    private static LinearModel.Vector sorted(LinearModel.Vector vector) {
        Integer[] order = new Integer[vector.columns().length];
        for (int i = 0; i < order.length; i++) {
            order[i] = i;
        }
        java.util.Arrays.sort(order, Comparator.comparingInt(i -> vector.columns()[i]));
        int[] columns = new int[order.length];
        double[] values = new double[order.length];
        for (int i = 0; i < order.length; i++) {
            columns[i] = vector.columns()[order[i]];
            values[i] = vector.values()[order[i]];
        }
        return new LinearModel.Vector(columns, values);
    }

    private static LinearModel toLinearModel(Model model, List<String> classes, long[] keys, float[] idf, int dense) {
        int columns = keys.length + dense;
        int k = classes.size();
        double[] w = model.getFeatureWeights(); // [column * nrW + m], the bias column last
        int[] modelLabels = model.getLabels();
        int nrW = k == 2 ? 1 : k;
        float[] weights = new float[columns * k];
        float[] bias = new float[k];
        for (int m = 0; m < nrW; m++) {
            int label = modelLabels[m];
            for (int c = 0; c < columns; c++) {
                weights[c * k + label] = (float) w[c * nrW + m];
            }
            bias[label] = (float) w[columns * nrW + m];
        }
        if (nrW == 1) { // binary: liblinear keeps one vector for its first label; the other class is its mirror
            int first = modelLabels[0];
            int second = modelLabels[1];
            for (int c = 0; c < columns; c++) {
                weights[c * k + second] = -weights[c * k + first];
            }
            bias[second] = -bias[first];
        }
        return new LinearModel(classes, keys, idf, dense, weights, bias);
    }
}
