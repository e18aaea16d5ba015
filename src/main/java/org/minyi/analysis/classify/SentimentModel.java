package org.minyi.analysis.classify;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.minyi.analysis.Sentiment;
import org.minyi.analysis.SentimentAnalyzer;
import org.minyi.analysis.SentimentPrediction;

/**
 * Sentiment: logistic regression over words, word pairs, character n-grams and lexicon features (polarity words
 * weighted by degree adverbs and flipped by negations). The score blends the classifier with the lexicon:
 * {@code (1 − w)·(P(positive) − P(negative)) + w·lexicon}, where the lexicon's own polarity is
 * {@code (pos − neg)/(pos + neg + 1)}; the blend carries domain cues (complaint words) into the score that a classifier
 * trained on another domain (hotel reviews) has not learnt. Then {@link GovernmentMessageCues} adjusts the score of
 * texts addressed to government: complaints negative however polite, thanks positive, questions neutral; other texts
 * (reviews) keep the classifier's score. The label is neutral when |score| is below the model's neutral threshold,
 * else the sign's.
 */
public final class SentimentModel implements SentimentAnalyzer {

    public static final String FILE_NAME = "sentiment.model";
    static final String KIND = "sentiment";
    private static final String RETRAIN = "retrain with 'minyi train sentiment --data <labelled.csv>"
            + " --lexicons <folder> --out <folder>'";

    private final TextFeatures features;
    private final SentimentLexicon lexicon;
    private final LinearModel model;
    private final double neutralBelow;
    private final double lexiconWeight;
    private final int positive;
    private final int negative;
    private final Map<String, String> facts;

    private SentimentModel(TextFeatures features, SentimentLexicon lexicon, LinearModel model, double neutralBelow,
                           double lexiconWeight, Map<String, String> facts) {
        this.features = features;
        this.lexicon = lexicon;
        this.model = model;
        this.neutralBelow = neutralBelow;
        this.lexiconWeight = lexiconWeight;
        this.positive = model.labels().indexOf(Sentiment.POSITIVE.key());
        this.negative = model.labels().indexOf(Sentiment.NEGATIVE.key());
        if (positive < 0 || negative < 0) {
            throw new IllegalArgumentException("a sentiment model needs positive and negative classes, got "
                    + model.labels());
        }
        this.facts = Map.copyOf(facts);
    }

    /**
     * Reads a label as a polarity: 1/positive/pos/正面/积极, 0/-1/negative/neg/负面/消极, neutral/中性.
     *
     * @throws IllegalArgumentException for anything else, naming the label
     */
    public static Sentiment polarity(String label) {
        return switch (label.strip().toLowerCase(Locale.ROOT)) {
            case "1", "positive", "pos", "正面", "积极" -> Sentiment.POSITIVE;
            case "0", "-1", "negative", "neg", "负面", "消极" -> Sentiment.NEGATIVE;
            case "neutral", "中性", "2" -> Sentiment.NEUTRAL;
            default -> throw new IllegalArgumentException("unknown sentiment label '" + label
                    + "'; expected 1/0, positive/negative/neutral or 正面/负面/中性");
        };
    }

    /**
     * Trains on documents whose labels {@link #polarity} can read; the lexicon folder holds HowNet, DUTIR and
     * notDict.txt. A neutral class is learnt too when the data has one.
     *
     * @param domainCues    optional {@code word weight} file overriding the lexicons (null for none)
     * @param neutralBelow  scores with smaller magnitude are labelled neutral
     * @param lexiconWeight share of the lexicon's own polarity in the score, 0..1
     */
    public static SentimentModel train(List<Document> documents, Path lexiconFolder, Path domainCues,
                                       ModelParameters parameters, double neutralBelow, double lexiconWeight,
                                       Map<String, String> facts) {
        if (!(neutralBelow >= 0 && neutralBelow < 1)) {
            throw new IllegalArgumentException("neutral threshold must be in 0..1, got " + neutralBelow);
        }
        if (!(lexiconWeight >= 0 && lexiconWeight <= 1)) {
            throw new IllegalArgumentException("lexicon weight must be in 0..1, got " + lexiconWeight);
        }
        SentimentLexicon lexicon = SentimentLexicon.load(lexiconFolder, domainCues);
        TextFeatures features = parameters.features();
        List<TextFeatures.Counts> vectors = new ArrayList<>(documents.size());
        List<double[]> dense = new ArrayList<>(documents.size());
        List<String> labels = new ArrayList<>(documents.size());
        for (Document document : documents) {
            SentimentLexicon.Reading reading = lexicon.read(document.tokens());
            vectors.add(features.extract(withNegated(document.tokens(), reading), document.text()));
            dense.add(reading.dense());
            labels.add(polarity(document.label()).key());
        }
        LinearModel model = LinearTrainer.train(vectors, dense, labels, parameters.training());
        Map<String, String> allFacts = new LinkedHashMap<>(facts);
        allFacts.put("parameters", parameters + ", lexicon weight " + lexiconWeight + ", neutral when |score| < "
                + neutralBelow + (domainCues == null ? "" : ", domain cues " + domainCues.getFileName()));
        allFacts.put("features", Integer.toString(model.featureCount()));
        allFacts.put("lexicon words", Integer.toString(lexicon.size()));
        allFacts.put("training documents", Integer.toString(documents.size()));
        return new SentimentModel(features, lexicon, model, neutralBelow, lexiconWeight, allFacts);
    }

    /** Loads {@value #FILE_NAME} from {@code folder}; fails with {@link ModelLoadException} naming the problem. */
    public static SentimentModel load(Path folder) {
        return ModelFile.read(folder.resolve(FILE_NAME), KIND, RETRAIN, (in, facts) -> {
            TextFeatures features = TextFeatures.read(in);
            SentimentLexicon lexicon = SentimentLexicon.read(in);
            double neutralBelow = in.readDouble();
            double lexiconWeight = in.readDouble();
            return new SentimentModel(features, lexicon, LinearModel.read(in), neutralBelow, lexiconWeight, facts);
        });
    }

    public void save(Path folder) {
        ModelFile.write(folder.resolve(FILE_NAME), KIND, new LinkedHashMap<>(facts), out -> {
            features.write(out);
            lexicon.write(out);
            out.writeDouble(neutralBelow);
            out.writeDouble(lexiconWeight);
            model.write(out);
        });
    }

    @Override
    public SentimentPrediction score(List<String> words, String text) {
        SentimentLexicon.Reading reading = lexicon.read(words);
        double[] probabilities = model.probabilities(
                features.extract(withNegated(words, reading), text == null ? "" : text), reading.dense());
        double classifier = probabilities[positive] - probabilities[negative];
        double blended = Math.max(-1, Math.min(1, (1 - lexiconWeight) * classifier + lexiconWeight * reading.score()));
        double score = GovernmentMessageCues.read(text).adjust(blended);
        Sentiment label = Math.abs(score) < neutralBelow ? Sentiment.NEUTRAL
                : score > 0 ? Sentiment.POSITIVE : Sentiment.NEGATIVE;
        return new SentimentPrediction(label, score);
    }

    /**
     * Why the government-message layer did or did not change a text's score: the cues it found (problems, requests,
     * questions, suggestions, thanks), for hand-checks and for an operator asking why a message came out negative.
     */
    public String explain(String text) {
        return GovernmentMessageCues.read(text).toString();
    }

    /** |score| below this gives the neutral label. */
    public double neutralThreshold() {
        return neutralBelow;
    }

    public Map<String, String> facts() {
        return facts;
    }

    private static List<String> withNegated(List<String> words, SentimentLexicon.Reading reading) {
        if (reading.negatedWords().isEmpty()) {
            return words;
        }
        List<String> all = new ArrayList<>(words.size() + reading.negatedWords().size());
        all.addAll(words);
        all.addAll(reading.negatedWords());
        return all;
    }
}
