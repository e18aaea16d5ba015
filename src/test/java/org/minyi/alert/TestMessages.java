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

    private TestMessages() {
    }

    static IndexedMessage message(String id, String topic, String region, String text, double sentimentScore) {
        return message(id, topic, region, text, sentimentScore, List.of(), Instant.parse("2019-08-01T02:00:00Z"), 0);
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
