package org.minyi.analysis.classify;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.minyi.analysis.TopicClassifier;
import org.minyi.analysis.TopicPrediction;

/**
 * Topic classifier: logistic regression over words and character n-grams. Load a trained one with
 * {@link #load(Path)}; train one with {@link #train} (the {@code minyi train topic} command does both ends).
 */
public final class TopicModel implements TopicClassifier {

    public static final String FILE_NAME = "topic.model";
    /** The n-gram student of the encoder topic model ({@code minyi train distil}), kept beside it. */
    public static final String DISTILLED_FILE_NAME = "topic-distilled.model";
    static final String KIND = "topic";
    private static final double[] NO_DENSE = new double[0];
    private static final String RETRAIN = "retrain with 'minyi train topic --data <labelled.csv> --out <folder>'";

    private final TextFeatures features;
    private final LinearModel model;
    private final Map<String, String> facts;

    private TopicModel(TextFeatures features, LinearModel model, Map<String, String> facts) {
        this.features = features;
        this.model = model;
        this.facts = Map.copyOf(facts);
    }

    /** Trains on {@code documents}; the class set is whatever labels they carry. Same input, same model. */
    public static TopicModel train(List<Document> documents, ModelParameters parameters, Map<String, String> facts) {
        TextFeatures features = parameters.features();
        List<TextFeatures.Counts> vectors = new ArrayList<>(documents.size());
        List<double[]> noDense = new ArrayList<>(documents.size());
        List<String> labels = new ArrayList<>(documents.size());
        for (Document document : documents) {
            vectors.add(features.extract(document.tokens(), document.text()));
            noDense.add(NO_DENSE);
            labels.add(document.label());
        }
        LinearModel model = LinearTrainer.train(vectors, noDense, labels, parameters.training());
        Map<String, String> allFacts = new LinkedHashMap<>(facts);
        allFacts.put("parameters", parameters.toString());
        allFacts.put("features", Integer.toString(model.featureCount()));
        allFacts.put("training documents", Integer.toString(documents.size()));
        return new TopicModel(features, model, allFacts);
    }

    /** Loads {@value #FILE_NAME} from {@code folder}; fails with {@link ModelLoadException} naming the problem. */
    public static TopicModel load(Path folder) {
        return load(folder, FILE_NAME);
    }

    /** Loads a topic model kept under another file name (e.g. an encoder model's n-gram companion). */
    public static TopicModel load(Path folder, String fileName) {
        return ModelFile.read(folder.resolve(fileName), KIND, RETRAIN,
                (in, facts) -> new TopicModel(TextFeatures.read(in), LinearModel.read(in), facts));
    }

    public void save(Path folder) {
        save(folder, FILE_NAME);
    }

    public void save(Path folder, String fileName) {
        ModelFile.write(folder.resolve(fileName), KIND, new LinkedHashMap<>(facts), out -> {
            features.write(out);
            model.write(out);
        });
    }

    @Override
    public TopicPrediction classify(List<String> tokens, String text) {
        double[] probabilities = model.probabilities(features.extract(tokens, text == null ? "" : text), NO_DENSE);
        int best = 0;
        for (int k = 1; k < probabilities.length; k++) {
            if (probabilities[k] > probabilities[best]) {
                best = k;
            }
        }
        return new TopicPrediction(model.labels().get(best), Math.min(1, Math.max(0, probabilities[best])));
    }

    /** Every class's probability, in {@link #labels()} order. */
    public double[] probabilities(List<String> tokens, String text) {
        return model.probabilities(features.extract(tokens, text == null ? "" : text), NO_DENSE);
    }

    /** The class set, in the model's order. */
    public List<String> labels() {
        return model.labels();
    }

    /** What the model was trained on and with (data, date, parameters), as recorded at training time. */
    public Map<String, String> facts() {
        return facts;
    }
}
