package org.minyi.analysis;

import java.util.List;

/** Scores the polarity of a message. Implementations are thread-safe. */
public interface SentimentAnalyzer {

    /**
     * @param words all segmented words of the text, stop words kept (negations and degree adverbs matter here)
     * @param text  the masked text
     */
    SentimentPrediction score(List<String> words, String text);
}
