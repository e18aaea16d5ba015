package org.minyi.analysis.classify;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Whether a group or life stage that the cue words found is what the message is about: one logistic regression per
 * label over the sentence vector ("the hand labels give this message this label"), trained on the hand labels'
 * training split. Cue words find the evidence but cannot tell a retired teacher's neighbour dispute from a retiree's
 * pension claim; the message's vector can, often enough. An answer is kept when its label's probability reaches the
 * threshold of its kind (group or stage), chosen so that answers people checked by hand reach the precision aimed at
 * ({@code minyi train groups}); a label the model never learnt keeps its answers.
 */
public final class GroupRelevanceModel {

    public static final String FILE_NAME = "relevance.model";
    static final String KIND = "group-relevance";
    public static final String GROUP = "group";
    public static final String STAGE = "stage";

    private final Map<String, SoftmaxRegression> models;
    private final Map<String, Double> thresholds;
    private final Map<String, String> facts;

    /**
     * @param models     by key {@code group:老年人} or {@code stage:老年}
     * @param thresholds by kind, {@link #GROUP} and {@link #STAGE}
     */
    GroupRelevanceModel(Map<String, SoftmaxRegression> models, Map<String, Double> thresholds,
                        Map<String, String> facts) {
        if (!thresholds.containsKey(GROUP) || !thresholds.containsKey(STAGE)) {
            throw new IllegalArgumentException("a threshold for groups and one for stages");
        }
        this.models = Map.copyOf(models);
        this.thresholds = Map.copyOf(thresholds);
        this.facts = Map.copyOf(facts);
    }

    static String key(String kind, String label) {
        return kind + ":" + label;
    }

    /** The probability that the message is about {@code label}, or NaN when the label was never learnt. */
    public double probability(String kind, String label, float[] vector) {
        SoftmaxRegression model = models.get(key(kind, label));
        return model == null ? Double.NaN : model.probabilities(vector)[1];
    }

    /** Whether an answer of the cue words stands for a message with this vector. */
    public boolean keeps(String kind, String label, float[] vector) {
        double p = probability(kind, label, vector);
        return Double.isNaN(p) || p >= thresholds.get(kind);
    }

    public double threshold(String kind) {
        return thresholds.get(kind);
    }

    public Map<String, String> facts() {
        return facts;
    }

    public static GroupRelevanceModel load(Path folder) {
        return ModelFile.read(folder.resolve(FILE_NAME), KIND,
                "train it with: minyi train groups --out models/groups (see models/groups/MODEL_CARD.md)",
                (in, facts) -> {
                    Map<String, Double> cut = new HashMap<>();
                    cut.put(GROUP, in.readDouble());
                    cut.put(STAGE, in.readDouble());
                    int n = in.readInt();
                    if (n < 0 || n > 200) {
                        throw new java.io.IOException("implausible label count " + n);
                    }
                    Map<String, SoftmaxRegression> models = new HashMap<>();
                    for (int i = 0; i < n; i++) {
                        models.put(in.readUTF(), SoftmaxRegression.read(in));
                    }
                    return new GroupRelevanceModel(models, cut, facts);
                });
    }

    public void save(Path folder) {
        List<String> keys = new ArrayList<>(models.keySet());
        keys.sort(null);
        ModelFile.write(folder.resolve(FILE_NAME), KIND, facts, out -> {
            out.writeDouble(thresholds.get(GROUP));
            out.writeDouble(thresholds.get(STAGE));
            out.writeInt(keys.size());
            for (String key : keys) {
                out.writeUTF(key);
                models.get(key).write(out);
            }
        });
    }

    /**
     * Trains one model per label that the training rows hold.
     *
     * @param x      sentence vectors of the training rows
     * @param groups their hand-labelled groups
     * @param stages their hand-labelled life stages
     */
    public static Map<String, SoftmaxRegression> train(float[][] x, List<List<String>> groups,
                                                       List<List<String>> stages, SoftmaxRegression.Settings settings) {
        Map<String, SoftmaxRegression> models = new HashMap<>();
        trainKind(GROUP, x, groups, settings, models);
        trainKind(STAGE, x, stages, settings, models);
        return models;
    }

    private static void trainKind(String kind, float[][] x, List<List<String>> gold,
                                  SoftmaxRegression.Settings settings, Map<String, SoftmaxRegression> into) {
        gold.stream().flatMap(List::stream).distinct().sorted().forEach(label -> {
            int[] y = new int[x.length];
            for (int i = 0; i < y.length; i++) {
                y[i] = gold.get(i).contains(label) ? 1 : 0;
            }
            into.put(key(kind, label), SoftmaxRegression.train(x, y, null, 2, settings));
        });
    }

    /** The same label models with another threshold for life stages, and facts saying how it was chosen. */
    public GroupRelevanceModel withStageThreshold(double stageThreshold, Map<String, String> newFacts) {
        return new GroupRelevanceModel(models, Map.of(GROUP, thresholds.get(GROUP), STAGE, stageThreshold), newFacts);
    }

    /** The model with its thresholds. */
    public static GroupRelevanceModel of(Map<String, SoftmaxRegression> models, double groupThreshold,
                                         double stageThreshold, Map<String, String> facts) {
        return new GroupRelevanceModel(models, Map.of(GROUP, groupThreshold, STAGE, stageThreshold), facts);
    }
}
