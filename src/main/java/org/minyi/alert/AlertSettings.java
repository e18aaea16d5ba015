package org.minyi.alert;

import java.time.Duration;
import java.time.ZoneId;
import java.util.Map;

/**
 * Knobs of the alert engine; the service reads them from {@code minyi.alert.*} (application.yml).
 *
 * @param dedupeWindow   a hotspot alerts a subscriber at most once per window (also when it grew under a new id); a
 *                       message at most once while it is fresh, and at least for this window
 * @param limits         every subscriber's limits and freshness unless {@code subscribers} says otherwise
 * @param subscribers    per-subscriber overrides, by subscriber name
 * @param maxAttempts    delivery attempts before an alert is FAILED
 * @param firstBackoff   wait before the second attempt; doubles per attempt, up to {@code maxBackoff}
 * @param queueCapacity  events waiting for matching; when full, whoever hands in more waits (back-pressure on
 *                       ingestion): nothing is dropped
 * @param levels         thresholds of 红/橙/黄
 * @param history        how long and how much alert history is kept
 * @param maxRules       rules in all
 * @param maxRulesPerSubscriber rules one subscriber may have
 * @param linkBase       the service's address as subscribers reach it, for links in alerts (e.g.
 *                       https://minyi.example.gov.cn); pages are linked relative to it
 * @param zone           times in alert texts, fixed limit windows and quiet hours are read in this zone
 */
public record AlertSettings(Duration dedupeWindow, SubscriberLimits limits, Map<String, SubscriberLimits> subscribers,
                            int maxAttempts, Duration firstBackoff, Duration maxBackoff, int queueCapacity,
                            AlertLevels levels, HistoryRetention history, int maxRules, int maxRulesPerSubscriber,
                            String linkBase, ZoneId zone) {

    /** History older than {@code maxAge} is deleted, and the oldest history beyond {@code maxBytes}. */
    public record HistoryRetention(Duration maxAge, long maxBytes) {

        public HistoryRetention {
            if (maxAge == null || maxAge.compareTo(Duration.ofDays(1)) < 0) {
                throw new IllegalArgumentException("history max-age must be at least one day, was " + maxAge);
            }
            if (maxBytes < 1 << 20) {
                throw new IllegalArgumentException("history max-bytes must be at least 1 MiB, was " + maxBytes);
            }
        }

        public static HistoryRetention defaults() {
            return new HistoryRetention(Duration.ofDays(180), 256L << 20);
        }
    }

    public AlertSettings {
        subscribers = subscribers == null ? Map.of() : Map.copyOf(subscribers);
        if (maxAttempts < 1) {
            throw new IllegalArgumentException("maxAttempts must be >= 1, was " + maxAttempts);
        }
        if (queueCapacity < 1) {
            throw new IllegalArgumentException("queueCapacity must be >= 1, was " + queueCapacity);
        }
        if (maxRules < 1 || maxRulesPerSubscriber < 1) {
            throw new IllegalArgumentException("rule caps must be >= 1");
        }
        linkBase = linkBase == null ? "" : linkBase.replaceAll("/+$", "");
    }

    public static AlertSettings defaults() {
        return new AlertSettings(Duration.ofHours(24), SubscriberLimits.defaults(), Map.of(), 5, Duration.ofSeconds(1),
                Duration.ofMinutes(1), 10_000, AlertLevels.defaults(), HistoryRetention.defaults(), 5_000, 50,
                "http://127.0.0.1:8080", ZoneId.of("Asia/Shanghai"));
    }

    /** The limits of one subscriber: their override, else the defaults. */
    public SubscriberLimits limitsOf(String subscriber) {
        return subscribers.getOrDefault(subscriber, limits);
    }

    /** The longest freshness any subscriber has: older messages cannot alert anyone. */
    Duration longestFreshness() {
        Duration longest = limits.freshness();
        for (SubscriberLimits l : subscribers.values()) {
            if (l.freshness().compareTo(longest) > 0) {
                longest = l.freshness();
            }
        }
        return longest;
    }

    public AlertSettings withBackoff(Duration first, Duration max) {
        return new AlertSettings(dedupeWindow, limits, subscribers, maxAttempts, first, max, queueCapacity, levels,
                history, maxRules, maxRulesPerSubscriber, linkBase, zone);
    }

    public AlertSettings withLimits(SubscriberLimits newLimits) {
        return new AlertSettings(dedupeWindow, newLimits, subscribers, maxAttempts, firstBackoff, maxBackoff,
                queueCapacity, levels, history, maxRules, maxRulesPerSubscriber, linkBase, zone);
    }

    public AlertSettings withSubscriberLimits(Map<String, SubscriberLimits> overrides) {
        return new AlertSettings(dedupeWindow, limits, overrides, maxAttempts, firstBackoff, maxBackoff,
                queueCapacity, levels, history, maxRules, maxRulesPerSubscriber, linkBase, zone);
    }

    public AlertSettings withMaxAttempts(int attempts) {
        return new AlertSettings(dedupeWindow, limits, subscribers, attempts, firstBackoff, maxBackoff, queueCapacity,
                levels, history, maxRules, maxRulesPerSubscriber, linkBase, zone);
    }

    public AlertSettings withQueueCapacity(int capacity) {
        return new AlertSettings(dedupeWindow, limits, subscribers, maxAttempts, firstBackoff, maxBackoff, capacity,
                levels, history, maxRules, maxRulesPerSubscriber, linkBase, zone);
    }

    public AlertSettings withRuleCaps(int total, int perSubscriber) {
        return new AlertSettings(dedupeWindow, limits, subscribers, maxAttempts, firstBackoff, maxBackoff,
                queueCapacity, levels, history, total, perSubscriber, linkBase, zone);
    }

    public AlertSettings withHistory(HistoryRetention retention) {
        return new AlertSettings(dedupeWindow, limits, subscribers, maxAttempts, firstBackoff, maxBackoff,
                queueCapacity, levels, retention, maxRules, maxRulesPerSubscriber, linkBase, zone);
    }

    Duration backoff(int attemptsMade) {
        Duration wait = firstBackoff.multipliedBy(1L << Math.min(20, attemptsMade - 1));
        return wait.compareTo(maxBackoff) > 0 ? maxBackoff : wait;
    }
}
