package org.minyi.analysis;

import java.util.List;

/**
 * Assigns a message to one topic of a class set (by default the seven first-level topics of government messages).
 * Implementations are thread-safe: one instance serves every analysis thread.
 */
public interface TopicClassifier {

    /**
     * @param tokens segmented words of title and text (stop words removed), as the pipeline produced them
     * @param text   the masked title and text, for implementations that look at characters
     */
    TopicPrediction classify(List<String> tokens, String text);

    /** Whether this classifier reads the sentence vector; the topic step then declares it reads it. */
    default boolean needsEmbedding() {
        return false;
    }

    /**
     * @param embedding the sentence encoder's vector of the same text, or null when the encoder is off
     */
    default TopicPrediction classify(List<String> tokens, String text, float[] embedding) {
        return classify(tokens, text);
    }
}
