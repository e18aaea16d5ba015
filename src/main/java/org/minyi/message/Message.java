package org.minyi.message;

import java.time.Instant;

/**
 * One thing a citizen said, as collected: a board message, a hotline work order, a news or forum comment.
 * Only {@code id} and {@code text} are required; everything else is optional (null when unknown).
 * The text is raw here: PII is masked by the analysis pipeline before anything is indexed or logged.
 */
public record Message(
        String id,
        String source,
        Channel channel,
        String title,
        String text,
        Instant createdAt,
        String region,
        String url,
        Votes votes,
        Reply reply) {

    public Message {
        if (id == null || id.isBlank()) {
            throw new IllegalArgumentException("message id is required");
        }
        if (text == null || text.isBlank()) {
            throw new IllegalArgumentException("message " + id + " has no text");
        }
        id = id.strip();
        if (reply != null && reply.isEmpty()) {
            reply = null;
        }
    }

    public static Message of(String id, String text) {
        return new Message(id, null, null, null, text, null, null, null, null, null);
    }

    /**
     * This message laid over an earlier version of the same id: fields this one knows win, fields it lacks are
     * kept from {@code earlier}. So a later import that only brings the reply does not erase the votes.
     */
    public Message mergedOver(Message earlier) {
        if (earlier == null) {
            return this;
        }
        if (!earlier.id.equals(id)) {
            throw new IllegalArgumentException("cannot merge message " + id + " over " + earlier.id);
        }
        return new Message(
                id,
                either(source, earlier.source),
                either(channel, earlier.channel),
                either(title, earlier.title),
                text,
                either(createdAt, earlier.createdAt),
                either(region, earlier.region),
                either(url, earlier.url),
                either(votes, earlier.votes),
                either(reply, earlier.reply));
    }

    private static <T> T either(T preferred, T fallback) {
        return preferred != null ? preferred : fallback;
    }
}
