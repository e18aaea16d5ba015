package org.minyi.report;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.IsoFields;
import java.time.temporal.TemporalAdjusters;

/**
 * The days a briefing covers, both ends included (as the API's {@code from}/{@code to} dates mean them): a day, the
 * Monday-to-Sunday week or the calendar month holding the chosen date, or any span for a 专报.
 */
public record ReportPeriod(ReportKind kind, LocalDate first, LocalDate last) {

    public ReportPeriod {
        if (last.isBefore(first)) {
            throw new IllegalArgumentException("period ends (" + last + ") before it starts (" + first + ")");
        }
    }

    /** The period of {@code kind} that holds {@code date}. */
    public static ReportPeriod of(ReportKind kind, LocalDate date) {
        return switch (kind) {
            case DAILY -> new ReportPeriod(kind, date, date);
            case WEEKLY -> {
                LocalDate monday = date.with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY));
                yield new ReportPeriod(kind, monday, monday.plusDays(6));
            }
            case MONTHLY -> new ReportPeriod(kind, date.withDayOfMonth(1), date.with(TemporalAdjusters.lastDayOfMonth()));
            case SPECIAL -> throw new IllegalArgumentException("a 专报 names its first and last day");
        };
    }

    /** The period before (环比): the day, week or month before; for a span, the span of equal length before it. */
    public ReportPeriod previous() {
        return switch (kind) {
            case DAILY, WEEKLY, SPECIAL -> {
                long days = last.toEpochDay() - first.toEpochDay() + 1;
                yield new ReportPeriod(kind, first.minusDays(days), first.minusDays(1));
            }
            case MONTHLY -> of(kind, first.minusMonths(1));
        };
    }

    /** The same period a year earlier (同比); a week is the week of the same number. */
    public ReportPeriod yearAgo() {
        return switch (kind) {
            case WEEKLY -> of(kind, first.minusWeeks(52));
            case MONTHLY -> of(kind, first.minusYears(1));
            case DAILY, SPECIAL -> new ReportPeriod(kind, first.minusYears(1), last.minusYears(1));
        };
    }

    public Instant start(ZoneId zone) {
        return first.atStartOfDay(zone).toInstant();
    }

    /** The end, exclusive: the start of the day after the last. */
    public Instant end(ZoneId zone) {
        return last.plusDays(1).atStartOfDay(zone).toInstant();
    }

    /** In Chinese, e.g. 2019年第12周（2019-03-18 至 2019-03-24）. */
    public String chinese() {
        return switch (kind) {
            case DAILY -> first.getYear() + "年" + first.getMonthValue() + "月" + first.getDayOfMonth() + "日";
            case WEEKLY -> first.get(IsoFields.WEEK_BASED_YEAR) + "年第" + first.get(IsoFields.WEEK_OF_WEEK_BASED_YEAR)
                    + "周（" + first + " 至 " + last + "）";
            case MONTHLY -> first.getYear() + "年" + first.getMonthValue() + "月";
            case SPECIAL -> first + " 至 " + last;
        };
    }
}
