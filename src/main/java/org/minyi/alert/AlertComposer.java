package org.minyi.alert;

import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import org.minyi.index.IndexedMessage;
import org.minyi.insight.Hotspot;

/** Writes the title and Markdown text of an alert. Only masked text ever gets here (the index holds no PII). */
final class AlertComposer {

    private static final int EXCERPT = 200;

    private AlertComposer() {
    }

    static Alert forMessage(Rule rule, IndexedMessage m, Instant observedAt, Instant now) {
        String title = "[MinYi] " + rule.name() + "：" + shorten(m.message().title() != null ? m.message().title()
                : m.message().text(), 40);
        String text = String.format(Locale.ROOT,
                "**%s**%n%n- 地区：%s%n- 主题：%s%n- 情感：%s (%.2f)%n- 时间：%s%n- 编号：%s%n%n> %s%n",
                m.message().title() == null ? "留言" : m.message().title(), orDash(m.region()),
                orDash(m.analysis().topic()), m.analysis().sentiment() == null ? "-" : m.analysis().sentiment().key(),
                m.analysis().sentimentScore(), m.message().createdAt() == null ? "-" : m.message().createdAt(), m.id(),
                shorten(m.message().text(), EXCERPT));
        return new Alert(UUID.randomUUID().toString(), rule.id(), rule.subscriber(), "message:" + m.id(), title,
                text, observedAt, now, List.of(m.id()));
    }

    static Alert forHotspot(Rule rule, Hotspot h, Instant observedAt, Instant now) {
        String title = String.format(Locale.ROOT, "[MinYi] %s：热点 %s（%d 条，热度 %.1f）", rule.name(), h.label(),
                h.messageCount(), h.heat().total());
        StringBuilder text = new StringBuilder();
        text.append(String.format(Locale.ROOT, "**%s**%n%n- 地区：%s%n- 主题：%s%n- 时间：%s — %s%n- 留言：%d 条，票数 %d，"
                        + "负面占比 %.0f%%%n%n**为何是热点**：%s%n%n**突发检测**：%s%n%n**代表留言**：%n",
                h.label(), String.join("、", h.regions()), orDash(h.topic()), h.first(), h.last(), h.messageCount(),
                h.votes(), 100 * h.negativeShare(), h.heat().explain(), h.burst().explain()));
        for (Hotspot.Representative r : h.representatives()) {
            text.append("- ").append(r.title() == null ? "" : r.title()).append("：").append(r.excerpt())
                    .append(" (").append(r.id()).append(")\n");
        }
        return new Alert(UUID.randomUUID().toString(), rule.id(), rule.subscriber(), "hotspot:" + h.id(), title,
                text.toString(), observedAt, now, h.messageIds());
    }

    private static String shorten(String text, int max) {
        String flat = text.replaceAll("\\s+", " ").strip();
        return flat.length() <= max ? flat : flat.substring(0, max) + "…";
    }

    private static String orDash(String s) {
        return s == null ? "-" : s;
    }
}
