package org.minyi.analysis.classify;

import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

/**
 * A trained one-vs-rest logistic regression over sub-linear TF-IDF text features (L2-normalised), followed by a
 * fixed number of dense features used as given (the sentiment lexicon's). Immutable and thread-safe.
 */
final class LinearModel {

    /** A document as the solver sees it: ascending columns and their values. */
    record Vector(int[] columns, double[] values) {
    }

    private final List<String> labels;
    private final long[] keys;
    private final FeatureIndex index;
    private final float[] idf;
    private final int dense;
    private final float[] weights; // [column * classes + class]
    private final float[] bias;

    LinearModel(List<String> labels, long[] keys, float[] idf, int dense, float[] weights, float[] bias) {
        this.labels = List.copyOf(labels);
        this.keys = keys;
        this.index = new FeatureIndex(keys);
        this.idf = idf;
        this.dense = dense;
        this.weights = weights;
        this.bias = bias;
    }

    List<String> labels() {
        return labels;
    }

    int featureCount() {
        return keys.length + dense;
    }

    static Vector vectorise(TextFeatures.Counts counts, double[] denseValues, FeatureIndex index, float[] idf) {
        int[] columns = new int[counts.size() + denseValues.length];
        double[] values = new double[columns.length];
        int size = 0;
        double norm = 0;
        for (int i = 0; i < counts.size(); i++) {
            int column = index.column(counts.keys()[i]);
            if (column >= 0) {
                int count = counts.counts()[i];
                double value = (count == 1 ? 1 : 1 + Math.log(count)) * idf[column];
                columns[size] = column;
                values[size++] = value;
                norm += value * value;
            }
        }
        if (norm > 0) {
            double scale = 1 / Math.sqrt(norm);
            for (int i = 0; i < size; i++) {
                values[i] *= scale;
            }
        }
        for (int j = 0; j < denseValues.length; j++) {
            columns[size] = idf.length + j;
            values[size++] = denseValues[j];
        }
        return new Vector(java.util.Arrays.copyOf(columns, size), java.util.Arrays.copyOf(values, size));
    }

    /** Class probabilities in {@link #labels()} order (one-vs-rest sigmoids, normalised to sum 1). */
    double[] probabilities(TextFeatures.Counts counts, double[] denseValues) {
        if (denseValues.length != dense) {
            throw new IllegalArgumentException("model expects " + dense + " dense features, got " + denseValues.length);
        }
        int classes = labels.size();
        double[] decision = new double[classes];
        for (int k = 0; k < classes; k++) {
            decision[k] = bias[k];
        }
        Vector vector = vectorise(counts, denseValues, index, idf);
        for (int i = 0; i < vector.columns().length; i++) {
            int offset = vector.columns()[i] * classes;
            double value = vector.values()[i];
            for (int k = 0; k < classes; k++) {
                decision[k] += weights[offset + k] * value;
            }
        }
        double sum = 0;
        for (int k = 0; k < classes; k++) {
            decision[k] = 1 / (1 + Math.exp(-decision[k]));
            sum += decision[k];
        }
        for (int k = 0; k < classes; k++) {
            decision[k] /= sum;
        }
        return decision;
    }

    void write(DataOutputStream out) throws IOException {
        out.writeInt(labels.size());
        for (String label : labels) {
            out.writeUTF(label);
        }
        out.writeInt(keys.length);
        out.writeInt(dense);
        for (int i = 0; i < keys.length; i++) {
            out.writeLong(keys[i]);
            out.writeFloat(idf[i]);
        }
        for (float b : bias) {
            out.writeFloat(b);
        }
        for (float w : weights) {
            out.writeFloat(w);
        }
    }

    static LinearModel read(DataInputStream in) throws IOException {
        int classes = in.readInt();
        if (classes < 2 || classes > 10_000) {
            throw new IOException("implausible class count " + classes);
        }
        List<String> labels = new ArrayList<>(classes);
        for (int k = 0; k < classes; k++) {
            labels.add(in.readUTF());
        }
        int features = in.readInt();
        int dense = in.readInt();
        if (features < 0 || features > 20_000_000 || dense < 0 || dense > 1000) {
            throw new IOException("implausible feature count " + features + "+" + dense);
        }
        long[] keys = new long[features];
        float[] idf = new float[features];
        for (int i = 0; i < features; i++) {
            keys[i] = in.readLong();
            idf[i] = in.readFloat();
        }
        float[] bias = new float[classes];
        for (int k = 0; k < classes; k++) {
            bias[k] = in.readFloat();
        }
        float[] weights = new float[(features + dense) * classes];
        for (int i = 0; i < weights.length; i++) {
            weights[i] = in.readFloat();
        }
        return new LinearModel(labels, keys, idf, dense, weights, bias);
    }
}
