package org.minyi.insight;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.minyi.index.IndexedMessage;

/** Daily message counts per theme (topic), and the EWMA burst check of one day against the days before it. */
final class ThemeBaseline {

    private final Map<String, Map<LocalDate, Long>> daily = new HashMap<>();
    private final ZoneId zone;
    private final double alpha;
    private final double minSd;
    private LocalDate firstDay;

    ThemeBaseline(List<IndexedMessage> messages, ZoneId zone, double alpha, double minSd) {
        this.zone = zone;
        this.alpha = alpha;
        this.minSd = minSd;
        for (IndexedMessage m : messages) {
            LocalDate day = day(m);
            daily.computeIfAbsent(String.valueOf(m.analysis().topic()), k -> new HashMap<>()).merge(day, 1L, Long::sum);
            if (firstDay == null || day.isBefore(firstDay)) {
                firstDay = day;
            }
        }
    }

    LocalDate day(IndexedMessage m) {
        return m.message().createdAt().atZone(zone).toLocalDate();
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
