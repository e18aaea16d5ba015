package org.minyi.index.lucene;

import java.time.Instant;
import java.time.ZoneId;
import java.time.zone.ZoneOffsetTransition;
import java.time.zone.ZoneRules;

/**
 * The local date (as an epoch day) of instants in one time zone, fast enough to call once per message on a
 * million messages: the zone's offset is looked up again only when an instant falls outside the span between two
 * offset transitions (for China, one span since 1991). Not thread-safe: one per aggregation.
 */
final class LocalDays {

    private static final long SECONDS_PER_DAY = 86_400;

    private final ZoneRules rules;
    private long spanStart = Long.MAX_VALUE;
    private long spanEnd = Long.MIN_VALUE;
    private int offsetSeconds;

    LocalDays(ZoneId zone) {
        this.rules = zone.getRules();
    }

    long epochDay(long epochMilli) {
        if (epochMilli < spanStart || epochMilli >= spanEnd) {
            lookUpSpan(epochMilli);
        }
        return Math.floorDiv(Math.floorDiv(epochMilli, 1000) + offsetSeconds, SECONDS_PER_DAY);
    }

    private void lookUpSpan(long epochMilli) {
        Instant instant = Instant.ofEpochMilli(epochMilli);
        offsetSeconds = rules.getOffset(instant).getTotalSeconds();
        ZoneOffsetTransition previous = rules.previousTransition(instant.plusMillis(1));
        ZoneOffsetTransition next = rules.nextTransition(instant);
        spanStart = previous == null ? Long.MIN_VALUE : Math.min(previous.toEpochSecond() * 1000, epochMilli);
        spanEnd = next == null ? Long.MAX_VALUE : next.toEpochSecond() * 1000;
    }
}
