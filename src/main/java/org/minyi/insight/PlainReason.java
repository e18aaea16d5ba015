package org.minyi.insight;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import org.minyi.index.IssueMember;

/**
 * Why an issue is hot, in one or two plain Chinese sentences with the numbers a leader weighs: how many messages
 * lately against the issue's own earlier daily rate, the share that is negative, the regions and the likes
 * ("近7天31条，是此前日均0.2条的20倍；86%为负面；涉及A2区、A市；点赞40"). The full heat formula stays in
 * {@link Hotspot#explain()} for the API and the page's details.
 */
final class PlainReason {

    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("M月d日");
    private static final int REGIONS_NAMED = 3;

    private PlainReason() {
    }

    /**
     * @param ordered   the issue's messages, earliest first
     * @param reference the end of the period (growth is counted up to it)
     * @param window    the recent window, e.g. 7 days
     */
    static String of(List<IssueMember> ordered, Instant reference, Duration window, ZoneId zone,
                     List<String> regions, double negativeShare) {
        Instant recentStart = reference.minus(window);
        long recent = ordered.stream().map(IssueMember::createdAt)
                .filter(t -> !t.isBefore(recentStart) && t.isBefore(reference)).count();
        List<Instant> before = ordered.stream().map(IssueMember::createdAt)
                .filter(t -> t.isBefore(recentStart)).toList();
        long days = window.toDays();
        StringBuilder why = new StringBuilder();
        if (recent == 0) {
            String first = day(ordered.getFirst(), zone);
            String last = day(ordered.getLast(), zone);
            why.append(String.format(Locale.ROOT, "%s共%d条，近%d天没有新留言",
                    first.equals(last) ? first : first + "至" + last, ordered.size(), days));
        } else if (before.isEmpty()) {
            why.append(String.format(Locale.ROOT, "近%d天新出现%d条，此前没有", days, recent));
        } else {
            double spanDays = Math.max(1, Duration.between(before.getFirst(), recentStart).toHours() / 24.0);
            double priorDaily = before.size() / spanDays;
            double recentDaily = (double) recent / Math.max(1, days);
            double ratio = recentDaily / priorDaily;
            why.append(String.format(Locale.ROOT, "近%d天%d条，是此前日均%s条的%s倍", days, recent,
                    oneDecimal(priorDaily), oneDecimal(ratio)));
        }
        why.append(String.format(Locale.ROOT, "；%.0f%%为负面", 100 * negativeShare));
        if (!regions.isEmpty()) {
            why.append("；涉及").append(String.join("、", regions.subList(0, Math.min(REGIONS_NAMED, regions.size()))));
            if (regions.size() > REGIONS_NAMED) {
                why.append("等").append(regions.size()).append("个地区");
            }
        }
        long likes = ordered.stream().mapToLong(IssueMember::likes).sum();
        if (likes > 0) {
            why.append("；点赞").append(likes);
        }
        return why.append('。').toString();
    }

    private static String day(IssueMember m, ZoneId zone) {
        return DAY.format(m.createdAt().atZone(zone));
    }

    /** 1.6, 4, 0.2: one decimal, none when whole. */
    private static String oneDecimal(double value) {
        double rounded = Math.round(value * 10) / 10.0;
        return rounded == Math.rint(rounded) ? String.valueOf((long) rounded) : String.valueOf(rounded);
    }
}
