package org.minyi.analysis.classify;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.minyi.analysis.Sentiment;
import org.minyi.analysis.SentimentAnalyzer;
import org.minyi.analysis.SentimentPrediction;

/**
 * Attitude (negative / neutral / positive) from the sentence vector: a softmax regression trained on messages to
 * government read and labelled by hand. The score is P(positive) − P(negative), in −1..1. Class biases (added to
 * the log-probabilities) are chosen on held-out predictions so that questions are not swallowed by the far larger
 * negative class. Without a vector it answers through its n-gram fallback.
 */
public final class EncoderAttitudeModel implements SentimentAnalyzer {

    public static final String FILE_NAME = "attitude-encoder.model";
    static final String KIND = "attitude-encoder";
    /** Class order of the model. */
    public static final List<String> LABELS = List.of("negative", "neutral", "positive");

    private final SoftmaxRegression model;
    /** Direction from the centroid of negative to that of positive reviews (empty: not used); see {@link #features}. */
    private final float[] polarity;
    private final double[] bias;
    private final Map<String, String> facts;
    private SentimentAnalyzer fallback;

    EncoderAttitudeModel(SoftmaxRegression model, float[] polarity, double[] bias, Map<String, String> facts) {
        this.model = model;
        this.polarity = polarity.clone();
        this.bias = bias.clone();
        this.facts = Map.copyOf(facts);
    }

    /**
     * What the regression sees: the sentence vector and, when a polarity direction is given, the vector's position
     * along it (times {@link #POLARITY_SCALE}). Reviews of hotels and meals differ from letters to government in
     * almost everything but praise and blame; the direction from blame to praise among them carries over, and the
     * few letters of thanks need that (8 among 2,000 hand-labelled letters).
     */
    static float[] features(float[] embedding, float[] polarity) {
        if (polarity.length == 0) {
            return embedding;
        }
        float[] x = java.util.Arrays.copyOf(embedding, embedding.length + 1);
        double dot = 0;
        for (int i = 0; i < polarity.length; i++) {
            dot += polarity[i] * embedding[i];
        }
        x[embedding.length] = (float) (dot * POLARITY_SCALE);
        return x;
    }

    static final double POLARITY_SCALE = 10;

    /** The unit direction from the mean vector of negative examples to that of positive ones. */
    public static float[] polarityDirection(float[][] x, List<String> y) {
        int d = x[0].length;
        double[] pos = new double[d];
        double[] neg = new double[d];
        int np = 0;
        int nn = 0;
        for (int i = 0; i < x.length; i++) {
            double[] sum = y.get(i).equals("positive") ? pos : y.get(i).equals("negative") ? neg : null;
            if (sum == null) {
                continue;
            }
            for (int j = 0; j < d; j++) {
                sum[j] += x[i][j];
            }
            if (sum == pos) {
                np++;
            } else {
                nn++;
            }
        }
        if (np == 0 || nn == 0) {
            throw new IllegalArgumentException("a polarity direction needs positive and negative examples");
        }
        float[] direction = new float[d];
        double norm = 0;
        for (int j = 0; j < d; j++) {
            double v = pos[j] / np - neg[j] / nn;
            direction[j] = (float) v;
            norm += v * v;
        }
        for (int j = 0; j < d; j++) {
            direction[j] /= (float) Math.sqrt(norm);
        }
        return direction;
    }

    public static EncoderAttitudeModel train(float[][] x, List<String> y, double[] weight, float[] polarity,
                                             SoftmaxRegression.Settings settings, Map<String, String> facts) {
        int[] classes = new int[y.size()];
        for (int i = 0; i < classes.length; i++) {
            classes[i] = LABELS.indexOf(y.get(i));
            if (classes[i] < 0) {
                throw new IllegalArgumentException("unknown attitude '" + y.get(i) + "'; expected " + LABELS);
            }
        }
        float[][] features = new float[x.length][];
        for (int i = 0; i < x.length; i++) {
            features[i] = features(x[i], polarity);
        }
        return new EncoderAttitudeModel(SoftmaxRegression.train(features, classes, weight, LABELS.size(), settings),
                polarity, new double[LABELS.size()], facts);
    }

    /** The same weights with other class biases (log-probability offsets). */
    public EncoderAttitudeModel withBias(double[] newBias) {
        EncoderAttitudeModel copy = new EncoderAttitudeModel(model, polarity, newBias, facts);
        copy.fallback = fallback;
        return copy;
    }

    public static EncoderAttitudeModel load(Path folder, SentimentAnalyzer fallback) {
        EncoderAttitudeModel model = ModelFile.read(folder.resolve(FILE_NAME), KIND,
                "train it with: minyi train attitude (see models/sentiment/MODEL_CARD.md)", (in, facts) -> {
                    double[] bias = new double[LABELS.size()];
                    for (int i = 0; i < bias.length; i++) {
                        bias[i] = in.readDouble();
                    }
                    float[] polarity = new float[in.readInt()];
                    for (int i = 0; i < polarity.length; i++) {
                        polarity[i] = in.readFloat();
                    }
                    return new EncoderAttitudeModel(SoftmaxRegression.read(in), polarity, bias, facts);
                });
        model.fallback = fallback;
        return model;
    }

    public void save(Path folder) {
        ModelFile.write(folder.resolve(FILE_NAME), KIND, facts, out -> {
            for (double b : bias) {
                out.writeDouble(b);
            }
            out.writeInt(polarity.length);
            for (float f : polarity) {
                out.writeFloat(f);
            }
            model.write(out);
        });
    }

    @Override
    public boolean needsEmbedding() {
        return true;
    }

    @Override
    public SentimentPrediction score(List<String> words, String text) {
        if (fallback == null) {
            throw new IllegalStateException("the encoder attitude model needs a sentence vector (encoder is off)");
        }
        return fallback.score(words, text);
    }

    @Override
    public SentimentPrediction score(List<String> words, String text, float[] embedding) {
        return embedding == null ? score(words, text) : predict(embedding);
    }

    public SentimentPrediction predict(float[] embedding) {
        double[] p = probabilities(embedding);
        int best = 0;
        for (int c = 1; c < p.length; c++) {
            if (Math.log(p[c]) + bias[c] > Math.log(p[best]) + bias[best]) {
                best = c;
            }
        }
        double score = Math.max(-1, Math.min(1, p[2] - p[0]));
        return new SentimentPrediction(Sentiment.parse(LABELS.get(best)), score);
    }

    public double[] probabilities(float[] embedding) {
        return model.probabilities(features(embedding, polarity));
    }

    public double calibrate(float[][] x, List<String> y) {
        List<Integer> classes = new ArrayList<>();
        for (String label : y) {
            classes.add(LABELS.indexOf(label));
        }
        float[][] features = new float[x.length][];
        for (int i = 0; i < x.length; i++) {
            features[i] = features(x[i], polarity);
        }
        return model.calibrate(features, classes.stream().mapToInt(Integer::intValue).toArray());
    }

    public double[] bias() {
        return bias.clone();
    }

    public Map<String, String> facts() {
        return facts;
    }
}
