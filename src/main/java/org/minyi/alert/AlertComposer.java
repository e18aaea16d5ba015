package org.minyi.alert;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import org.minyi.analysis.PiiMasker;
import org.minyi.analysis.Sentiment;
import org.minyi.index.IndexedMessage;
import org.minyi.insight.Hotspot;

/**
 * Writes alerts in Chinese: a title with the level, a short Markdown text with the time in the service's zone to the
 * minute, and a link to the message or hotspot page. Every piece of citizen text is masked again (the index holds
 * masked title and text; region and labels come from elsewhere) and has its Markdown characters replaced by their
 * full-width forms, so a message cannot put a link or heading into a leader's group chat.
 */
final class AlertComposer {

    /** Pages an alert links to, relative to {@link AlertSettings#linkBase()}. */
    static final String MESSAGE_PAGE = "/message.html?id=";
    static final String HOTSPOT_PAGE = "/hotspot.html?id=";
    static final String SUBSCRIPTIONS_PAGE = "/subscriptions.html";

    private static final int EXCERPT = 200;
    private static final int HEADLINE = 40;
    private static final int DIGEST_LINES = 50;
    private static final PiiMasker MASKER = new PiiMasker();
    private static final DateTimeFormatter MINUTE = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm", Locale.ROOT);
    private static final DateTimeFormatter CLOCK = DateTimeFormatter.ofPattern("HH:mm", Locale.ROOT);

    private final AlertSettings settings;

    AlertComposer(AlertSettings settings) {
        this.settings = settings;
    }

    Alert forMessage(List<Rule> rules, IndexedMessage m, AlertLevel level, Instant observedAt, Instant now) {
        String headline = safe(m.message().title() != null ? m.message().title() : m.message().text(), HEADLINE);
        String region = m.region();
        Sentiment sentiment = m.analysis().sentiment();
        StringBuilder text = new StringBuilder()
                .append("**【").append(level.chinese()).append("预警】").append(headline).append("**\n\n")
                .append("- 订阅：").append(names(rules)).append('\n')
                .append("- 时间：").append(minute(m.message().createdAt() != null ? m.message().createdAt() : observedAt))
                .append('\n')
                .append("- 地区：").append(orDash(region == null ? null : safe(region, HEADLINE))).append('\n')
                .append("- 主题：").append(orDash(safe(m.analysis().topic(), HEADLINE))).append('\n')
                .append("- 情感：").append(sentiment == null ? "-" : chinese(sentiment))
                .append(String.format(Locale.ROOT, "（%.2f）", m.analysis().sentimentScore())).append('\n');
        long votes = AlertLevels.votesOf(m);
        if (votes > 0) {
            text.append("- 点赞/反对：").append(votes).append(" 次\n");
        }
        text.append("- 留言编号：").append(safe(m.id(), 64)).append("\n\n")
                .append("> ").append(safe(m.message().text(), EXCERPT)).append("\n\n");
        String link = settings.linkBase() + MESSAGE_PAGE + encode(m.id());
        text.append("[查看留言](").append(link).append(")\n");
        AlertFacts facts = new AlertFacts(m.message().createdAt(), null, region == null ? List.of() : List.of(region),
                m.analysis().topic(), sentiment == null ? null : sentiment.key(), finite(m.analysis().sentimentScore()),
                AlertLevels.negativityOf(m), AlertLevels.heatOf(m), null, votes, 1, null);
        return new Alert(UUID.randomUUID().toString(), AlertKind.MESSAGE, rules.getFirst().subscriber(), ids(rules),
                rawNames(rules), "message:" + m.id(), level, title(level, rules, headline), text.toString(), link,
                facts, observedAt, now, List.of(m.id()));
    }

    Alert forHotspot(List<Rule> rules, Hotspot h, AlertLevel level, Instant observedAt, Instant now) {
        String label = h.label() == null || h.label().isBlank() ? "（未命名）" : safe(h.label(), HEADLINE);
        double growth = AlertLevels.growthOf(h);
        double heat = h.heat() == null ? 0 : h.heat().total();
        StringBuilder text = new StringBuilder()
                .append("**【").append(level.chinese()).append("预警】热点：").append(label).append("**\n\n")
                .append("- 订阅：").append(names(rules)).append('\n')
                .append("- 时间：").append(h.first() == null ? "-" : minute(h.first())).append(" 至 ")
                .append(h.last() == null ? "-" : minute(h.last())).append('\n')
                .append("- 地区：").append(h.regions().isEmpty() ? "-" : safe(String.join("、", h.regions()), 80))
                .append('\n')
                .append("- 主题：").append(orDash(safe(h.topic(), HEADLINE))).append('\n')
                .append(String.format(Locale.ROOT, "- 规模：%d 条留言，点赞/反对合计 %d 次，%.0f%% 为负面%n",
                        h.messageCount(), h.votes(), 100 * h.negativeShare()))
                .append(String.format(Locale.ROOT, "- 热度：%.1f，最近一段时间的留言是此前的 %.1f 倍%n", heat, growth));
        if (h.why() != null && !h.why().isBlank()) {
            text.append("- 原因：").append(safe(h.why(), 200)).append('\n');
        }
        if (!h.representatives().isEmpty()) {
            text.append("- 代表留言：\n");
            for (Hotspot.Representative r : h.representatives()) {
                text.append("  - ").append(r.title() == null ? "" : safe(r.title(), HEADLINE) + "：")
                        .append(safe(r.excerpt(), 80)).append('\n');
            }
        }
        String link = settings.linkBase() + HOTSPOT_PAGE + encode(h.id());
        text.append("\n[查看热点](").append(link).append(")\n");
        AlertFacts facts = new AlertFacts(h.last(), h.first(), h.regions(), h.topic(), null,
                finite(h.meanSentiment()), finite(h.negativeShare()), finite(heat), finite(growth), h.votes(),
                h.messageCount(), null);
        return new Alert(UUID.randomUUID().toString(), AlertKind.HOTSPOT, rules.getFirst().subscriber(), ids(rules),
                rawNames(rules), "hotspot:" + h.id(), level,
                title(level, rules, "热点「" + label + "」" + h.messageCount() + " 条留言"), text.toString(), link,
                facts, observedAt, now, h.messageIds());
    }

    /** One alert for everything held over a subscriber's limit in one window. */
    Alert digest(String subscriber, List<Alert> held, Instant windowStart, Instant windowEnd, int limit, Instant now) {
        AlertLevel level = held.stream().map(Alert::level).reduce(AlertLevel.YELLOW, AlertLevel::highest);
        String span = MINUTE.format(windowStart.atZone(zone())) + "–" + CLOCK.format(windowEnd.atZone(zone()))
                + zoneLabel();
        StringBuilder text = new StringBuilder()
                .append("**【").append(level.chinese()).append("预警】预警汇总**\n\n")
                .append("本时段（").append(span).append("）发给你的预警已达上限 ").append(limit)
                .append(" 条，其余 ").append(held.size()).append(" 条汇总如下：\n\n");
        int shown = Math.min(DIGEST_LINES, held.size());
        for (Alert a : held.subList(0, shown)) {
            text.append("- 【").append(a.level().chinese()).append("】")
                    .append(CLOCK.format(a.createdAt().atZone(zone()))).append(' ').append(stripLevel(a.title()));
            if (a.link() != null) {
                text.append(" [查看](").append(a.link()).append(')');
            }
            text.append('\n');
        }
        if (held.size() > shown) {
            text.append("\n另有 ").append(held.size() - shown).append(" 条，见预警记录：").append(settings.linkBase())
                    .append(SUBSCRIPTIONS_PAGE).append('\n');
        }
        List<String> ruleIds = held.stream().flatMap(a -> a.ruleIds().stream()).distinct().toList();
        List<String> ruleNames = held.stream().flatMap(a -> a.ruleNames().stream()).distinct().toList();
        List<String> regions = held.stream().flatMap(a -> a.facts().regions().stream()).distinct().toList();
        AlertFacts facts = new AlertFacts(windowEnd, windowStart, regions, null, null, null, null, null, null, null,
                held.stream().mapToInt(a -> a.facts().messageCount() == null ? 0 : a.facts().messageCount()).sum(),
                held.stream().map(Alert::subject).toList());
        return new Alert(UUID.randomUUID().toString(), AlertKind.DIGEST, subscriber, ruleIds, ruleNames,
                "digest:" + subscriber + ":" + windowStart, level,
                "【" + level.chinese() + "预警】预警汇总：" + span + " 另有 " + held.size() + " 条", text.toString(),
                settings.linkBase() + SUBSCRIPTIONS_PAGE, facts, now, now,
                held.stream().flatMap(a -> a.messageIds().stream()).distinct().toList());
    }

    /** A test through one rule's channel: no message content at all. */
    Alert test(Rule rule, Instant now) {
        String name = safe(rule.name(), HEADLINE);
        String text = "**【测试】订阅「" + name + "」的测试预警**\n\n这是一条测试预警，用于确认通道畅通，无需处理。\n\n"
                + "- 订阅人：" + safe(rule.subscriber(), 64) + "\n- 发送时间：" + minute(now) + "\n";
        return new Alert(UUID.randomUUID().toString(), AlertKind.TEST, rule.subscriber(), List.of(rule.id()),
                List.of(rule.name()), "test:" + rule.id() + ":" + now.toEpochMilli(), AlertLevel.YELLOW,
                "【测试】订阅「" + name + "」的测试预警", text, settings.linkBase() + SUBSCRIPTIONS_PAGE, AlertFacts.none(),
                now, now, List.of());
    }

    /** e.g. 2026-03-02 10:00（北京时间）. */
    String minute(Instant t) {
        return MINUTE.format(t.atZone(zone())) + zoneLabel();
    }

    private String zoneLabel() {
        return zone().getId().equals("Asia/Shanghai") ? "（北京时间）" : "（" + zone().getId() + "）";
    }

    private ZoneId zone() {
        return settings.zone();
    }

    private static String title(AlertLevel level, List<Rule> rules, String headline) {
        return "【" + level.chinese() + "预警】" + names(rules) + "：" + headline;
    }

    private static String stripLevel(String title) {
        int end = title.indexOf('】');
        return title.startsWith("【") && end > 0 ? title.substring(end + 1) : title;
    }

    private static String names(List<Rule> rules) {
        return safe(String.join("、", rawNames(rules)), 80);
    }

    private static List<String> rawNames(List<Rule> rules) {
        return rules.stream().map(Rule::name).toList();
    }

    private static List<String> ids(List<Rule> rules) {
        return rules.stream().map(Rule::id).toList();
    }

    /** Masked, on one line, at most {@code max} characters, Markdown characters made plain. */
    static String safe(String text, int max) {
        if (text == null) {
            return null;
        }
        String flat = MASKER.mask(text).replaceAll("\\s+", " ").strip();
        if (flat.length() > max) {
            int end = Character.isHighSurrogate(flat.charAt(max - 1)) ? max - 1 : max;
            flat = flat.substring(0, end) + "…";
        }
        StringBuilder plain = new StringBuilder(flat.length());
        for (int i = 0; i < flat.length(); i++) {
            char c = flat.charAt(i);
            plain.append(switch (c) {
                case '[' -> '［';
                case ']' -> '］';
                case '(' -> '（';
                case ')' -> '）';
                case '*' -> '＊';
                case '_' -> '＿';
                case '`' -> '｀';
                case '#' -> '＃';
                case '<' -> '＜';
                case '>' -> '＞';
                case '|' -> '｜';
                case '~' -> '～';
                case '!' -> '！';
                default -> c;
            });
        }
        return plain.toString();
    }

    private static String chinese(Sentiment sentiment) {
        return switch (sentiment) {
            case NEGATIVE -> "负面";
            case NEUTRAL -> "中性";
            case POSITIVE -> "正面";
        };
    }

    private static Double finite(double value) {
        return Double.isFinite(value) ? value : null;
    }

    private static String orDash(String s) {
        return s == null || s.isBlank() ? "-" : s;
    }

    private static String encode(String id) {
        return URLEncoder.encode(id, StandardCharsets.UTF_8);
    }
}
