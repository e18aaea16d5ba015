package org.minyi.analysis.classify;

/**
 * What a linear text model is trained with. The defaults are the ones the shipped models were trained with.
 *
 * @param c           liblinear's inverse regularisation strength
 * @param minDf       a sparse feature must occur in at least this many training documents
 * @param maxFeatures keep at most this many sparse features (most frequent first), which bounds the model size
 * @param wordBigrams add pairs of adjacent words as features
 * @param charMin     shortest character n-gram (0 with charMax 0: no character features)
 * @param charMax     longest character n-gram (at most 5)
 * @param nbScaling   with two classes, weight features by their naive Bayes log-count ratio (NB-SVM)
 */
public record ModelParameters(double c, int minDf, int maxFeatures, boolean wordBigrams, int charMin, int charMax,
                              boolean nbScaling) {

    public static final ModelParameters TOPIC_DEFAULTS = new ModelParameters(10, 2, 300_000, false, 1, 3, false);
    public static final ModelParameters SENTIMENT_DEFAULTS = new ModelParameters(16, 2, 200_000, true, 1, 5, true);

    public ModelParameters {
        new LinearTrainer.Parameters(c, minDf, maxFeatures, nbScaling); // validates
        new TextFeatures(wordBigrams, charMin, charMax);
    }

    TextFeatures features() {
        return new TextFeatures(wordBigrams, charMin, charMax);
    }

    LinearTrainer.Parameters training() {
        return new LinearTrainer.Parameters(c, minDf, maxFeatures, nbScaling);
    }

    @Override
    public String toString() {
        return "C=" + c + ", minDf=" + minDf + ", maxFeatures=" + maxFeatures + ", features=" + features() + (nbScaling ? ", NB-scaled" : "");
    }
}
