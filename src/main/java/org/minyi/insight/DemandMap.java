package org.minyi.insight;

import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import org.minyi.analysis.DemandProfile;
import org.minyi.index.IndexedMessage;
import org.minyi.index.MessageFilter;
import org.minyi.index.MessageIndex;
import org.minyi.index.ReplyDelays;
import org.minyi.message.Message;

/**
 * The public-service demand map: messages by service domain (rows) against one other dimension — life stage, group,
 * region (at one level of the hierarchy), urban/rural or month — with, per cell, the count, its share of the domain,
 * the mean attitude, the reply rate, the median reply delay and work-order satisfaction where orders carry it; the
 * urban–rural gap per domain; and blind spots: cells far below what their row and column predict, and cells where
 * needs are voiced but replies are rare or slow. Every figure comes with the filter that opens its messages.
 */
public final class DemandMap {

    /** The dimension set against the domains. */
    public enum Columns {
        STAGE, GROUP, REGION, AREA, MONTH;

        public static Columns parse(String value) {
            try {
                return valueOf(value.strip().toUpperCase(java.util.Locale.ROOT));
            } catch (RuntimeException e) {
                throw new IllegalArgumentException("unknown columns '" + value
                        + "'; expected stage, group, region, area or month");
            }
        }
    }

    /** The column of messages the dimension says nothing about (no stage named, no area told). */
    public static final String NOT_STATED = "未提及";
    /** Satisfaction values counted as satisfied. */
    private static final List<String> SATISFIED = List.of("满意", "非常满意", "基本满意", "比较满意");

    /**
     * @param domain           row
     * @param column           column value
     * @param count            messages
     * @param share            count / the domain's messages
     * @param meanAttitude     mean attitude score (−1..1)
     * @param replyRate        share of the messages with a reply
     * @param medianReplyDays  median days from message to dated reply, NaN without one
     * @param rated            messages whose work order carries a satisfaction value
     * @param satisfaction     share of those satisfied (满意, 基本满意 …), NaN when none is rated
     * @param drill            the search parameters that open the cell's messages
     */
    public record Cell(String domain, String column, long count, double share, double meanAttitude, double replyRate,
                       double medianReplyDays, long rated, double satisfaction, Map<String, String> drill) {
    }

    /**
     * @param rural rural messages of the domain per 1,000 rural messages, urban likewise, and rural / urban with its
     *              95 % interval ({@link RateRatio})
     */
    public record Gap(String domain, long ruralCount, long urbanCount, RateRatio rural) {
    }

    /**
     * A cell far below its peers: expected = row total × column total / grand total (independence of domain and
     * column); p = P(X ≤ observed) for X ~ Poisson(expected); z = (observed − expected) / √expected.
     */
    public record BlindSpot(String domain, String column, long observed, double expected, double p, double z,
                            Map<String, String> drill) {
    }

    /** A cell with needs voiced but replies rare or slow, with the overall figures it is compared with. */
    public record SlowReply(String domain, String column, long count, double replyRate, double overallReplyRate,
                            double medianReplyDays, double overallMedianReplyDays, String why,
                            Map<String, String> drill) {
    }

    /** The whole answer, with the methods in words. */
    public record Answer(Columns columns, String level, long messages, List<String> domains, List<String> columnValues,
                         List<Cell> cells, List<Gap> urbanRural, List<BlindSpot> blindSpots,
                         List<SlowReply> slowReplies, Map<String, String> methods) {
    }

    /** Thresholds of the blind-spot and slow-reply lists. */
    public record Settings(double alpha, double minExpected, long minCount) {
        public static Settings defaults() {
            return new Settings(0.01, 5, 10);
        }
    }

    private final MessageIndex index;
    private final ZoneId zone;

    public DemandMap(MessageIndex index, ZoneId zone) {
        this.index = index;
        this.zone = zone;
    }

    /** Accumulates one cell. */
    private static final class Tally {
        long count;
        double attitude;
        long replied;
        final List<Long> delays = new ArrayList<>();
        long rated;
        long satisfied;

        void add(IndexedMessage m) {
            count++;
            attitude += m.analysis().sentimentScore();
            Message message = m.message();
            if (message.reply() != null) {
                replied++;
            }
            long delay = ReplyDelays.delayMillis(message);
            if (delay >= 0) {
                delays.add(delay);
            }
            Message.WorkOrder order = message.workOrder();
            if (order != null && order.satisfaction() != null && !order.satisfaction().isBlank()) {
                rated++;
                if (SATISFIED.contains(order.satisfaction().strip())) {
                    satisfied++;
                }
            }
        }

        double replyRate() {
            return count == 0 ? 0 : (double) replied / count;
        }

        double medianDays() {
            if (delays.isEmpty()) {
                return Double.NaN;
            }
            long[] sorted = delays.stream().mapToLong(Long::longValue).sorted().toArray();
            int n = sorted.length;
            double ms = n % 2 == 1 ? sorted[n / 2] : (sorted[n / 2 - 1] + sorted[n / 2]) / 2.0;
            return ms / 86_400_000.0;
        }
    }

    public Answer build(MessageFilter filter, Columns columns, RegionHierarchy.Level level, Settings settings) {
        return build(filter, columns, level, settings, java.util.Locale.CHINESE);
    }

    /** The map with its methods (and reasons) in words of {@code language}: Chinese unless English is asked for. */
    public Answer build(MessageFilter filter, Columns columns, RegionHierarchy.Level level, Settings settings,
                        java.util.Locale language) {
        boolean english = java.util.Locale.ENGLISH.getLanguage().equals(language.getLanguage());
        Map<String, Map<String, Tally>> table = new TreeMap<>();
        Map<String, Tally> rowTotals = new TreeMap<>();
        TreeSet<String> columnValues = new TreeSet<>();
        Tally all = new Tally();
        long[] rural = new long[1];
        long[] urban = new long[1];
        Map<String, long[]> areaByDomain = new TreeMap<>();
        index.scan(filter, m -> {
            DemandProfile p = m.analysis().profile();
            if (p.domains().isEmpty()) {
                return;
            }
            all.add(m);
            if (DemandProfile.RURAL.equals(p.area())) {
                rural[0]++;
            } else if (DemandProfile.URBAN.equals(p.area())) {
                urban[0]++;
            }
            List<String> values = columnValues(m, columns, level);
            for (String domain : p.domains()) {
                rowTotals.computeIfAbsent(domain, k -> new Tally()).add(m);
                long[] sides = areaByDomain.computeIfAbsent(domain, k -> new long[2]);
                if (DemandProfile.RURAL.equals(p.area())) {
                    sides[0]++;
                } else if (DemandProfile.URBAN.equals(p.area())) {
                    sides[1]++;
                }
                for (String value : values) {
                    table.computeIfAbsent(domain, k -> new TreeMap<>()).computeIfAbsent(value, k -> new Tally()).add(m);
                    columnValues.add(value);
                }
            }
        });
        List<String> domains = rowTotals.entrySet().stream()
                .sorted((a, b) -> Long.compare(b.getValue().count, a.getValue().count)).map(Map.Entry::getKey).toList();
        List<Cell> cells = new ArrayList<>();
        for (String domain : domains) {
            long rowCount = rowTotals.get(domain).count;
            table.get(domain).forEach((value, t) -> cells.add(new Cell(domain, value, t.count,
                    (double) t.count / rowCount, t.attitude / t.count, t.replyRate(), t.medianDays(), t.rated,
                    t.rated == 0 ? Double.NaN : (double) t.satisfied / t.rated, drill(domain, columns, value))));
        }
        List<Gap> gaps = new ArrayList<>();
        for (String domain : domains) {
            long[] sides = areaByDomain.get(domain);
            gaps.add(new Gap(domain, sides[0], sides[1], RateRatio.of(sides[0], rural[0], sides[1], urban[0])));
        }
        Map<String, String> methods = new LinkedHashMap<>();
        if (english) {
            methods.put("rows", "service domains of the domain model; a message with several domains counts in each");
            methods.put("share", "cell count / the domain's messages");
            methods.put("urbanRural", String.format("rate per 1,000 messages of that side (rural %d, urban %d"
                    + " messages with an area told); ratio rural/urban with a 95%% interval by the normal approximation"
                    + " of the log rate ratio (Katz: se = sqrt(1/a - 1/n + 1/b - 1/m))", rural[0], urban[0]));
            methods.put("blindSpots", String.format("expected = row total x column total / grand total (domain and"
                    + " column independent; %s, regions broader than the level and other left out); listed when"
                    + " expected >= %.0f and P(X <= observed) < %.3g for X ~ Poisson(expected); z = (observed -"
                    + " expected) / sqrt(expected)", NOT_STATED, settings.minExpected(), settings.alpha()));
            methods.put("slowReplies", String.format("cells of at least %d messages whose reply rate is under half"
                    + " the overall %.3f, or whose median reply delay is over twice the overall %.1f days",
                    settings.minCount(), all.replyRate(), all.medianDays()));
            methods.put("satisfaction", "share of work orders rated " + String.join("/", SATISFIED)
                    + " among those with a satisfaction value");
        } else {
            methods.put("rows", "行为领域模型给出的公共服务领域；一条留言属于多个领域时，在每个领域各计一次");
            methods.put("share", "单元格留言数 ÷ 该领域留言数");
            methods.put("urbanRural", String.format("各方每千条留言中的比率（标明城乡的留言：农村 %d 条，城镇 %d 条）；"
                    + "农村÷城镇比率的 95%% 区间取对数比率的正态近似（Katz 法：se = sqrt(1/a - 1/n + 1/b - 1/m)）",
                    rural[0], urban[0]));
            methods.put("blindSpots", String.format("预期 = 行合计 × 列合计 ÷ 总计（假定领域与列相互独立；不计%s、"
                    + "比所选层级更宽的地区和“其他”）；预期 ≥ %.0f 且 X ~ 泊松分布（Poisson，均值为预期）下 P(X ≤ 实际) < %.3g"
                    + " 时列出；z = (实际 − 预期) ÷ sqrt(预期)", NOT_STATED, settings.minExpected(), settings.alpha()));
            methods.put("slowReplies", String.format("留言不少于 %d 条、答复率低于总体 %.3f 的一半，或答复中位天数超过总体"
                    + " %.1f 天两倍的单元格", settings.minCount(), all.replyRate(), all.medianDays()));
            methods.put("satisfaction", "有满意度评价的工单中评为" + String.join("/", SATISFIED) + "的比例");
        }
        return new Answer(columns, columns == Columns.REGION ? level.name().toLowerCase(java.util.Locale.ROOT) : null,
                all.count, domains, List.copyOf(columnValues), cells, gaps,
                blindSpots(table, columns, settings), slowReplies(table, columns, all, settings, english), methods);
    }

    private List<String> columnValues(IndexedMessage m, Columns columns, RegionHierarchy.Level level) {
        DemandProfile p = m.analysis().profile();
        List<String> values = switch (columns) {
            case STAGE -> p.stageLabels();
            case GROUP -> p.groupLabels();
            case AREA -> p.area() == null ? List.of() : List.of(p.area());
            case REGION -> {
                String region = RegionHierarchy.at(m.region(), level);
                yield region == null ? List.of() : List.of(region);
            }
            case MONTH -> m.message().createdAt() == null ? List.of()
                    : List.of(ZonedDateTime.ofInstant(m.message().createdAt(), zone).toLocalDate().withDayOfMonth(1)
                    .toString().substring(0, 7));
        };
        return values.isEmpty() ? List.of(NOT_STATED) : values;
    }

    private static Map<String, String> drill(String domain, Columns columns, String value) {
        Map<String, String> drill = new LinkedHashMap<>();
        drill.put("domain", domain);
        if (value.equals(NOT_STATED)) {
            return drill;
        }
        switch (columns) {
            case STAGE -> drill.put("stage", value);
            case GROUP -> drill.put("group", value);
            case AREA -> drill.put("area", value);
            case REGION -> {
                if (!value.endsWith(RegionHierarchy.UNSPLIT_SUFFIX)) {
                    drill.put("region", value);
                } else {
                    drill.put("region", value.substring(0, value.length() - RegionHierarchy.UNSPLIT_SUFFIX.length()));
                }
            }
            case MONTH -> {
                java.time.YearMonth month = java.time.YearMonth.parse(value);
                drill.put("from", month.atDay(1).toString());
                drill.put("to", month.atEndOfMonth().toString());
            }
        }
        return drill;
    }

    private static List<BlindSpot> blindSpots(Map<String, Map<String, Tally>> table, Columns columns,
                                              Settings settings) {
        Map<String, Long> rows = new TreeMap<>();
        Map<String, Long> cols = new TreeMap<>();
        long total = 0;
        for (var row : table.entrySet()) {
            if (row.getKey().equals("其他")) {
                continue;
            }
            for (var cell : row.getValue().entrySet()) {
                if (cell.getKey().equals(NOT_STATED) || cell.getKey().endsWith(RegionHierarchy.UNSPLIT_SUFFIX)) {
                    continue; // no peer of the others: nothing said, or a broader region than the column's level
                }
                rows.merge(row.getKey(), cell.getValue().count, Long::sum);
                cols.merge(cell.getKey(), cell.getValue().count, Long::sum);
                total += cell.getValue().count;
            }
        }
        List<BlindSpot> out = new ArrayList<>();
        if (total == 0) {
            return out;
        }
        for (var row : rows.entrySet()) {
            for (var col : cols.entrySet()) {
                double expected = (double) row.getValue() * col.getValue() / total;
                Tally t = table.get(row.getKey()).get(col.getKey());
                long observed = t == null ? 0 : t.count;
                if (expected < settings.minExpected() || observed >= expected) {
                    continue;
                }
                double p = PoissonTail.atMost(observed, expected);
                if (p < settings.alpha()) {
                    out.add(new BlindSpot(row.getKey(), col.getKey(), observed, expected, p,
                            (observed - expected) / Math.sqrt(expected), drill(row.getKey(), columns, col.getKey())));
                }
            }
        }
        out.sort((a, b) -> Double.compare(a.p(), b.p()));
        return out;
    }

    private static List<SlowReply> slowReplies(Map<String, Map<String, Tally>> table, Columns columns, Tally all,
                                               Settings settings, boolean english) {
        double rate = all.replyRate();
        double median = all.medianDays();
        List<SlowReply> out = new ArrayList<>();
        table.forEach((domain, row) -> row.forEach((value, t) -> {
            if (t.count < settings.minCount()) {
                return;
            }
            List<String> why = new ArrayList<>();
            if (t.replyRate() < rate / 2) {
                why.add(String.format(english ? "reply rate %.0f%%, overall %.0f%%" : "答复率 %.0f%%，总体 %.0f%%",
                        100 * t.replyRate(), 100 * rate));
            }
            double days = t.medianDays();
            if (!Double.isNaN(days) && !Double.isNaN(median) && days > 2 * median) {
                why.add(String.format(english ? "median reply %.1f days, overall %.1f days" : "答复中位 %.1f 天，总体 %.1f 天",
                        days, median));
            }
            if (!why.isEmpty()) {
                out.add(new SlowReply(domain, value, t.count, t.replyRate(), rate, days, median,
                        String.join(english ? "; " : "；", why), drill(domain, columns, value)));
            }
        }));
        out.sort((a, b) -> Long.compare(b.count(), a.count()));
        return out;
    }
}
