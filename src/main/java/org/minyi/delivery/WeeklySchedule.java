package org.minyi.delivery;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.temporal.TemporalAdjusters;
import java.util.Objects;
import java.util.Optional;
import org.minyi.report.ReportKind;
import org.minyi.report.ReportPeriod;

/**
 * When weekly reports go out: on {@code day} at {@code time} in {@code zone}, each week, the report of the ISO week
 * (Monday to Sunday) just ended. A run later than that still sends it while {@code freshness} has not passed since
 * the sending time (a restart on Monday morning catches up); after that the week is skipped, never sent late, and no
 * earlier week is ever looked at.
 *
 * @param checkEvery how often the scheduler looks whether a week is due (and catches up after a restart)
 */
public record WeeklySchedule(DayOfWeek day, LocalTime time, ZoneId zone, Duration freshness, Duration checkEvery) {

    /** A week's report stays due at most this long, so that two weeks are never due at once. */
    static final Duration LONGEST_FRESHNESS = Duration.ofDays(6);

    public WeeklySchedule {
        Objects.requireNonNull(day, "day");
        Objects.requireNonNull(time, "time");
        Objects.requireNonNull(zone, "zone");
        if (freshness == null || freshness.compareTo(Duration.ofMinutes(1)) < 0
                || freshness.compareTo(LONGEST_FRESHNESS) > 0) {
            throw new IllegalArgumentException("minyi.report.weekly.freshness must be 1m..6d, was " + freshness);
        }
        if (checkEvery == null || checkEvery.compareTo(Duration.ofSeconds(10)) < 0
                || checkEvery.compareTo(freshness) > 0) {
            throw new IllegalArgumentException("minyi.report.weekly.check-every must be at least 10s and at most "
                    + "the freshness (" + freshness + "), was " + checkEvery);
        }
    }

    /** Monday 08:00 Beijing time, sent until Tuesday 08:00, checked every ten minutes. */
    public static WeeklySchedule defaults() {
        return new WeeklySchedule(DayOfWeek.MONDAY, LocalTime.of(8, 0), ZoneId.of("Asia/Shanghai"),
                Duration.ofHours(24), Duration.ofMinutes(10));
    }

    /** The week whose report is due at {@code now}: the one just ended, while it is fresh; else none. */
    public Optional<ReportPeriod> due(Instant now) {
        LocalDate monday = now.atZone(zone).toLocalDate().with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY));
        Instant sendAt = sendingTime(monday);
        if (now.isBefore(sendAt) || !now.isBefore(sendAt.plus(freshness))) {
            return Optional.empty();
        }
        return Optional.of(ReportPeriod.of(ReportKind.WEEKLY, monday.minusWeeks(1)));
    }

    /** When the report of the week before {@code monday}'s week is sent. */
    Instant sendingTime(LocalDate monday) {
        return monday.with(TemporalAdjusters.nextOrSame(day)).atTime(time).atZone(zone).toInstant();
    }

    /** In Chinese for the subscription page, e.g. 每周一 08:00（北京时间）. */
    public String chinese() {
        String[] days = {"一", "二", "三", "四", "五", "六", "日"};
        return "每周" + days[day.getValue() - 1] + " " + time + ("Asia/Shanghai".equals(zone.getId()) ? "（北京时间）"
                : "（" + zone.getId() + "）");
    }
}
