package org.minyi.alert;

import java.time.Instant;

/**
 * One notification for one rule about one subject.
 *
 * @param subject    "message:ID" or "hotspot:ID": what the alert is about; with the rule, the dedupe key
 * @param observedAt when the engine was handed the message or hotspot (latency is measured from here)
 * @param text       Markdown body (WeCom and DingTalk render it; e-mail and webhook carry it as is)
 */
public record Alert(String id, String ruleId, String subscriber, String subject, String title, String text,
                    Instant observedAt, Instant createdAt) {

    String dedupeKey() {
        return ruleId + '|' + subject;
    }
}
