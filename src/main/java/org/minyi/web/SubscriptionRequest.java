package org.minyi.web;

import java.time.DateTimeException;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Set;
import org.minyi.alert.ChannelType;
import org.minyi.alert.Destination;
import org.minyi.alert.QuietHours;
import org.minyi.alert.Rule;

/**
 * A subscription as a client sends it. Secrets are write-only: a request without {@code destination.secret}, or
 * with the masked URL it was shown, keeps what the saved rule has. The owner is never taken from here.
 * {@code weeklyReport}: also send the 周报 of the rule's region and topic every week (absent: no).
 */
record SubscriptionRequest(String id, String subscriber, String name, Set<String> topics, Set<String> regions,
                           List<String> keywords, Double maxSentiment, Double minHeat, QuietHoursRequest quietHours,
                           DestinationRequest destination, String savedSearch, Boolean weeklyReport) {

    /** Times as {@code HH:mm}; the zone defaults to the service's. */
    record QuietHoursRequest(String start, String end, String zone) {
    }

    record DestinationRequest(String type, String url, String secret, List<String> recipients) {
    }

    /** The rule to save: {@code earlier} is the saved rule of this id, if any; {@code owner} who saves it. */
    Rule toRule(Rule earlier, String owner, ZoneId zone) {
        if (destination == null) {
            throw new IllegalArgumentException("缺少通道（destination）");
        }
        return new Rule(id, subscriber, name, topics, regions, keywords, maxSentiment, minHeat, quiet(zone),
                destination(earlier == null ? null : earlier.destination()), owner, savedSearch,
                Boolean.TRUE.equals(weeklyReport));
    }

    private Destination destination(Destination earlier) {
        ChannelType type = ChannelType.parse(destination.type() == null ? "" : destination.type());
        boolean sameChannel = earlier != null && earlier.type() == type;
        String url = destination.url() == null ? null : destination.url().strip();
        if (sameChannel && (url == null || url.isEmpty() || url.equals(earlier.maskedUrl()))) {
            url = earlier.url();
        }
        String secret = destination.secret() == null || destination.secret().isBlank() ? null : destination.secret();
        if (sameChannel && secret == null) {
            secret = earlier.secret();
        }
        return new Destination(type, url, secret, destination.recipients());
    }

    private QuietHours quiet(ZoneId zone) {
        if (quietHours == null || (blank(quietHours.start()) && blank(quietHours.end()))) {
            return null;
        }
        try {
            return new QuietHours(LocalTime.parse(quietHours.start().strip()), LocalTime.parse(quietHours.end().strip()),
                    blank(quietHours.zone()) ? zone : ZoneId.of(quietHours.zone().strip()));
        } catch (DateTimeParseException | NullPointerException e) {
            throw new IllegalArgumentException("免打扰时段的开始和结束时间都要写成 HH:mm，例如 22:00 和 07:00");
        } catch (DateTimeException e) {
            throw new IllegalArgumentException("未知的时区 " + quietHours.zone());
        }
    }

    private static boolean blank(String s) {
        return s == null || s.isBlank();
    }
}
