package org.minyi.analysis;

import java.util.List;

/**
 * The published shape of one analysed message, as {@code minyi analyze} writes it per line and
 * {@code POST /api/analyze} returns it. {@code simhash} is 16 hexadecimal digits (unsigned 64 bits), because a
 * 64-bit JSON number loses precision in JavaScript.
 */
public record AnalysisOutput(
        String id,
        List<String> tokens,
        String topic,
        double topicScore,
        Sentiment sentiment,
        double sentimentScore,
        List<String> places,
        List<String> departments,
        List<String> keywords,
        String demand,
        String maskedText,
        String simhash) {

    public static AnalysisOutput of(String id, Analysis analysis) {
        return new AnalysisOutput(id, analysis.tokens(), analysis.topic(), round(analysis.topicScore()),
                analysis.sentiment(), round(analysis.sentimentScore()), analysis.places(), analysis.departments(),
                analysis.keywords(), analysis.demand(), analysis.maskedText(), hex(analysis.simhash()));
    }

    public static String hex(long simhash) {
        return String.format("%016x", simhash);
    }

    private static double round(double value) {
        return Math.round(value * 10_000) / 10_000.0;
    }
}
