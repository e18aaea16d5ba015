package org.minyi.alert;

import java.time.Instant;
import java.util.List;

/**
 * One notification for one rule about one subject.
 *
 * @param subject    "message:ID" or "hotspot:ID": what the alert is about; with the rule, the dedupe key
 * @param observedAt when the engine was handed the message or hotspot (latency is measured from here)
 * @param text       Markdown body (WeCom and DingTalk render it; e-mail and webhook carry it as is)
 * @param messageIds the message, or the hotspot's messages: a hotspot that mostly holds messages already alerted
 *                   on under the same rule is the same issue again, even when its id changed as it grew
 */
public record Alert(String id, String ruleId, String subscriber, String subject, String title, String text,
                    Instant observedAt, Instant createdAt, List<String> messageIds) {

    public Alert {
        messageIds = messageIds == null ? List.of() : List.copyOf(messageIds);
    }
}
