package org.minyi.alert;

import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.Objects;

/**
 * A daily span in which a subscriber is not to be disturbed, e.g. 22:00–07:00 Asia/Shanghai (may cross
 * midnight). Alerts that fall into it are held and sent when it ends, not dropped: a leader still needs to know.
 */
public record QuietHours(LocalTime start, LocalTime end, ZoneId zone) {

    public QuietHours {
        Objects.requireNonNull(start, "quiet hours need a start time");
        Objects.requireNonNull(end, "quiet hours need an end time");
        Objects.requireNonNull(zone, "quiet hours need a time zone");
        if (start.equals(end)) {
            throw new IllegalArgumentException("quiet hours start and end at the same time " + start);
        }
    }

    public boolean contains(Instant instant) {
        LocalTime t = instant.atZone(zone).toLocalTime();
        return start.isBefore(end)
                ? !t.isBefore(start) && t.isBefore(end)
                : !t.isBefore(start) || t.isBefore(end);
    }

    /** The first end of quiet hours after {@code instant}. */
    public Instant nextEnd(Instant instant) {
        ZonedDateTime at = instant.atZone(zone);
        ZonedDateTime end = at.with(this.end).withSecond(0).withNano(0);
        if (!end.isAfter(at)) {
            end = end.plusDays(1);
        }
        return end.toInstant();
    }
}
