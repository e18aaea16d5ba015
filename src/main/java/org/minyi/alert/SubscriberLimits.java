package org.minyi.alert;

import java.time.Duration;

/**
 * How much one subscriber is told. Over {@code maxPerWindow} alerts in a window, further alerts are held and sent
 * as one digest when the window ends: never dropped. Windows are fixed (10:00–11:00, not "the last hour").
 *
 * @param freshness a message whose own time is older than this is indexed but never alerts (backfills and
 *                  re-imports stay quiet); a hotspot alerts only while its latest message is this recent
 */
public record SubscriberLimits(int maxPerWindow, Duration window, Duration freshness) {

    public SubscriberLimits {
        if (maxPerWindow < 1) {
            throw new IllegalArgumentException("max-per-window must be >= 1, was " + maxPerWindow);
        }
        if (window == null || window.compareTo(Duration.ofMinutes(1)) < 0 || window.compareTo(Duration.ofDays(7)) > 0) {
            throw new IllegalArgumentException("window must be 1 minute .. 7 days, was " + window);
        }
        if (freshness == null || freshness.isNegative() || freshness.isZero()) {
            throw new IllegalArgumentException("freshness must be positive, was " + freshness);
        }
    }

    public static SubscriberLimits defaults() {
        return new SubscriberLimits(20, Duration.ofHours(1), Duration.ofHours(72));
    }
}
