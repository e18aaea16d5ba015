package org.minyi.delivery;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.minyi.report.ReportKind;
import org.minyi.report.ReportPeriod;

/** When a week's report is due: from the configured day and time (Beijing time) until its freshness has passed. */
class WeeklyScheduleTest {

    private static final ZoneId CHINA = ZoneId.of("Asia/Shanghai");

    @Test
    void byDefaultTheWeekJustEndedIsDueFromMonday0800BeijingTimeForADay() {
        WeeklySchedule schedule = WeeklySchedule.defaults();
        Optional<ReportPeriod> week48 = Optional.of(new ReportPeriod(ReportKind.WEEKLY,
                LocalDate.of(2026, 11, 23), LocalDate.of(2026, 11, 29)));

        assertEquals(Optional.empty(), schedule.due(Instant.parse("2026-11-29T23:59:59Z")), "Monday 07:59:59");
        assertEquals(week48, schedule.due(Instant.parse("2026-11-30T00:00:00Z")), "Monday 08:00");
        assertEquals(week48, schedule.due(Instant.parse("2026-12-01T00:00:00Z").minusSeconds(1)), "Tuesday 07:59:59");
        assertEquals(Optional.empty(), schedule.due(Instant.parse("2026-12-01T00:00:00Z")), "Tuesday 08:00: too late");
    }

    @Test
    void aConfiguredDayAndTimeMoveTheSendingButTheReportIsStillOfTheWeekBefore() {
        WeeklySchedule friday = new WeeklySchedule(DayOfWeek.FRIDAY, LocalTime.of(17, 30), CHINA, Duration.ofHours(2),
                Duration.ofMinutes(10));

        assertEquals(Optional.empty(), friday.due(Instant.parse("2026-12-04T09:29:00Z")), "Friday 17:29");
        assertEquals(LocalDate.of(2026, 11, 23), friday.due(Instant.parse("2026-12-04T09:30:00Z")).orElseThrow()
                .first(), "Friday 17:30 sends the ISO week before this one");
        assertEquals(Optional.empty(), friday.due(Instant.parse("2026-12-04T11:30:00Z")), "Friday 19:30: too late");
    }

    @Test
    void freshnessLongerThanSixDaysIsRefusedSoThatTwoWeeksAreNeverDueAtOnce() {
        assertThrows(IllegalArgumentException.class, () -> new WeeklySchedule(DayOfWeek.MONDAY, LocalTime.of(8, 0),
                CHINA, Duration.ofDays(7), Duration.ofMinutes(10)));
    }
}
