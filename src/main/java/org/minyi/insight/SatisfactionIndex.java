package org.minyi.insight;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.minyi.analysis.SimHash;
import org.minyi.index.IndexedMessage;
import org.minyi.index.MessageFilter;
import org.minyi.index.MessageIndex;
import org.minyi.index.ReplyDelays;
import org.minyi.message.Message;

/**
 * One 满意度 index per department or per service domain, with its parts in view:
 * <pre>
 *   index = 100 × (0.35 × reply rate + 0.25 × replied within 15 days + 0.25 × work-order satisfaction
 *                  + 0.15 × (1 − repeat share))
 * </pre>
 * Parts without data (no work order rated) drop out and the other weights are scaled up to sum to 1. A repeat demand
 * is a message whose SimHash is within {@value #NEAR} bits of an earlier message of the same domain and region at most
 * 90 days before it (asked again about the same thing at the same place). Departments are the work order's handling
 * department, else the replying agency; replies naming no agency are left out of the department ranking.
 */
public final class SatisfactionIndex {

    static final int NEAR = 3;
    static final Duration REPEAT_WINDOW = Duration.ofDays(90);
    static final Duration TIMELY = Duration.ofDays(15);
    static final double W_REPLY = 0.35;
    static final double W_TIMELY = 0.25;
    static final double W_SATISFIED = 0.25;
    static final double W_NO_REPEAT = 0.15;
    private static final List<String> SATISFIED = List.of("满意", "非常满意", "基本满意", "比较满意");

    /** Rank by department or by domain. */
    public enum By {
        DEPARTMENT, DOMAIN;

        public static By parse(String value) {
            return switch (value.strip().toLowerCase(java.util.Locale.ROOT)) {
                case "department" -> DEPARTMENT;
                case "domain" -> DOMAIN;
                default -> throw new IllegalArgumentException("by must be department or domain, was " + value);
            };
        }
    }

    /**
     * One ranked row.
     *
     * @param satisfied NaN when no work order of this row is rated
     */
    public record Row(String name, long messages, double replyRate, double timely, long rated, double satisfied,
                      double repeatShare, double index) {
    }

    /** The ranking, best first, with the formula in words. */
    public record Answer(String by, String formula, List<Row> rows) {
    }

    private SatisfactionIndex() {
    }

    private static final class Tally {
        long messages;
        long replied;
        long dated;
        long timely;
        long rated;
        long satisfied;
        long repeats;
    }

    public static Answer of(MessageIndex index, MessageFilter filter, By by, long minMessages) {
        return of(index, filter, by, minMessages, java.util.Locale.CHINESE);
    }

    /** The ranking with its formula in words of {@code language}: Chinese unless English is asked for. */
    public static Answer of(MessageIndex index, MessageFilter filter, By by, long minMessages,
                            java.util.Locale language) {
        List<IndexedMessage> all = new ArrayList<>();
        index.scan(filter, all::add);
        all.sort((a, b) -> compare(a.message(), b.message()));
        Map<String, List<IndexedMessage>> earlier = new LinkedHashMap<>();
        Map<String, Tally> tallies = new TreeMap<>();
        for (IndexedMessage m : all) {
            List<String> domains = m.analysis().profile().domains();
            boolean repeat = false;
            for (String domain : domains) {
                String key = domain + "\u0000" + m.region();
                List<IndexedMessage> before = earlier.computeIfAbsent(key, k -> new ArrayList<>());
                repeat |= before.stream().anyMatch(e -> isRepeat(e, m));
                before.add(m);
            }
            for (String name : names(m, by)) {
                Tally t = tallies.computeIfAbsent(name, k -> new Tally());
                add(t, m.message(), repeat);
            }
        }
        List<Row> rows = new ArrayList<>();
        tallies.forEach((name, t) -> {
            if (t.messages >= minMessages) {
                rows.add(row(name, t));
            }
        });
        rows.sort((a, b) -> Double.compare(b.index(), a.index()));
        String formula = java.util.Locale.ENGLISH.getLanguage().equals(language.getLanguage())
                ? String.format("index = 100 × (%.2f × reply rate + %.2f × share of dated replies within %d days"
                + " + %.2f × share of rated work orders satisfied + %.2f × (1 − share of repeat demands)); parts"
                + " without data drop out and the rest are re-weighted; repeat: SimHash within %d bits of a message of"
                + " the same domain and region in the %d days before", W_REPLY, W_TIMELY, TIMELY.toDays(),
                W_SATISFIED, W_NO_REPEAT, NEAR, REPEAT_WINDOW.toDays())
                : String.format("指数 = 100 × (%.2f × 答复率 + %.2f × 有答复日期者中 %d 天内答复的比例 + %.2f × 已回访工单中"
                + "满意的比例 + %.2f × (1 − 重复诉求比例))；无数据的部分不计，其余部分按权重重新归一；重复诉求：同一领域、"
                + "同一地区此前 %d 天内有 SimHash 相差不超过 %d 位的留言", W_REPLY, W_TIMELY, TIMELY.toDays(),
                W_SATISFIED, W_NO_REPEAT, REPEAT_WINDOW.toDays(), NEAR);
        return new Answer(by.name().toLowerCase(java.util.Locale.ROOT), formula, rows);
    }

    private static int compare(Message a, Message b) {
        if (a.createdAt() == null || b.createdAt() == null) {
            return a.createdAt() == null ? (b.createdAt() == null ? 0 : 1) : -1;
        }
        return a.createdAt().compareTo(b.createdAt());
    }

    private static boolean isRepeat(IndexedMessage earlier, IndexedMessage later) {
        if (earlier.message().createdAt() == null || later.message().createdAt() == null) {
            return false;
        }
        Duration gap = Duration.between(earlier.message().createdAt(), later.message().createdAt());
        return !gap.isNegative() && gap.compareTo(REPEAT_WINDOW) <= 0
                && SimHash.distance(earlier.analysis().simhash(), later.analysis().simhash()) <= NEAR;
    }

    private static List<String> names(IndexedMessage m, By by) {
        if (by == By.DOMAIN) {
            return m.analysis().profile().domains();
        }
        Message message = m.message();
        if (message.workOrder() != null && message.workOrder().department() != null) {
            return List.of(message.workOrder().department());
        }
        String agency = message.reply() == null ? null : ReplyDelays.agencyOf(message);
        // a reply that names no agency belongs to no department to rank
        return agency == null || agency.equals(ReplyDelays.UNKNOWN_AGENCY) ? List.of() : List.of(agency);
    }

    private static void add(Tally t, Message m, boolean repeat) {
        t.messages++;
        if (m.reply() != null) {
            t.replied++;
        }
        long delay = ReplyDelays.delayMillis(m);
        if (delay >= 0) {
            t.dated++;
            if (delay <= TIMELY.toMillis()) {
                t.timely++;
            }
        }
        Message.WorkOrder order = m.workOrder();
        if (order != null && order.satisfaction() != null && !order.satisfaction().isBlank()) {
            t.rated++;
            if (SATISFIED.contains(order.satisfaction().strip())) {
                t.satisfied++;
            }
        }
        if (repeat) {
            t.repeats++;
        }
    }

    static Row row(String name, Tally t) {
        double reply = (double) t.replied / t.messages;
        double timely = t.dated == 0 ? Double.NaN : (double) t.timely / t.dated;
        double satisfied = t.rated == 0 ? Double.NaN : (double) t.satisfied / t.rated;
        double repeat = (double) t.repeats / t.messages;
        double weight = W_REPLY + W_NO_REPEAT;
        double sum = W_REPLY * reply + W_NO_REPEAT * (1 - repeat);
        if (!Double.isNaN(timely)) {
            weight += W_TIMELY;
            sum += W_TIMELY * timely;
        }
        if (!Double.isNaN(satisfied)) {
            weight += W_SATISFIED;
            sum += W_SATISFIED * satisfied;
        }
        return new Row(name, t.messages, reply, timely, t.rated, satisfied, repeat, 100 * sum / weight);
    }
}
