package org.minyi.alert;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZonedDateTime;

/**
 * A fixed limit window, e.g. 10:00–11:00 for one hour: windows start at local midnight and follow each other
 * (a length that does not divide the day ends its last window at midnight); windows of whole days count from the
 * epoch. Fixed windows have an end, at which the digest of what was held over the limit is sent.
 */
record Window(Instant start, Instant end) {

    static Window containing(Instant t, Duration length, ZoneId zone) {
        ZonedDateTime local = t.atZone(zone);
        if (length.compareTo(Duration.ofDays(1)) >= 0) {
            long days = length.toDays();
            long epochDay = local.toLocalDate().toEpochDay();
            LocalDate first = LocalDate.ofEpochDay(Math.floorDiv(epochDay, days) * days);
            return new Window(first.atStartOfDay(zone).toInstant(), first.plusDays(days).atStartOfDay(zone).toInstant());
        }
        Instant midnight = local.toLocalDate().atStartOfDay(zone).toInstant();
        Instant nextMidnight = local.toLocalDate().plusDays(1).atStartOfDay(zone).toInstant();
        long n = Duration.between(midnight, t).toMillis() / length.toMillis();
        Instant start = midnight.plus(length.multipliedBy(n));
        Instant end = start.plus(length);
        return new Window(start, end.isAfter(nextMidnight) ? nextMidnight : end);
    }

    boolean contains(Instant t) {
        return !t.isBefore(start) && t.isBefore(end);
    }
}
