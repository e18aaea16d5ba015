package org.minyi.index;

import java.util.Objects;
import org.minyi.analysis.Analysis;
import org.minyi.message.Message;

/**
 * A message with its analysis, as stored in an index. The message's own text is replaced by the masked text before
 * it gets here (see {@link #of}), so no index ever holds unmasked PII.
 */
public record IndexedMessage(Message message, Analysis analysis) {

    public IndexedMessage {
        Objects.requireNonNull(message, "message");
        Objects.requireNonNull(analysis, "analysis");
    }

    /** Pairs a raw message with its analysis, replacing title and text with their masked forms. */
    public static IndexedMessage of(Message raw, Analysis analysis) {
        Message masked = new Message(raw.id(), raw.source(), raw.channel(), analysis.maskedTitle(),
                analysis.maskedText(), raw.createdAt(), raw.region(), raw.url(), raw.votes(), raw.reply(),
                raw.workOrder());
        return new IndexedMessage(masked, analysis);
    }

    public String id() {
        return message.id();
    }

    /** The region the message is filed under: the one the source gave, else the one analysis found. */
    public String region() {
        return message.region() != null ? message.region() : analysis.region();
    }
}
