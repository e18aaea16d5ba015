package org.minyi.index;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import org.minyi.analysis.Analysis;
import org.minyi.analysis.DemandProfile;
import org.minyi.analysis.Sentiment;
import org.minyi.message.Channel;
import org.minyi.message.Message;
import org.minyi.message.Reply;
import org.minyi.message.Votes;

/**
 * Builds an {@link IndexedMessage} by hand, analysis included, so index tests depend on no pipeline. Defaults: a
 * neutral message of topic 城乡建设 from source "test" on the board, without time, region, votes or reply.
 */
public final class TestMessage {

    private final String id;
    private String title;
    private String text;
    private String source = "test";
    private Channel channel = Channel.BOARD;
    private Instant createdAt;
    private String region;
    private String analysedRegion;
    private Votes votes;
    private Reply reply;
    private String url;
    private String topic = "城乡建设";
    private Sentiment sentiment = Sentiment.NEUTRAL;
    private double sentimentScore;
    private List<String> tokens = new ArrayList<>();
    private List<String> places = new ArrayList<>();
    private List<String> departments = new ArrayList<>();
    private List<String> keywords = new ArrayList<>();
    private String demand;
    private String demandKey;
    private float[] embedding;
    private DemandProfile profile = DemandProfile.NONE;
    private Message.WorkOrder workOrder;
    private long simhash = 0x5eed_cafeL;
    private String issue;

    private TestMessage(String id, String text) {
        this.id = id;
        this.text = text;
    }

    public static TestMessage message(String id, String text) {
        return new TestMessage(id, text);
    }

    public TestMessage title(String value) {
        title = value;
        return this;
    }

    public TestMessage source(String value) {
        source = value;
        return this;
    }

    public TestMessage channel(Channel value) {
        channel = value;
        return this;
    }

    /** @param isoTime with offset, e.g. {@code 2024-03-01T10:00+08:00} */
    public TestMessage at(String isoTime) {
        createdAt = OffsetDateTime.parse(isoTime).toInstant();
        return this;
    }

    public TestMessage at(Instant value) {
        createdAt = value;
        return this;
    }

    /** The region the source gave. */
    public TestMessage region(String value) {
        region = value;
        return this;
    }

    /** The region analysis found in the text. */
    public TestMessage analysedRegion(String value) {
        analysedRegion = value;
        return this;
    }

    public TestMessage votes(int likes, int against) {
        votes = new Votes(likes, against);
        return this;
    }

    public TestMessage reply(String replyText, String agency, Instant time) {
        reply = new Reply(replyText, agency, time);
        return this;
    }

    public TestMessage url(String value) {
        url = value;
        return this;
    }

    public TestMessage topic(String value) {
        topic = value;
        return this;
    }

    public TestMessage sentiment(Sentiment label, double score) {
        sentiment = label;
        sentimentScore = score;
        return this;
    }

    public TestMessage tokens(String... values) {
        tokens = List.of(values);
        return this;
    }

    public TestMessage places(String... values) {
        places = List.of(values);
        return this;
    }

    public TestMessage departments(String... values) {
        departments = List.of(values);
        return this;
    }

    public TestMessage keywords(String... values) {
        keywords = List.of(values);
        return this;
    }

    public TestMessage demand(String sentence, String key) {
        demand = sentence;
        demandKey = key;
        return this;
    }

    /** The issue the message was assigned to at indexing. */
    public TestMessage issue(String value) {
        issue = value;
        return this;
    }

    public TestMessage simhash(long value) {
        simhash = value;
        return this;
    }

    public TestMessage workOrder(String category, String status, String satisfaction, String department) {
        workOrder = new Message.WorkOrder(category, status, satisfaction, department);
        return this;
    }

    public TestMessage profile(DemandProfile value) {
        profile = value;
        return this;
    }

    /** A sentence vector of the index's dimensions (512), pointing mostly along {@code axis}, normalised. */
    public TestMessage vector(int axis, float lean) {
        float[] v = new float[512];
        v[axis] = 1;
        v[(axis + 1) % 512] = lean;
        double norm = Math.sqrt(1 + lean * lean);
        for (int i = 0; i < v.length; i++) {
            v[i] /= (float) norm;
        }
        embedding = v;
        return this;
    }

    public IndexedMessage build() {
        Message raw = new Message(id, source, channel, title, text, createdAt, region, url, votes, reply, workOrder);
        Analysis analysis = new Analysis(tokens, topic, 0.9, sentiment, sentimentScore, places, analysedRegion,
                departments, keywords, demand, demandKey, title, text, simhash, null, null, embedding, profile);
        return IndexedMessage.of(raw, analysis).withIssue(issue);
    }
}
