package org.minyi.ingest;

import java.time.Instant;

/**
 * A person's correction of what the models said about one message, kept for audit and for retraining.
 *
 * @param field       {@code topic} or {@code attitude}
 * @param before      what the message carried before (the model's answer or an earlier correction)
 * @param after       what the person chose
 * @param by          the user who corrected it
 * @param at          when
 * @param maskedTitle the message's masked title at that time (for retraining without the index), or null
 * @param maskedText  the message's masked text at that time
 */
public record Correction(String messageId, String field, String before, String after, String by, Instant at,
                         String maskedTitle, String maskedText) {

    public static final String TOPIC = "topic";
    public static final String ATTITUDE = "attitude";
}
