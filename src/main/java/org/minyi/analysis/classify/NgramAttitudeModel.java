package org.minyi.analysis.classify;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.minyi.analysis.Sentiment;
import org.minyi.analysis.SentimentAnalyzer;
import org.minyi.analysis.SentimentPrediction;

/**
 * Attitude (negative / neutral / positive) from words and character n-grams alone: a linear model that needs no
 * sentence vector, so it runs at the speed of the encoder-off pipeline. Trained by {@code minyi train distil} on
 * the hand labels plus the encoder models' answers over unlabelled messages (a distilled student of
 * {@link EncoderAttitudeModel}). The label is the class with the highest log-probability plus its class bias (chosen,
 * like the teacher's, on out-of-fold predictions by {@link AttitudeEncoderTraining#chooseBias}); the score is
 * P(positive) − P(negative). When training chose it by cross-validation, a letter whose point is thanks or praise
 * ({@link LetterOfThanks}) is positive whatever the weights say: the hand labels hold too few such letters, and the
 * teacher's answers none, for the weights to learn them.
 */
public final class NgramAttitudeModel implements SentimentAnalyzer {

    public static final String FILE_NAME = "attitude-distilled.model";
    static final String KIND = "attitude-ngram";
    /** The least score of a letter of thanks: as sure as the government-message layer makes thanks (rule 2). */
    static final double THANKS_SCORE = 0.5;
    private static final String RETRAIN = "train it with: minyi train distil (see models/sentiment/MODEL_CARD.md)";

    private final TextFeatures features;
    private final LinearModel model;
    private final int negative;
    private final int neutral;
    private final int positive;
    private final Map<String, String> facts;
    /** Log-probability offsets in {@link EncoderAttitudeModel#LABELS} order; all zero: the most probable class. */
    private final double[] bias;
    /** Whether a letter of thanks ({@link LetterOfThanks}) is answered positive, as chosen at training time. */
    private final boolean readsThanks;

    private NgramAttitudeModel(TextFeatures features, LinearModel model, Map<String, String> facts, double[] bias,
                               boolean readsThanks) {
        this.features = features;
        this.model = model;
        this.negative = model.labels().indexOf(Sentiment.NEGATIVE.key());
        this.neutral = model.labels().indexOf(Sentiment.NEUTRAL.key());
        this.positive = model.labels().indexOf(Sentiment.POSITIVE.key());
        if (negative < 0 || neutral < 0 || positive < 0) {
            throw new IllegalArgumentException("an attitude model needs negative, neutral and positive classes, got "
                    + model.labels());
        }
        this.facts = Map.copyOf(facts);
        if (bias.length != EncoderAttitudeModel.LABELS.size()) {
            throw new IllegalArgumentException("one bias per class of " + EncoderAttitudeModel.LABELS);
        }
        this.bias = bias.clone();
        this.readsThanks = readsThanks;
    }

    /**
     * Trains on documents labelled negative, neutral or positive (any spelling {@link SentimentModel#polarity}
     * reads); tokens are the words with stop words kept, as the sentiment step hands them over.
     */
    public static NgramAttitudeModel train(List<Document> documents, ModelParameters parameters,
                                           Map<String, String> facts) {
        TextFeatures features = parameters.features();
        List<TextFeatures.Counts> vectors = new ArrayList<>(documents.size());
        List<double[]> noDense = new ArrayList<>(documents.size());
        List<String> labels = new ArrayList<>(documents.size());
        for (Document document : documents) {
            vectors.add(features.extract(document.tokens(), document.text()));
            noDense.add(new double[0]);
            labels.add(SentimentModel.polarity(document.label()).key());
        }
        LinearModel model = LinearTrainer.train(vectors, noDense, labels, parameters.training());
        Map<String, String> allFacts = new LinkedHashMap<>(facts);
        allFacts.put("parameters", parameters.toString());
        allFacts.put("features", Integer.toString(model.featureCount()));
        allFacts.put("training documents", Integer.toString(documents.size()));
        return new NgramAttitudeModel(features, model, allFacts, new double[EncoderAttitudeModel.LABELS.size()],
                false);
    }

    /** The same weights with other class biases (negative, neutral, positive), noted in the facts. */
    public NgramAttitudeModel withBias(double[] newBias, String why) {
        Map<String, String> newFacts = new LinkedHashMap<>(facts);
        newFacts.put("bias", String.format("neutral %+.2f, positive %+.2f (%s)", newBias[1] - newBias[0],
                newBias[2] - newBias[0], why));
        return new NgramAttitudeModel(features, model, newFacts, newBias, readsThanks);
    }

    /** The same model answering letters of thanks positive, or not, noted in the facts with the reason. */
    public NgramAttitudeModel withThanksReading(boolean reads, String why) {
        Map<String, String> newFacts = new LinkedHashMap<>(facts);
        newFacts.put("letters of thanks", (reads ? "positive (LetterOfThanks), " : "left to the weights, ") + why);
        return new NgramAttitudeModel(features, model, newFacts, bias, reads);
    }

    public double[] bias() {
        return bias.clone();
    }

    public boolean readsThanks() {
        return readsThanks;
    }

    /** Loads {@value #FILE_NAME} from {@code folder}; fails with {@link ModelLoadException} naming the problem. */
    public static NgramAttitudeModel load(Path folder) {
        return ModelFile.read(folder.resolve(FILE_NAME), KIND, RETRAIN,
                (in, facts) -> {
                    TextFeatures features = TextFeatures.read(in);
                    LinearModel model = LinearModel.read(in);
                    // Files written before class biases existed end after the weights: no bias; files written before
                    // the thanks reading existed end after the biases: no reading.
                    double[] bias = new double[EncoderAttitudeModel.LABELS.size()];
                    if (in.available() > 0) {
                        for (int i = 0; i < bias.length; i++) {
                            bias[i] = in.readDouble();
                        }
                    }
                    boolean readsThanks = in.read() > 0; // -1 at the end of an older file
                    return new NgramAttitudeModel(features, model, facts, bias, readsThanks);
                });
    }

    public void save(Path folder) {
        ModelFile.write(folder.resolve(FILE_NAME), KIND, new LinkedHashMap<>(facts), out -> {
            features.write(out);
            model.write(out);
            for (double b : bias) {
                out.writeDouble(b);
            }
            out.writeBoolean(readsThanks);
        });
    }

    @Override
    public SentimentPrediction score(List<String> words, String text) {
        double[] p = probabilities(words, text);
        int best = 0;
        for (int c = 1; c < p.length; c++) {
            if (Math.log(p[c]) + bias[c] > Math.log(p[best]) + bias[best]) {
                best = c;
            }
        }
        double score = Math.max(-1, Math.min(1, p[2] - p[0]));
        if (readsThanks && LetterOfThanks.isThanks(text)) {
            return new SentimentPrediction(Sentiment.POSITIVE, Math.max(score, THANKS_SCORE));
        }
        return new SentimentPrediction(Sentiment.parse(EncoderAttitudeModel.LABELS.get(best)), score);
    }

    /** Class probabilities in {@link EncoderAttitudeModel#LABELS} order (negative, neutral, positive), no bias. */
    public double[] probabilities(List<String> words, String text) {
        double[] p = model.probabilities(features.extract(words, text == null ? "" : text), new double[0]);
        return new double[] {p[negative], p[neutral], p[positive]};
    }

    /** What the model was trained on and with, as recorded at training time. */
    public Map<String, String> facts() {
        return facts;
    }
}
