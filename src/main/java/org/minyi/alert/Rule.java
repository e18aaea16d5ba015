package org.minyi.alert;

import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;
import java.util.regex.Pattern;
import org.minyi.index.IndexedMessage;
import org.minyi.insight.Hotspot;

/**
 * What a subscriber wants to be told about. Empty sets and null thresholds match everything.
 *
 * <p>A rule without {@code minHeat} watches single messages as they are indexed; a rule with {@code minHeat}
 * watches hotspots and fires when one at least that hot matches. A subscriber who wants both keeps two rules.
 *
 * @param subscriber   who is told; rate limits count per subscriber over all their rules
 * @param keywords     any of them appearing in the (masked) title, text or keywords is enough
 * @param maxSentiment fire only when the message's sentiment score (hotspot: mean score) is at most this, −1..1;
 *                     e.g. −0.5 for clearly negative messages
 * @param minHeat      hotspot rules: the heat index a hotspot must reach
 * @param quietHours   optional; alerts inside are held until it ends
 */
public record Rule(String id, String subscriber, String name, Set<String> topics, Set<String> regions,
                   List<String> keywords, Double maxSentiment, Double minHeat, QuietHours quietHours,
                   Destination destination) {

    private static final Pattern ID = Pattern.compile("[A-Za-z0-9._-]{1,64}");

    public Rule {
        if (id == null || !ID.matcher(id).matches()) {
            throw new IllegalArgumentException("rule id must be 1-64 letters, digits, '.', '_' or '-', was '" + id + "'");
        }
        if (subscriber == null || subscriber.isBlank()) {
            throw new IllegalArgumentException("rule " + id + " has no subscriber");
        }
        Objects.requireNonNull(destination, "rule " + id + " has no destination");
        topics = topics == null ? Set.of() : Set.copyOf(topics);
        regions = regions == null ? Set.of() : Set.copyOf(regions);
        keywords = keywords == null ? List.of() : keywords.stream().map(String::strip).filter(k -> !k.isEmpty()).toList();
        if (maxSentiment != null && (maxSentiment < -1 || maxSentiment > 1)) {
            throw new IllegalArgumentException("rule " + id + ": sentiment threshold must be -1..1, was " + maxSentiment);
        }
        if (minHeat != null && minHeat < 0) {
            throw new IllegalArgumentException("rule " + id + ": heat threshold must be >= 0, was " + minHeat);
        }
        name = name == null || name.isBlank() ? id : name.strip();
    }

    public boolean watchesHotspots() {
        return minHeat != null;
    }

    public boolean matches(IndexedMessage m) {
        if (watchesHotspots()) {
            return false;
        }
        String topic = m.analysis().topic();
        String region = m.region();
        return (topics.isEmpty() || topics.contains(topic))
                && (regions.isEmpty() || regions.contains(region) || regions.contains(m.analysis().region()))
                && (maxSentiment == null || m.analysis().sentimentScore() <= maxSentiment)
                && mentionsAny(m.message().title(), m.message().text(), String.join(" ", m.analysis().keywords()));
    }

    public boolean matches(Hotspot h) {
        if (!watchesHotspots() || h.heat().total() < minHeat) {
            return false;
        }
        return (topics.isEmpty() || topics.contains(h.topic()))
                && (regions.isEmpty() || h.regions().stream().anyMatch(regions::contains))
                && (maxSentiment == null || h.meanSentiment() <= maxSentiment)
                && mentionsAny(h.label(), String.join(" ", h.keywords()), String.join(" ", h.places()),
                String.join(" ", h.representatives().stream().map(r -> r.title() + " " + r.excerpt()).toList()));
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
                destination);
    }
}
