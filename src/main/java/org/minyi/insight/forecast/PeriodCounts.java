package org.minyi.insight.forecast;

import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.minyi.index.IndexedMessage;
import org.minyi.index.MessageFilter;
import org.minyi.index.MessageIndex;
import org.minyi.insight.RegionHierarchy;

/**
 * Messages per service domain, or per region (district or county), per week (Monday) or month, in the service's
 * zone, on one axis of consecutive periods from the first message to the last (zeros in between), so that
 * forecasters see true gaps.
 *
 * @param periods the first day of each period
 * @param counts  domain or region → count per period
 * @param end     the day after the counted time (the last message's day + 1, or the filter's end when earlier), or
 *                null when not known (counts handed over by the service, already cut to whole periods)
 */
public record PeriodCounts(List<LocalDate> periods, Map<String, double[]> counts, LocalDate end) {

    public PeriodCounts(List<LocalDate> periods, Map<String, double[]> counts) {
        this(periods, counts, null);
    }

    /** Weeks or months. */
    public enum Interval {
        WEEK, MONTH;

        public int season() {
            return this == WEEK ? 52 : 12;
        }

        LocalDate start(LocalDate day) {
            return this == WEEK ? day.with(TemporalAdjusters.previousOrSame(java.time.DayOfWeek.MONDAY))
                    : day.withDayOfMonth(1);
        }

        /** Weeks in one period, on average. */
        public double weeks() {
            return this == WEEK ? 1 : 365.2425 / 12 / 7;
        }

        public LocalDate next(LocalDate period) {
            return this == WEEK ? period.plusWeeks(1) : period.plusMonths(1);
        }

        public static Interval parse(String value) {
            return switch (value.strip().toLowerCase(java.util.Locale.ROOT)) {
                case "week" -> WEEK;
                case "month" -> MONTH;
                default -> throw new IllegalArgumentException("interval must be week or month, was " + value);
            };
        }
    }

    /** What a series counts: the messages of one service domain, or of one region at the county level. */
    public enum By {
        DOMAIN, REGION;

        List<String> keys(IndexedMessage m) {
            if (this == DOMAIN) {
                return m.analysis().profile().domains();
            }
            String region = RegionHierarchy.at(m.region(), RegionHierarchy.Level.COUNTY);
            return region == null || region.isBlank() ? List.of() : List.of(region);
        }

        public static By parse(String value) {
            return switch (value.strip().toLowerCase(java.util.Locale.ROOT)) {
                case "domain" -> DOMAIN;
                case "region" -> REGION;
                default -> throw new IllegalArgumentException("by must be domain or region, was " + value);
            };
        }
    }

    public static PeriodCounts of(MessageIndex index, MessageFilter filter, Interval interval, ZoneId zone) {
        return of(index, filter, interval, zone, By.DOMAIN);
    }

    public static PeriodCounts of(MessageIndex index, MessageFilter filter, Interval interval, ZoneId zone, By by) {
        Map<String, Map<LocalDate, Integer>> byKey = new TreeMap<>();
        LocalDate[] range = new LocalDate[2];
        LocalDate[] lastDay = new LocalDate[1];
        index.scanSummaries(filter, m -> {
            List<String> keys = by.keys(m);
            if (m.message().createdAt() == null || keys.isEmpty()) {
                return;
            }
            LocalDate day = m.message().createdAt().atZone(zone).toLocalDate();
            if (lastDay[0] == null || day.isAfter(lastDay[0])) {
                lastDay[0] = day;
            }
            LocalDate period = interval.start(day);
            if (range[0] == null || period.isBefore(range[0])) {
                range[0] = period;
            }
            if (range[1] == null || period.isAfter(range[1])) {
                range[1] = period;
            }
            for (String key : keys) {
                byKey.computeIfAbsent(key, k -> new TreeMap<>()).merge(period, 1, Integer::sum);
            }
        });
        List<LocalDate> periods = new ArrayList<>();
        if (range[0] != null) {
            for (LocalDate p = range[0]; !p.isAfter(range[1]); p = interval.next(p)) {
                periods.add(p);
            }
        }
        Map<String, double[]> counts = new TreeMap<>();
        byKey.forEach((key, series) -> {
            double[] y = new double[periods.size()];
            for (int i = 0; i < y.length; i++) {
                y[i] = series.getOrDefault(periods.get(i), 0);
            }
            counts.put(key, y);
        });
        LocalDate end = lastDay[0] == null ? null : lastDay[0].plusDays(1);
        if (end != null && filter != null && filter.to() != null) {
            LocalDate to = filter.to().atZone(zone).toLocalDate(); // exclusive: the filter's end instant
            end = to.isAfter(end) ? to : end; // days the filter asked for, even if the last of them were quiet
        }
        return new PeriodCounts(periods, counts, end);
    }

    /**
     * The counts without the last period when it is not over: the current week or month (not yet ended by
     * {@code today}), or the period in which the counted time ends (data that stop mid-period). A part-period's
     * count is low only because the period is cut short; fitted or backtested as a whole period, it drags the
     * forecast down. Unchanged when the end is unknown.
     */
    public PeriodCounts withoutPartialLast(Interval interval, LocalDate today) {
        if (periods.isEmpty() || end == null) {
            return this;
        }
        LocalDate over = end.isAfter(today) ? today : end; // the first day not (yet) counted
        if (!interval.next(periods.getLast()).isAfter(over)) {
            return this;
        }
        int kept = periods.size() - 1;
        Map<String, double[]> cut = new TreeMap<>();
        counts.forEach((key, y) -> cut.put(key, java.util.Arrays.copyOf(y, kept)));
        return new PeriodCounts(List.copyOf(periods.subList(0, kept)), cut, end);
    }

    /** The period {@link #withoutPartialLast} left out of {@code this}, compared with {@code all}; null if none. */
    public LocalDate partialLeftOut(PeriodCounts all) {
        return all.periods.size() > periods.size() ? all.periods.getLast() : null;
    }

    /** Only the series with at least {@code minMean} messages per period on average over the whole axis. */
    public PeriodCounts busierThan(double minMean) {
        Map<String, double[]> kept = new TreeMap<>();
        counts.forEach((key, y) -> {
            if (y.length > 0 && java.util.Arrays.stream(y).sum() >= minMean * y.length) {
                kept.put(key, y);
            }
        });
        return new PeriodCounts(periods, kept, end);
    }

    /** Days from the first to the last period, for messages. */
    public long spanDays() {
        return periods.isEmpty() ? 0 : ChronoUnit.DAYS.between(periods.getFirst(), periods.getLast());
    }
}
