package org.minyi.analysis;

import java.util.List;

/** Scores the polarity of a message. Implementations are thread-safe. */
public interface SentimentAnalyzer {

    /**
     * @param words all segmented words of the text, stop words kept (negations and degree adverbs matter here)
     * @param text  the masked text
     */
    SentimentPrediction score(List<String> words, String text);

    /** Whether this analyzer reads the sentence vector; the sentiment step then declares it reads it. */
    default boolean needsEmbedding() {
        return false;
    }

    /**
     * @param embedding the sentence encoder's vector of the same text, or null when the encoder is off
     */
    default SentimentPrediction score(List<String> words, String text, float[] embedding) {
        return score(words, text);
    }
}
