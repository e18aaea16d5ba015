package org.minyi.alert;

import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;
import org.minyi.InvalidInput;
import org.minyi.index.IndexedMessage;
import org.minyi.insight.Hotspot;

/**
 * What a subscriber wants to be told about. Empty sets and null thresholds match everything; a message or hotspot
 * that lacks a field a condition needs (no topic, no region) does not meet that condition. Matching never throws.
 *
 * <p>A rule without {@code minHeat} watches single messages as they are indexed; a rule with {@code minHeat}
 * watches hotspots and fires when one at least that hot matches. A subscriber who wants both keeps two rules.
 *
 * <p>Sizes are capped ({@link #MAX_KEYWORDS} keywords and so on): every message is matched against every rule, so
 * one huge rule would slow everyone's alerts.
 *
 * @param subscriber   who is told; limits count per subscriber over all their rules
 * @param keywords     any of them appearing in the (masked) title, text or keywords is enough
 * @param maxSentiment fire only when the message's sentiment score (hotspot: mean score) is at most this, −1..1;
 *                     e.g. −0.5 for clearly negative messages
 * @param minHeat      hotspot rules: the heat index a hotspot must reach
 * @param quietHours   optional; alerts inside are held until it ends
 * @param owner        the user who saved the rule; what it may match is what that user may read. Set by the
 *                     service, never taken from a request; null for rules saved before owners were kept
 * @param savedSearch  optional id of a saved search (专题) whose expression and filters a message must also meet;
 *                     message rules only. A rule whose saved search was removed matches nothing
 * @param weeklyReport also send the weekly report (周报) of the rule's scope — its region and topic, at most one
 *                     of each, within what the owner may read — every week (e-mail: PDF attached; robots and
 *                     webhooks: a link to the report page)
 */
public record Rule(String id, String subscriber, String name, Set<String> topics, Set<String> regions,
                   List<String> keywords, Double maxSentiment, Double minHeat, QuietHours quietHours,
                   Destination destination, String owner, String savedSearch, boolean weeklyReport) {

    public static final int MAX_KEYWORDS = 100;
    public static final int MAX_VALUE_CHARS = 40;
    public static final int MAX_TOPICS = 50;
    public static final int MAX_REGIONS = 200;
    public static final int MAX_NAME_CHARS = 80;
    public static final int MAX_SUBSCRIBER_CHARS = 64;

    private static final Pattern ID = Pattern.compile("[A-Za-z0-9._-]{1,64}");

    public Rule {
        if (id == null || !ID.matcher(id).matches()) {
            throw new IllegalArgumentException("订阅编号只能是 1–64 个字母、数字、'.'、'_' 或 '-'，收到的是 '"
                    + shorten(String.valueOf(id)) + "'");
        }
        if (subscriber == null || subscriber.isBlank()) {
            throw new IllegalArgumentException("订阅 " + id + " 缺少订阅人（subscriber）");
        }
        subscriber = subscriber.strip();
        if (subscriber.length() > MAX_SUBSCRIBER_CHARS) {
            throw new IllegalArgumentException("订阅人名称最多 " + MAX_SUBSCRIBER_CHARS + " 个字符");
        }
        if (destination == null) {
            throw new IllegalArgumentException("订阅 " + id + " 缺少通道（destination）");
        }
        topics = cleanSet(topics, MAX_TOPICS, "主题");
        regions = cleanSet(regions, MAX_REGIONS, "地区");
        keywords = List.copyOf(cleanSet(keywords, MAX_KEYWORDS, "关键词"));
        if (maxSentiment != null && !(maxSentiment >= -1 && maxSentiment <= 1)) {
            throw new IllegalArgumentException("情感上限必须在 -1 到 1 之间，收到的是 " + maxSentiment);
        }
        if (minHeat != null && !(minHeat >= 0 && minHeat < 1e6)) {
            throw new IllegalArgumentException("热度下限必须是不小于 0 的数，收到的是 " + minHeat);
        }
        name = name == null || name.isBlank() ? id : name.strip();
        if (name.length() > MAX_NAME_CHARS) {
            throw new IllegalArgumentException("订阅名称最多 " + MAX_NAME_CHARS + " 个字符");
        }
        owner = owner == null || owner.isBlank() ? null : owner;
        savedSearch = savedSearch == null || savedSearch.isBlank() ? null : savedSearch.strip();
        if (savedSearch != null && minHeat != null) {
            throw new IllegalArgumentException("专题条件只用于单条留言的订阅；热点订阅（设了热度下限）不能再选专题");
        }
        if (weeklyReport && topics.size() > 1) {
            throw new InvalidInput("subscription.weekly_report.topics",
                    "周报按一个主题或全部主题生成：订阅周报时请只填一个主题，或不填主题（全部主题）",
                    "A weekly report covers one topic or all: name at most one topic, or none");
        }
        if (weeklyReport && regions.size() > 1) {
            throw new InvalidInput("subscription.weekly_report.regions",
                    "周报按一个地区或全部地区生成：订阅周报时请只填一个地区，或不填地区（你可阅读的全部地区）",
                    "A weekly report covers one region or all you may read: name at most one region, or none");
        }
    }

    /** A rule without the weekly report (as saved before reports could be asked for). */
    public Rule(String id, String subscriber, String name, Set<String> topics, Set<String> regions,
                List<String> keywords, Double maxSentiment, Double minHeat, QuietHours quietHours,
                Destination destination, String owner, String savedSearch) {
        this(id, subscriber, name, topics, regions, keywords, maxSentiment, minHeat, quietHours, destination, owner,
                savedSearch, false);
    }

    /** A rule without a saved search. */
    public Rule(String id, String subscriber, String name, Set<String> topics, Set<String> regions,
                List<String> keywords, Double maxSentiment, Double minHeat, QuietHours quietHours,
                Destination destination, String owner) {
        this(id, subscriber, name, topics, regions, keywords, maxSentiment, minHeat, quietHours, destination, owner,
                null);
    }

    /** A rule as saved by no one in particular (tests, the command line). */
    public Rule(String id, String subscriber, String name, Set<String> topics, Set<String> regions,
                List<String> keywords, Double maxSentiment, Double minHeat, QuietHours quietHours,
                Destination destination) {
        this(id, subscriber, name, topics, regions, keywords, maxSentiment, minHeat, quietHours, destination, null);
    }

    public boolean watchesHotspots() {
        return minHeat != null;
    }

    public boolean matches(IndexedMessage m) {
        if (watchesHotspots()) {
            return false;
        }
        return (topics.isEmpty() || holds(topics, m.analysis().topic()))
                && (regions.isEmpty() || holds(regions, m.message().region()) || holds(regions, m.analysis().region()))
                && (maxSentiment == null || m.analysis().sentimentScore() <= maxSentiment)
                && mentionsAny(m.message().title(), m.message().text(), String.join(" ", m.analysis().keywords()));
    }

    public boolean matches(Hotspot h) {
        if (!watchesHotspots() || h.heat() == null || !(h.heat().total() >= minHeat)) {
            return false;
        }
        return (topics.isEmpty() || holds(topics, h.topic()))
                && (regions.isEmpty() || h.regions().stream().anyMatch(r -> holds(regions, r)))
                && (maxSentiment == null || h.meanSentiment() <= maxSentiment)
                && mentionsAny(h.label(), String.join(" ", h.keywords()), String.join(" ", h.places()),
                String.join(" ", h.representatives().stream().map(r -> r.title() + " " + r.excerpt()).toList()));
    }

    /** {@code Set.of(…).contains(null)} throws; a missing value simply is not in the set. */
    private static boolean holds(Set<String> set, String value) {
        return value != null && set.contains(value);
    }

    private boolean mentionsAny(String... texts) {
        if (keywords.isEmpty()) {
            return true;
        }
        for (String text : texts) {
            if (text == null) {
                continue;
            }
            String lower = text.toLowerCase(Locale.ROOT);
            for (String keyword : keywords) {
                if (lower.contains(keyword.toLowerCase(Locale.ROOT))) {
                    return true;
                }
            }
        }
        return false;
    }

    public Rule withId(String newId) {
        return new Rule(newId, subscriber, name, topics, regions, keywords, maxSentiment, minHeat, quietHours,
                destination, owner, savedSearch, weeklyReport);
    }

    public Rule withOwner(String newOwner) {
        return new Rule(id, subscriber, name, topics, regions, keywords, maxSentiment, minHeat, quietHours,
                destination, newOwner, savedSearch, weeklyReport);
    }

    public Rule withDestination(Destination newDestination) {
        return new Rule(id, subscriber, name, topics, regions, keywords, maxSentiment, minHeat, quietHours,
                newDestination, owner, savedSearch, weeklyReport);
    }

    public Rule withWeeklyReport(boolean wanted) {
        return new Rule(id, subscriber, name, topics, regions, keywords, maxSentiment, minHeat, quietHours,
                destination, owner, savedSearch, wanted);
    }

    private static Set<String> cleanSet(Collection<String> values, int max, String what) {
        if (values == null) {
            return Set.of();
        }
        if (values.size() > max) {
            throw new IllegalArgumentException(what + "最多 " + max + " 个，收到 " + values.size() + " 个");
        }
        LinkedHashSet<String> clean = new LinkedHashSet<>();
        for (String value : values) {
            if (value == null || value.isBlank()) {
                continue;
            }
            String stripped = value.strip();
            if (stripped.length() > MAX_VALUE_CHARS) {
                throw new IllegalArgumentException(what + "每个最多 " + MAX_VALUE_CHARS + " 个字符：'"
                        + shorten(stripped) + "'");
            }
            clean.add(stripped);
        }
        return Collections.unmodifiableSet(clean);
    }

    private static String shorten(String s) {
        return s.length() <= 20 ? s : s.substring(0, 20) + "…";
    }
}
