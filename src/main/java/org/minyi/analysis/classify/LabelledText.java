package org.minyi.analysis.classify;

/**
 * One labelled record as an operator supplies it: the text (title and body joined by a line break) and its class.
 *
 * @param source where the record came from ({@code file:line}), for error messages
 */
public record LabelledText(String label, String text, String source) {

    public LabelledText {
        if (label == null || label.isBlank()) {
            throw new IllegalArgumentException(source + ": empty label");
        }
        if (text == null) {
            throw new IllegalArgumentException(source + ": missing text");
        }
        label = label.strip();
    }
}
