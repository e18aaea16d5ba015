package org.minyi.analysis.classify;

import java.util.List;

/**
 * A labelled text with the tokens the classifier sees, in the form the pipeline hands them over at run time.
 *
 * @param tokens words as segmented (stop words removed for topics, kept for sentiment)
 * @param text   the raw text; character n-grams come from here
 */
public record Document(String label, List<String> tokens, String text) {

    public Document {
        tokens = List.copyOf(tokens);
    }
}
