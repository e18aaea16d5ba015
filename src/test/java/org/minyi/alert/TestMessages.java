package org.minyi.alert;

import java.time.Instant;
import java.util.List;
import org.minyi.analysis.Analysis;
import org.minyi.analysis.Sentiment;
import org.minyi.index.IndexedMessage;
import org.minyi.message.Channel;
import org.minyi.message.Message;
import org.minyi.message.Votes;

final class TestMessages {

    /** 10:00 in Shanghai, where the engine tests' clock starts. */
    static final Instant MORNING = Instant.parse("2026-03-02T02:00:00Z");
    /** An hour before {@link #MORNING}: fresh for the engine tests. */
    static final Instant FRESH = MORNING.minusSeconds(3600);

    private TestMessages() {
    }

    static IndexedMessage message(String id, String topic, String region, String text, double sentimentScore) {
        return message(id, topic, region, text, sentimentScore, List.of(), FRESH, 0);
    }

    static IndexedMessage message(String id, String topic, String region, String text, double sentimentScore,
                                  List<String> places, Instant at, long simhash) {
        Sentiment sentiment = sentimentScore < -0.3 ? Sentiment.NEGATIVE
                : sentimentScore > 0.3 ? Sentiment.POSITIVE : Sentiment.NEUTRAL;
        Message m = new Message(id, "test", Channel.BOARD, text.substring(0, Math.min(12, text.length())), text, at,
                region, null, new Votes(1, 0), null);
        List<String> keywords = List.of(text.split("[，。 ]+"));
        return new IndexedMessage(m, new Analysis(keywords, topic, 0.9, sentiment, sentimentScore, places, region,
                List.of(), keywords, null, null, m.title(), text, simhash));
    }
}
