package org.minyi.insight;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.minyi.index.IndexedMessage;
import org.minyi.index.TrendPoint;
import org.minyi.index.TrendSeries;

/** Daily message counts per theme (topic), and the EWMA burst check of one day against the days before it. */
final class ThemeBaseline {

    private final Map<String, Map<LocalDate, Long>> daily = new HashMap<>();
    private final ZoneId zone;
    private final double alpha;
    private final double minSd;
    private LocalDate firstDay;

    private ThemeBaseline(ZoneId zone, double alpha, double minSd) {
        this.zone = zone;
        this.alpha = alpha;
        this.minSd = minSd;
    }

    static ThemeBaseline ofMessages(List<IndexedMessage> messages, ZoneId zone, double alpha, double minSd) {
        ThemeBaseline baseline = new ThemeBaseline(zone, alpha, minSd);
        for (IndexedMessage m : messages) {
            baseline.add(String.valueOf(m.analysis().topic()), baseline.day(m), 1);
        }
        return baseline;
    }

    /** From daily trend series split by topic (series key = topic), as an index counts them. */
    static ThemeBaseline ofDailySeries(List<TrendSeries> series, ZoneId zone, double alpha, double minSd) {
        ThemeBaseline baseline = new ThemeBaseline(zone, alpha, minSd);
        for (TrendSeries topic : series) {
            for (TrendPoint point : topic.points()) {
                if (point.count() > 0) {
                    baseline.add(topic.key(), point.start(), point.count());
                }
            }
        }
        return baseline;
    }

    private void add(String theme, LocalDate day, long count) {
        daily.computeIfAbsent(theme, k -> new HashMap<>()).merge(day, count, Long::sum);
        if (firstDay == null || day.isBefore(firstDay)) {
            firstDay = day;
        }
    }

    LocalDate day(IndexedMessage m) {
        return day(m.message().createdAt());
    }

    LocalDate day(java.time.Instant at) {
        return at.atZone(zone).toLocalDate();
    }

    /** Days before {@code day} count from the first day of any theme, so a theme's silent days are zeros. */
    Burst burst(String theme, LocalDate day, long issueCount) {
        Map<LocalDate, Long> counts = daily.getOrDefault(String.valueOf(theme), Map.of());
        long today = counts.getOrDefault(day, 0L);
        double mean = 0;
        double variance = 0;
        int days = 0;
        for (LocalDate d = firstDay; d != null && d.isBefore(day); d = d.plusDays(1)) {
            long x = counts.getOrDefault(d, 0L);
            if (days == 0) {
                mean = x;
            } else {
                double diff = x - mean;
                mean += alpha * diff;
                variance = (1 - alpha) * (variance + alpha * diff * diff);
            }
            days++;
        }
        double sd = Math.max(minSd, Math.sqrt(variance));
        double z = days == 0 ? 0 : (today - mean) / sd;
        return new Burst(theme, day, today, issueCount, mean, sd, days, z);
    }
}
