package org.minyi.insight;

import java.time.Instant;
import java.util.List;
import org.minyi.analysis.Analysis;
import org.minyi.analysis.Sentiment;
import org.minyi.index.IndexedMessage;
import org.minyi.message.Channel;
import org.minyi.message.Message;
import org.minyi.message.Votes;

/** Hand-built analysed messages for specifications. */
final class Messages {

    private Messages() {
    }

    static IndexedMessage message(String id, String day, String topic, String region, List<String> places,
                                  List<String> keywords, long simhash, Sentiment sentiment, int likes) {
        Instant at = Instant.parse(day + "T02:00:00Z");
        String text = String.join("，", keywords) + "。";
        Message message = new Message(id, "test", Channel.BOARD, places.isEmpty() ? text : places.get(0) + "问题",
                text, at, region, null, new Votes(likes, 0), null);
        double score = sentiment == Sentiment.NEGATIVE ? -0.8 : sentiment == Sentiment.POSITIVE ? 0.6 : 0;
        Analysis analysis = new Analysis(keywords, topic, 0.9, sentiment, score, places, region, List.of(), keywords,
                null, null, message.title(), text, simhash);
        return new IndexedMessage(message, analysis);
    }
}
