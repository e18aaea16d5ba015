package org.minyi.alert;

import java.time.Instant;
import java.util.List;

/**
 * One notification to one subscriber about one subject, naming every rule of theirs that matched. This record is
 * also the body of a webhook request: the human text beside the machine fields.
 *
 * @param subject    "message:ID", "hotspot:ID", "digest:…" or "test:…": what the alert is about; with the
 *                   subscriber, the dedupe key
 * @param title      Chinese title with the level, e.g. 【黄色预警】噪音投诉：工地夜间施工扰民
 * @param text       Markdown body in Chinese (WeCom and DingTalk render it; e-mail carries it as is); masked
 * @param link       the message's or hotspot's page in MinYi
 * @param observedAt when the engine was handed the message or hotspot (latency is measured from here)
 * @param messageIds the message, or the hotspot's messages: a hotspot that mostly holds messages already alerted
 *                   on is the same issue again, even when its id changed as it grew
 */
public record Alert(String id, AlertKind kind, String subscriber, List<String> ruleIds, List<String> ruleNames,
                    String subject, AlertLevel level, String title, String text, String link, AlertFacts facts,
                    Instant observedAt, Instant createdAt, List<String> messageIds) {

    public Alert {
        ruleIds = ruleIds == null ? List.of() : List.copyOf(ruleIds);
        ruleNames = ruleNames == null ? List.of() : List.copyOf(ruleNames);
        facts = facts == null ? AlertFacts.none() : facts;
        messageIds = messageIds == null ? List.of() : List.copyOf(messageIds);
    }

    /** The alert as shown to someone who may not read what it is about: when, how urgent, which rules; no content. */
    Alert withoutContent() {
        return new Alert(id, kind, subscriber, ruleIds, ruleNames, null, level, "（内容不在你的阅读范围内）", null, null,
                AlertFacts.none(), observedAt, createdAt, List.of());
    }
}
