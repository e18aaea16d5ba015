package org.minyi.analysis;

/** A polarity label with a signed score in −1..1 (negative below zero). */
public record SentimentPrediction(Sentiment label, double score) {

    public SentimentPrediction {
        if (label == null) {
            throw new IllegalArgumentException("sentiment label is null");
        }
        if (!(score >= -1 && score <= 1)) {
            throw new IllegalArgumentException("sentiment score out of -1..1: " + score);
        }
    }
}
