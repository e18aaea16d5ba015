package org.minyi.index.elasticsearch;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.minyi.index.MessageFilter;
import org.minyi.index.TrendInterval;
import org.minyi.index.TrendPoint;
import org.minyi.index.TrendSeries;
import org.minyi.index.TrendSplit;
import org.minyi.index.TrendQuery;

/**
 * Lays the buckets Elasticsearch returned (only those with messages) on the axis the port promises: consecutive
 * buckets from the first to the last with a message in any series, or from the filter's from / to when given,
 * zeros in between, largest series first (ties by key).
 */
final class TrendAxis {

    /** About 270 years of days: more is a mistyped time range, not a chart. */
    private static final int MAX_BUCKETS = 100_000;

    /** Per series key (in arrival order), per bucket start: message count and sentiment sum. */
    private final Map<String, Map<LocalDate, double[]>> series = new LinkedHashMap<>();
    private final ZoneId zone;

    TrendAxis(ZoneId zone) {
        this.zone = zone;
    }

    void add(String key, long bucketStartMillis, long count, double sentimentSum) {
        LocalDate start = Instant.ofEpochMilli(bucketStartMillis).atZone(zone).toLocalDate();
        series.computeIfAbsent(key, k -> new LinkedHashMap<>()).put(start, new double[] {count, sentimentSum});
    }

    void declare(String key) {
        series.computeIfAbsent(key, k -> new LinkedHashMap<>());
    }

    List<TrendSeries> build(TrendQuery query) {
        MessageFilter filter = query.filter();
        LocalDate first = null;
        LocalDate last = null;
        for (Map<LocalDate, double[]> buckets : series.values()) {
            for (LocalDate start : buckets.keySet()) {
                first = first == null || start.isBefore(first) ? start : first;
                last = last == null || start.isAfter(last) ? start : last;
            }
        }
        LocalDate axisStart = filter.from() != null ? filter.from().atZone(zone).toLocalDate() : first;
        LocalDate axisEnd = filter.to() != null ? filter.to().minusMillis(1).atZone(zone).toLocalDate() : last;
        List<LocalDate> starts = new ArrayList<>();
        if (axisStart != null && axisEnd != null) {
            for (LocalDate start = bucketStart(axisStart, query.interval()); !start.isAfter(axisEnd);
                 start = next(start, query.interval())) {
                starts.add(start);
                if (starts.size() > MAX_BUCKETS) {
                    throw new IllegalArgumentException("a trend from " + axisStart + " to " + axisEnd + " by "
                            + query.interval().key() + " has more than " + MAX_BUCKETS
                            + " buckets; narrow the time range or use a wider interval");
                }
            }
        }
        List<TrendSeries> result = new ArrayList<>();
        for (Map.Entry<String, Map<LocalDate, double[]>> entry : series.entrySet()) {
            long total = 0;
            List<TrendPoint> points = new ArrayList<>(starts.size());
            for (LocalDate start : starts) {
                double[] bucket = entry.getValue().get(start);
                long count = bucket == null ? 0 : (long) bucket[0];
                total += count;
                points.add(new TrendPoint(start, count, count == 0 ? 0 : bucket[1] / count));
            }
            if (total > 0 || query.split() == TrendSplit.NONE) {
                result.add(new TrendSeries(entry.getKey(), total, points));
            }
        }
        result.sort(Comparator.comparingLong(TrendSeries::total).reversed().thenComparing(TrendSeries::key));
        return result;
    }

    private static LocalDate bucketStart(LocalDate day, TrendInterval interval) {
        return switch (interval) {
            case DAY -> day;
            case WEEK -> day.with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY));
            case MONTH -> day.withDayOfMonth(1);
        };
    }

    private static LocalDate next(LocalDate start, TrendInterval interval) {
        return switch (interval) {
            case DAY -> start.plusDays(1);
            case WEEK -> start.plusWeeks(1);
            case MONTH -> start.plusMonths(1);
        };
    }
}
