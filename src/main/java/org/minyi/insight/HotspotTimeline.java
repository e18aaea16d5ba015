package org.minyi.insight;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.minyi.index.IndexedMessage;

/**
 * How one issue unfolded: messages per day, the first message, the peak day, how many got a reply so far, and its
 * latest state (the newest message and the newest reply, with the work-order status when a hotline order has one).
 *
 * @param days        every day from the first to the last message (days without messages count 0), in the zone
 * @param replied     members with a reply
 * @param latestReply the newest reply, or null when none has one
 * @param latestState in words: "已答复 3/7，最新答复 2019-12-10（A2区住建局）" or "尚无答复"
 */
public record HotspotTimeline(List<Day> days, Moment first, Day peak, Moment latest, int replied, int members,
                              ReplyMoment latestReply, String latestState) {

    public HotspotTimeline {
        days = List.copyOf(days);
    }

    /** Messages created on one day. */
    public record Day(LocalDate day, int messages) {
    }

    /** A message at a time: id, time and masked title. */
    public record Moment(String id, Instant at, String title) {
    }

    /** A reply: to which message, when and from which agency. */
    public record ReplyMoment(String messageId, Instant at, String agency) {
    }

    /** @param members the messages (any order; those without a creation time are left out) */
    public static HotspotTimeline of(List<IndexedMessage> members, ZoneId zone) {
        List<IndexedMessage> dated = members.stream().filter(m -> m.message().createdAt() != null)
                .sorted(Comparator.comparing((IndexedMessage m) -> m.message().createdAt())
                        .thenComparing(IndexedMessage::id))
                .toList();
        if (dated.isEmpty()) {
            return new HotspotTimeline(List.of(), null, null, null, 0, 0, null, "没有留言");
        }
        Map<LocalDate, Integer> perDay = new TreeMap<>();
        dated.forEach(m -> perDay.merge(m.message().createdAt().atZone(zone).toLocalDate(), 1, Integer::sum));
        LocalDate firstDay = perDay.keySet().iterator().next();
        LocalDate lastDay = ((TreeMap<LocalDate, Integer>) perDay).lastKey();
        List<Day> days = firstDay.datesUntil(lastDay.plusDays(1))
                .map(d -> new Day(d, perDay.getOrDefault(d, 0))).toList();
        Day peak = days.stream().max(Comparator.comparingInt(Day::messages)
                .thenComparing(Day::day, Comparator.reverseOrder())).orElseThrow();
        List<IndexedMessage> withReply = dated.stream()
                .filter(m -> m.message().reply() != null && !m.message().reply().isEmpty()).toList();
        ReplyMoment latestReply = withReply.stream()
                .filter(m -> m.message().reply().time() != null)
                .max(Comparator.comparing(m -> m.message().reply().time()))
                .map(m -> new ReplyMoment(m.id(), m.message().reply().time(), m.message().reply().agency()))
                .orElse(null);
        IndexedMessage last = dated.getLast();
        String state = state(dated.size(), withReply.size(), latestReply, last, zone);
        return new HotspotTimeline(days, moment(dated.getFirst()), peak, moment(last), withReply.size(), dated.size(),
                latestReply, state);
    }

    private static Moment moment(IndexedMessage m) {
        String title = m.analysis().maskedTitle() != null ? m.analysis().maskedTitle() : m.message().title();
        return new Moment(m.id(), m.message().createdAt(), title);
    }

    private static String state(int members, int replied, ReplyMoment latestReply, IndexedMessage last, ZoneId zone) {
        StringBuilder state = new StringBuilder(replied == 0 ? "尚无答复" : "已答复 " + replied + "/" + members);
        if (latestReply != null) {
            state.append("，最新答复 ").append(latestReply.at().atZone(zone).toLocalDate());
            if (latestReply.agency() != null && !latestReply.agency().isBlank()) {
                state.append("（").append(latestReply.agency()).append("）");
            }
        }
        String status = last.message().workOrder() == null ? null : last.message().workOrder().status();
        if (status != null) {
            state.append("；最新工单状态：").append(status);
        }
        return state.toString();
    }
}
