package org.minyi.alert;

import java.time.Duration;

/**
 * Limits of the alert engine.
 *
 * @param dedupeWindow   the same rule and subject (message or hotspot) alert at most once per window
 * @param maxPerWindow   alerts one subscriber may get per {@code rateWindow}; more are suppressed
 * @param maxAttempts    delivery attempts before an alert is FAILED
 * @param firstBackoff   wait before the second attempt; doubles per attempt, up to {@code maxBackoff}
 * @param queueCapacity  events waiting for matching; beyond it new events are dropped (counted) rather than slowing
 *                       ingestion down
 */
public record AlertSettings(Duration dedupeWindow, int maxPerWindow, Duration rateWindow, int maxAttempts,
                            Duration firstBackoff, Duration maxBackoff, int queueCapacity) {

    public AlertSettings {
        if (maxPerWindow < 1) {
            throw new IllegalArgumentException("maxPerWindow must be >= 1, was " + maxPerWindow);
        }
        if (maxAttempts < 1) {
            throw new IllegalArgumentException("maxAttempts must be >= 1, was " + maxAttempts);
        }
        if (queueCapacity < 1) {
            throw new IllegalArgumentException("queueCapacity must be >= 1, was " + queueCapacity);
        }
    }

    public static AlertSettings defaults() {
        return new AlertSettings(Duration.ofHours(24), 20, Duration.ofHours(1), 5, Duration.ofSeconds(1),
                Duration.ofMinutes(1), 10_000);
    }

    public AlertSettings withBackoff(Duration first, Duration max) {
        return new AlertSettings(dedupeWindow, maxPerWindow, rateWindow, maxAttempts, first, max, queueCapacity);
    }

    public AlertSettings withRateLimit(int max, Duration window) {
        return new AlertSettings(dedupeWindow, max, window, maxAttempts, firstBackoff, maxBackoff, queueCapacity);
    }

    public AlertSettings withMaxAttempts(int attempts) {
        return new AlertSettings(dedupeWindow, maxPerWindow, rateWindow, attempts, firstBackoff, maxBackoff,
                queueCapacity);
    }

    Duration backoff(int attemptsMade) {
        Duration wait = firstBackoff.multipliedBy(1L << Math.min(20, attemptsMade - 1));
        return wait.compareTo(maxBackoff) > 0 ? maxBackoff : wait;
    }
}
