package org.minyi.analysis.classify;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.minyi.analysis.TopicClassifier;
import org.minyi.analysis.TopicPrediction;

/**
 * Topic from the sentence vector: a softmax regression over the 7 topics and 其他, with calibrated probabilities,
 * that answers 其他 also when no topic of the seven is likely enough (the abstention threshold, chosen on held-out
 * predictions). It may carry a companion: an n-gram model trained on the same labelled rows, whose probabilities
 * are averaged in ({@link #vectorWeight()} on the vector's side) — the words a subject is named by (低保, 村道,
 * 公积金) carry from city to city as well as meaning does. Without a vector (encoder off) it answers through its
 * n-gram fallback, the model that ran before.
 */
public final class EncoderTopicModel implements TopicClassifier {

    public static final String FILE_NAME = "topic-encoder.model";
    /** The n-gram companion's file, beside {@link #FILE_NAME}. */
    public static final String COMPANION_FILE_NAME = "topic-encoder-ngram.model";
    static final String KIND = "topic-encoder";

    private final List<String> labels;
    private final TopicFeatures features;
    private final SoftmaxRegression model;
    private final double abstain;
    private final int other;
    private final Map<String, String> facts;
    private TopicClassifier fallback;
    /** The n-gram companion over the same class set, or null. */
    private TopicModel companion;
    private double vectorWeight = 1;
    /**
     * Factors on the blended probabilities before the answer is read (1 each: none), chosen out of fold: below 1 on
     * 城乡建设 leans against the majority class, above 1 on 其他 lets the model abstain more readily.
     */
    private double[] factors;

    EncoderTopicModel(List<String> labels, TopicFeatures features, SoftmaxRegression model, double abstain,
                      Map<String, String> facts) {
        this.labels = List.copyOf(labels);
        this.features = features;
        this.model = model;
        this.abstain = abstain;
        this.other = labels.indexOf(LabelledMessages.OTHER);
        this.facts = Map.copyOf(facts);
        this.factors = new double[labels.size()];
        java.util.Arrays.fill(factors, 1);
    }

    /**
     * @param x        sentence vectors
     * @param features what the model makes of a vector (the taxonomy closeness, say)
     * @param y        labels (7 topics and 其他)
     * @param weight  weight per example, or null
     * @param abstain answer 其他 when the best of the seven is below this probability (0: never)
     */
    public static EncoderTopicModel train(float[][] x, TopicFeatures features, List<String> y, double[] weight,
                                          SoftmaxRegression.Settings settings, double abstain,
                                          Map<String, String> facts) {
        List<String> labels = y.stream().distinct().sorted().toList();
        int[] classes = y.stream().mapToInt(labels::indexOf).toArray();
        return new EncoderTopicModel(labels, features, SoftmaxRegression.train(features.of(x), classes, weight,
                labels.size(), settings), abstain, facts);
    }

    /** The model with another abstention threshold (the same weights). */
    public EncoderTopicModel withAbstention(double threshold) {
        EncoderTopicModel copy = new EncoderTopicModel(labels, features, model, threshold, facts);
        copy.fallback = fallback;
        copy.companion = companion;
        copy.vectorWeight = vectorWeight;
        copy.factors = factors;
        return copy;
    }

    /** The model with factors on the blended probabilities of the given classes before the answer is read. */
    public EncoderTopicModel withFactors(Map<String, Double> byClass) {
        EncoderTopicModel copy = withAbstention(abstain);
        copy.factors = new double[labels.size()];
        for (int c = 0; c < labels.size(); c++) {
            copy.factors[c] = byClass.getOrDefault(labels.get(c), 1.0);
        }
        return copy;
    }

    /** The factor on a class's probability before the answer is read (1: none). */
    public double factor(String label) {
        int c = labels.indexOf(label);
        return c < 0 ? 1 : factors[c];
    }

    /** The model with an n-gram companion averaged in at {@code vectorWeight} for the vector part (1: none). */
    public EncoderTopicModel withCompanion(TopicModel ngram, double weightOfVector, double threshold,
                                           Map<String, String> newFacts) {
        EncoderTopicModel copy = new EncoderTopicModel(labels, features, model, threshold, newFacts);
        copy.fallback = fallback;
        copy.companion = weightOfVector >= 1 ? null : ngram;
        copy.vectorWeight = weightOfVector >= 1 ? 1 : weightOfVector;
        copy.factors = factors;
        return copy;
    }

    public double vectorWeight() {
        return vectorWeight;
    }

    /** Fits the softmax temperature on held-out vectors and labels; returns it. */
    public double calibrate(float[][] x, List<String> y) {
        int[] classes = new int[y.size()];
        List<float[]> kept = new ArrayList<>();
        int k = 0;
        for (int i = 0; i < y.size(); i++) {
            int c = labels.indexOf(y.get(i));
            if (c >= 0) {
                classes[k++] = c;
                kept.add(features.of(x[i]));
            }
        }
        return model.calibrate(kept.toArray(float[][]::new), java.util.Arrays.copyOf(classes, k));
    }

    public static EncoderTopicModel load(Path folder, TopicClassifier fallback) {
        EncoderTopicModel model = ModelFile.read(folder.resolve(FILE_NAME), KIND,
                "train it with: minyi train topic-encoder (see models/topic/MODEL_CARD.md)", (in, facts) -> {
                    int n = in.readInt();
                    List<String> labels = new ArrayList<>(n);
                    for (int i = 0; i < n; i++) {
                        labels.add(in.readUTF());
                    }
                    double abstain = in.readDouble();
                    double vectorWeight = in.readDouble();
                    double[] factors = readFactors(in, n);
                    TopicFeatures features = TopicFeatures.read(in);
                    EncoderTopicModel read = new EncoderTopicModel(labels, features, SoftmaxRegression.read(in),
                            abstain, facts);
                    read.vectorWeight = vectorWeight;
                    if (factors != null) {
                        read.factors = factors;
                    }
                    return read;
                });
        model.fallback = fallback;
        if (model.vectorWeight < 1) {
            model.companion = TopicModel.load(folder, COMPANION_FILE_NAME);
        }
        return model;
    }

    public void save(Path folder) {
        ModelFile.write(folder.resolve(FILE_NAME), KIND, facts, out -> {
            out.writeInt(labels.size());
            for (String label : labels) {
                out.writeUTF(label);
            }
            out.writeDouble(abstain);
            out.writeDouble(vectorWeight);
            if (!allOne(factors)) {
                out.writeInt(FACTORS_MARK);
                for (double f : factors) {
                    out.writeDouble(f);
                }
            }
            features.write(out);
            model.write(out);
        });
        if (companion != null) {
            companion.save(folder, COMPANION_FILE_NAME);
        }
    }

    /** Marks the factors block; files written before it existed go straight on to the taxonomy's entry count. */
    private static final int FACTORS_MARK = -0x46414354;

    private static double[] readFactors(java.io.DataInputStream in, int classes) throws java.io.IOException {
        in.mark(Integer.BYTES);
        if (in.readInt() != FACTORS_MARK) {
            in.reset();
            return null;
        }
        double[] factors = new double[classes];
        for (int c = 0; c < classes; c++) {
            factors[c] = in.readDouble();
            if (!(factors[c] > 0 && factors[c] < 100)) {
                throw new java.io.IOException("implausible class factor " + factors[c]);
            }
        }
        return factors;
    }

    private static boolean allOne(double[] values) {
        for (double v : values) {
            if (v != 1) {
                return false;
            }
        }
        return true;
    }

    @Override
    public boolean needsEmbedding() {
        return true;
    }

    @Override
    public TopicPrediction classify(List<String> tokens, String text) {
        if (fallback == null) {
            throw new IllegalStateException("the encoder topic model needs a sentence vector (encoder is off)");
        }
        return fallback.classify(tokens, text);
    }

    @Override
    public TopicPrediction classify(List<String> tokens, String text, float[] embedding) {
        if (embedding == null) {
            return classify(tokens, text);
        }
        return answer(probabilities(embedding, tokens, text));
    }

    /** Every class probability, vector and (when there is one) companion blended, in {@link #labels()} order. */
    public double[] probabilities(float[] embedding, List<String> tokens, String text) {
        double[] p = probabilities(embedding);
        if (companion == null) {
            return p;
        }
        double[] n = companion.probabilities(tokens, text);
        double[] mixed = new double[p.length];
        for (int k = 0; k < companion.labels().size(); k++) {
            int c = labels.indexOf(companion.labels().get(k));
            if (c >= 0) {
                mixed[c] = (1 - vectorWeight) * n[k];
            }
        }
        for (int c = 0; c < p.length; c++) {
            mixed[c] += vectorWeight * p[c];
        }
        return mixed;
    }

    /** The prediction of the vector part alone (the companion, if any, is left out). */
    public TopicPrediction predict(float[] embedding) {
        return answer(probabilities(embedding));
    }

    /** The answer for blended probabilities: the likeliest of the seven, or 其他 (see the class comment). */
    TopicPrediction answer(double[] p) {
        double[] q = new double[p.length];
        int best = -1;
        for (int c = 0; c < p.length; c++) {
            q[c] = p[c] * factors[c];
            if (c != other && (best < 0 || q[c] > q[best])) {
                best = c;
            }
        }
        if (TopicEncoderTraining.answerIndex(q, other, abstain) == other) {
            return new TopicPrediction(LabelledMessages.OTHER, Math.max(p[other], 1 - p[best]));
        }
        return new TopicPrediction(labels.get(best), p[best]);
    }

    /** Every class probability of the vector part, in {@link #labels()} order. */
    public double[] probabilities(float[] embedding) {
        return model.probabilities(features.of(embedding));
    }

    TopicFeatures features() {
        return features;
    }

    SoftmaxRegression softmax() {
        return model;
    }

    public List<String> labels() {
        return labels;
    }

    public double abstention() {
        return abstain;
    }

    public Map<String, String> facts() {
        return facts;
    }
}
