package org.minyi.analysis.classify;

import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.util.stream.IntStream;

/**
 * Multinomial logistic regression over dense features (sentence vectors and a few scores): one weight vector per
 * class and a softmax over them, so the probabilities of all classes come from one model and sum to 1. Trained by
 * full-batch gradient descent with Adam and an L2 penalty, deterministic for the same data. Small enough for its
 * use here: tens of thousands of examples, hundreds of features, a dozen classes train in seconds.
 *
 * <p>A temperature divides the scores before the softmax; {@link #calibrate} fits it on held-out predictions so that
 * a probability of 0.8 means right about 8 times in 10 (the abstention threshold relies on that).
 */
public final class SoftmaxRegression {

    /**
     * @param l2         penalty on the weights (not the biases), per example
     * @param iterations gradient steps over the whole data
     * @param rate       Adam's step size
     */
    public record Settings(double l2, int iterations, double rate) {
        public static Settings defaults() {
            return new Settings(1e-4, 300, 0.05);
        }
    }

    private final int classes;
    private final int features;
    /** [class][feature], bias last. */
    private final double[][] weights;
    private double temperature = 1;

    private SoftmaxRegression(int classes, int features, double[][] weights) {
        this.classes = classes;
        this.features = features;
        this.weights = weights;
    }

    /**
     * @param x       examples, all of the same length
     * @param y       class index of each example, 0..classes-1
     * @param weight  weight of each example (1 for all when null)
     */
    public static SoftmaxRegression train(float[][] x, int[] y, double[] weight, int classes, Settings settings) {
        int n = x.length;
        int d = x[0].length;
        double[][] w = new double[classes][d + 1];
        double[][] m = new double[classes][d + 1];
        double[][] v = new double[classes][d + 1];
        double totalWeight = 0;
        for (int i = 0; i < n; i++) {
            totalWeight += weight == null ? 1 : weight[i];
        }
        double beta1 = 0.9;
        double beta2 = 0.999;
        SoftmaxRegression model = new SoftmaxRegression(classes, d, w);
        int parts = Math.max(1, Math.min(Runtime.getRuntime().availableProcessors(), n / 500));
        for (int step = 1; step <= settings.iterations(); step++) {
            double[][] grad = gradient(model, x, y, weight, parts);
            double scale = 1 / totalWeight;
            for (int c = 0; c < classes; c++) {
                for (int j = 0; j <= d; j++) {
                    double g = grad[c][j] * scale + (j < d ? settings.l2() * w[c][j] : 0);
                    m[c][j] = beta1 * m[c][j] + (1 - beta1) * g;
                    v[c][j] = beta2 * v[c][j] + (1 - beta2) * g * g;
                    double mHat = m[c][j] / (1 - Math.pow(beta1, step));
                    double vHat = v[c][j] / (1 - Math.pow(beta2, step));
                    w[c][j] -= settings.rate() * mHat / (Math.sqrt(vHat) + 1e-8);
                }
            }
        }
        return model;
    }

    /** Sum over examples of (p − onehot) ⊗ x, computed in parts on several cores and added in a fixed order. */
    private static double[][] gradient(SoftmaxRegression model, float[][] x, int[] y, double[] weight, int parts) {
        int n = x.length;
        int d = model.features;
        double[][][] partial = new double[parts][][];
        IntStream.range(0, parts).parallel().forEach(part -> {
            double[][] g = new double[model.classes][d + 1];
            double[] p = new double[model.classes];
            for (int i = part * n / parts; i < (part + 1) * n / parts; i++) {
                model.probabilities(x[i], p, 1);
                double wi = weight == null ? 1 : weight[i];
                for (int c = 0; c < model.classes; c++) {
                    double e = (p[c] - (y[i] == c ? 1 : 0)) * wi;
                    if (e == 0) {
                        continue;
                    }
                    double[] gc = g[c];
                    float[] xi = x[i];
                    for (int j = 0; j < d; j++) {
                        gc[j] += e * xi[j];
                    }
                    gc[d] += e;
                }
            }
            partial[part] = g;
        });
        double[][] sum = partial[0];
        for (int part = 1; part < parts; part++) {
            for (int c = 0; c < model.classes; c++) {
                for (int j = 0; j <= d; j++) {
                    sum[c][j] += partial[part][c][j];
                }
            }
        }
        return sum;
    }

    /** Class probabilities of one example, with the calibrated temperature. */
    public double[] probabilities(float[] x) {
        double[] p = new double[classes];
        probabilities(x, p, temperature);
        return p;
    }

    private void probabilities(float[] x, double[] p, double t) {
        if (x.length != features) {
            throw new IllegalArgumentException("expected " + features + " features, got " + x.length);
        }
        double max = Double.NEGATIVE_INFINITY;
        for (int c = 0; c < classes; c++) {
            double[] wc = weights[c];
            double s = wc[features];
            for (int j = 0; j < features; j++) {
                s += wc[j] * x[j];
            }
            p[c] = s / t;
            max = Math.max(max, p[c]);
        }
        double sum = 0;
        for (int c = 0; c < classes; c++) {
            p[c] = Math.exp(p[c] - max);
            sum += p[c];
        }
        for (int c = 0; c < classes; c++) {
            p[c] /= sum;
        }
    }

    /**
     * Fits the temperature that minimises the log-loss of held-out examples (a grid from 0.25 to 4), and keeps it.
     *
     * @return the temperature chosen
     */
    public double calibrate(float[][] x, int[] y) {
        double best = 1;
        double bestLoss = Double.POSITIVE_INFINITY;
        double[] p = new double[classes];
        for (double t = 0.25; t <= 4.0001; t += 0.05) {
            double loss = 0;
            for (int i = 0; i < x.length; i++) {
                probabilities(x[i], p, t);
                loss -= Math.log(Math.max(p[y[i]], 1e-12));
            }
            if (loss < bestLoss) {
                bestLoss = loss;
                best = t;
            }
        }
        temperature = best;
        return best;
    }

    public double temperature() {
        return temperature;
    }

    void setTemperature(double t) {
        this.temperature = t;
    }

    public int classes() {
        return classes;
    }

    public int features() {
        return features;
    }

    void write(DataOutputStream out) throws IOException {
        out.writeInt(classes);
        out.writeInt(features);
        out.writeDouble(temperature);
        for (double[] row : weights) {
            for (double w : row) {
                out.writeFloat((float) w);
            }
        }
    }

    static SoftmaxRegression read(DataInputStream in) throws IOException {
        int classes = in.readInt();
        int features = in.readInt();
        if (classes < 2 || classes > 1000 || features < 1 || features > 100_000) {
            throw new IOException("implausible softmax size " + classes + " x " + features);
        }
        double temperature = in.readDouble();
        double[][] w = new double[classes][features + 1];
        for (double[] row : w) {
            for (int j = 0; j < row.length; j++) {
                row[j] = in.readFloat();
            }
        }
        SoftmaxRegression model = new SoftmaxRegression(classes, features, w);
        model.temperature = temperature;
        return model;
    }

    @Override
    public String toString() {
        return "SoftmaxRegression[" + classes + " classes, " + features + " features, T=" + temperature + "]";
    }
}
