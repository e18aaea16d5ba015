package org.minyi.index;

import java.time.Instant;
import java.util.Objects;
import org.minyi.analysis.Sentiment;

/**
 * One message of an issue as ranking hotspots needs it: the few values an index keeps in columns, read without
 * decoding the stored message. A period's largest issues can hold most of its messages; counting, dating and
 * weighing them this way is what keeps a period's hotspots under a second at a million messages.
 *
 * @param issue          the issue assigned at indexing ({@link IndexedMessage#issue()}); null for a message grouped
 *                       at query time
 * @param createdAt      null when the message has no time
 * @param region         {@link IndexedMessage#region()}, null when none
 * @param sentiment      null when the message was not given one
 * @param sentimentScore the signed score in −1..1
 * @param likes          likes, 0 when the message has no votes
 * @param against        votes against, 0 when none
 * @param channel        the channel's key, null when none
 */
public record IssueMember(String issue, String id, Instant createdAt, String topic, String region,
                          Sentiment sentiment, double sentimentScore, int likes, int against, String channel) {

    public IssueMember {
        Objects.requireNonNull(id, "id");
    }

    /** The same values read from a whole (or summary) message. */
    public static IssueMember of(IndexedMessage m) {
        var votes = m.message().votes();
        return new IssueMember(m.issue(), m.id(), m.message().createdAt(), m.analysis().topic(), m.region(),
                m.analysis().sentiment(), m.analysis().sentimentScore(), votes == null ? 0 : votes.likes(),
                votes == null ? 0 : votes.against(), m.message().channel() == null ? null
                        : m.message().channel().key());
    }

    /** The same member under another id. */
    public IssueMember withId(String otherId) {
        return new IssueMember(issue, otherId, createdAt, topic, region, sentiment, sentimentScore, likes, against,
                channel);
    }

    /** Likes and votes against. */
    public long votes() {
        return (long) likes + against;
    }
}
