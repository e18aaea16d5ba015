package org.minyi.analysis;

/** A topic label with the classifier's confidence in 0..1. */
public record TopicPrediction(String topic, double score) {

    public TopicPrediction {
        if (topic == null || topic.isBlank()) {
            throw new IllegalArgumentException("topic label is empty");
        }
        if (!(score >= 0 && score <= 1)) {
            throw new IllegalArgumentException("topic score out of 0..1: " + score);
        }
    }
}
