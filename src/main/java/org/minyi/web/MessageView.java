package org.minyi.web;

import java.time.Instant;
import java.util.List;
import org.minyi.analysis.Analysis;
import org.minyi.analysis.DemandProfile;
import org.minyi.analysis.Sentiment;
import org.minyi.index.IndexedMessage;
import org.minyi.message.Channel;
import org.minyi.message.Message;
import org.minyi.message.Reply;
import org.minyi.message.Votes;

/** A message as the API shows it: masked title and text with the analysis results, without the token list. */
public record MessageView(
        String id, String source, Channel channel, String title, String text, Instant createdAt, String region,
        String url, Votes votes, Reply reply, String topic, double topicScore, Sentiment sentiment,
        double sentimentScore, List<String> places, List<String> departments, List<String> keywords,
        String demand, Message.WorkOrder workOrder, DemandProfile profile) {

    static MessageView of(IndexedMessage indexed) {
        Message m = indexed.message();
        Analysis a = indexed.analysis();
        return new MessageView(m.id(), m.source(), m.channel(), m.title(), m.text(), m.createdAt(),
                indexed.region(), m.url(), m.votes(), m.reply(), a.topic(), a.topicScore(), a.sentiment(),
                a.sentimentScore(), a.places(), a.departments(), a.keywords(), a.demand(), m.workOrder(),
                a.profile());
    }
}
