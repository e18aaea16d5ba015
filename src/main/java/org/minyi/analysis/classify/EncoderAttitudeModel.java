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
    private final double[] bias;
    private final Map<String, String> facts;
    private SentimentAnalyzer fallback;

    EncoderAttitudeModel(SoftmaxRegression model, double[] bias, Map<String, String> facts) {
        this.model = model;
        this.bias = bias.clone();
        this.facts = Map.copyOf(facts);
    }

    public static EncoderAttitudeModel train(float[][] x, List<String> y, double[] weight,
                                             SoftmaxRegression.Settings settings, Map<String, String> facts) {
        int[] classes = new int[y.size()];
        for (int i = 0; i < classes.length; i++) {
            classes[i] = LABELS.indexOf(y.get(i));
            if (classes[i] < 0) {
                throw new IllegalArgumentException("unknown attitude '" + y.get(i) + "'; expected " + LABELS);
            }
        }
        return new EncoderAttitudeModel(SoftmaxRegression.train(x, classes, weight, LABELS.size(), settings),
                new double[LABELS.size()], facts);
    }

    /** The same weights with other class biases (log-probability offsets). */
    public EncoderAttitudeModel withBias(double[] newBias) {
        EncoderAttitudeModel copy = new EncoderAttitudeModel(model, newBias, facts);
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
                    return new EncoderAttitudeModel(SoftmaxRegression.read(in), bias, facts);
                });
        model.fallback = fallback;
        return model;
    }

    public void save(Path folder) {
        ModelFile.write(folder.resolve(FILE_NAME), KIND, facts, out -> {
            for (double b : bias) {
                out.writeDouble(b);
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
        double[] p = model.probabilities(embedding);
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
        return model.probabilities(embedding);
    }

    public double calibrate(float[][] x, List<String> y) {
        List<Integer> classes = new ArrayList<>();
        for (String label : y) {
            classes.add(LABELS.indexOf(label));
        }
        return model.calibrate(x, classes.stream().mapToInt(Integer::intValue).toArray());
    }

    public double[] bias() {
        return bias.clone();
    }

    public Map<String, String> facts() {
        return facts;
    }
}
