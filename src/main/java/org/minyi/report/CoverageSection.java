package org.minyi.report;

import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.minyi.index.FacetField;
import org.minyi.index.MessageFilter;
import org.minyi.index.MessageIndex;
import org.minyi.index.SearchQuery;
import org.minyi.index.TermCount;
import org.minyi.insight.DemandMap;
import org.minyi.insight.RegionHierarchy;
import org.minyi.report.Briefing.Sentence;

/**
 * The section on blind spots and on the regions and groups that changed most. Blind spots are the demand map's
 * ({@link DemandMap}, service domain × county): cells where needs are voiced but replies are rare or slow, and cells
 * far below what their domain and region predict; each figure is read back from {@code /api/demand-map} with the same
 * filter and thresholds. Changes are message counts per region and per group against the period before, read back as
 * search totals.
 */
final class CoverageSection {

    static final String HEADING = "盲区与变化最大的地区和群体";
    /** The template field that may place this section on its own. */
    static final String FIELD = "blindSpots";
    /** The demand map's thresholds as a briefing uses them: its own floor for a cell is the sentences' floor. */
    static final DemandMap.Settings SETTINGS = new DemandMap.Settings(0.01, 5, Sentences.MIN_BASIS);

    /** Values counted per facet when ranking changes; the stated counts are then searched one by one. */
    static final int FACET_VALUES = 1000;

    private final MessageIndex index;
    private final ZoneId zone;

    CoverageSection(MessageIndex index, ZoneId zone) {
        this.index = index;
        this.zone = zone;
    }

    /**
     * The section's sentences: at most {@code max} slow-reply and {@code max} below-expectation cells, then the
     * regions and the groups that changed most. Each period comes as the API's parameters and as the index's filter.
     *
     * @param regionsToo false when the report covers one region (its regions do not compare)
     */
    List<Sentence> sentences(Map<String, String> nowParams, MessageFilter nowFilter, Map<String, String> beforeParams,
                             MessageFilter beforeFilter, boolean regionsToo, int max) {
        List<Sentence> sentences = new ArrayList<>(blindSpots(nowParams, nowFilter, max));
        if (regionsToo) {
            sentences.addAll(changes(FacetField.REGION, "region", nowParams, nowFilter, beforeParams, beforeFilter, max));
        }
        sentences.addAll(changes(FacetField.GROUP, "group", nowParams, nowFilter, beforeParams, beforeFilter, max));
        return sentences;
    }

    private List<Sentence> blindSpots(Map<String, String> params, MessageFilter filter, int max) {
        DemandMap.Answer map = new DemandMap(index, zone).build(filter, DemandMap.Columns.REGION,
                RegionHierarchy.Level.COUNTY, SETTINGS);
        Map<String, String> query = new LinkedHashMap<>(params);
        query.put("columns", "region");
        query.put("level", "county");
        query.put("alpha", String.valueOf(SETTINGS.alpha()));
        query.put("minExpected", String.valueOf(SETTINGS.minExpected()));
        query.put("minCount", String.valueOf(SETTINGS.minCount()));
        List<Sentence> sentences = new ArrayList<>();
        for (DemandMap.SlowReply slow : map.slowReplies()) {
            if (sentences.size() >= max) {
                break;
            }
            if (!stated(slow.domain(), slow.column())) {
                continue;
            }
            String at = FigureQuery.element("slowReplies", cell(slow.domain(), slow.column())) + ".";
            String name = "“" + slow.domain() + "”在" + slow.column();
            long replied = Math.round(slow.replyRate() * slow.count());
            Figure count = figure(name + " 留言数", slow.count(), Sentences.count(slow.count()), slow.count(), query,
                    at + "count");
            Figure rate = figure(name + " 答复率", slow.replyRate(), Sentences.percent(slow.replyRate()), slow.count(),
                    query, at + "replyRate");
            Figure overallRate = figure("有服务领域的留言 答复率", slow.overallReplyRate(),
                    Sentences.percent(slow.overallReplyRate()), map.messages(), query, at + "overallReplyRate");
            // a median rests on the dated replies, at most the replied messages
            Figure median = Double.isNaN(slow.medianReplyDays()) ? null : figure(name + " 答复用时中位数",
                    slow.medianReplyDays(), Sentences.days(slow.medianReplyDays()), replied, query,
                    at + "medianReplyDays");
            Figure overallMedian = Double.isNaN(slow.overallMedianReplyDays()) ? null : figure(
                    "有服务领域的留言 答复用时中位数", slow.overallMedianReplyDays(),
                    Sentences.days(slow.overallMedianReplyDays()), map.messages(), query, at + "overallMedianReplyDays");
            Sentences.slowReply(slow.domain(), slow.column(), count, rate, overallRate, median, overallMedian)
                    .ifPresent(sentences::add);
        }
        int slowOnes = sentences.size();
        for (DemandMap.BlindSpot spot : map.blindSpots()) {
            if (sentences.size() - slowOnes >= max) {
                break;
            }
            if (!stated(spot.domain(), spot.column())) {
                continue;
            }
            // the expectation rests on the region's messages with a service domain (the column margin)
            long regionMessages = map.cells().stream()
                    .filter(c -> c.column().equals(spot.column()) && !c.domain().equals("其他"))
                    .mapToLong(DemandMap.Cell::count).sum();
            String at = FigureQuery.element("blindSpots", cell(spot.domain(), spot.column())) + ".";
            String name = "“" + spot.domain() + "”在" + spot.column();
            Figure observed = figure(name + " 实际留言数", spot.observed(), Sentences.count(spot.observed()),
                    regionMessages, query, at + "observed");
            Figure expected = figure(name + " 预期留言数", spot.expected(), Sentences.decimal(spot.expected()),
                    regionMessages, query, at + "expected");
            Sentences.blindSpot(spot.domain(), spot.column(), observed, expected).ifPresent(sentences::add);
        }
        return sentences;
    }

    /** A cell that names a domain and a region (not 其他, not messages without a region). */
    private static boolean stated(String domain, String column) {
        return !domain.equals("其他") && !column.equals(DemandMap.NOT_STATED);
    }

    private static Map<String, String> cell(String domain, String column) {
        Map<String, String> fields = new LinkedHashMap<>();
        fields.put("domain", domain);
        fields.put("column", column);
        return fields;
    }

    private static Figure figure(String label, double value, String shown, long basis, Map<String, String> query,
                                 String read) {
        return new Figure(label, value, shown, basis, new FigureQuery("/api/demand-map", query, read), null);
    }

    /** The values of a facet whose message count changed most since the period before. */
    private List<Sentence> changes(FacetField field, String param, Map<String, String> nowParams,
                                   MessageFilter nowFilter, Map<String, String> beforeParams,
                                   MessageFilter beforeFilter, int max) {
        Map<String, Long> now = counts(nowFilter, field);
        Map<String, Long> before = counts(beforeFilter, field);
        Set<String> values = new TreeSet<>(now.keySet());
        values.addAll(before.keySet());
        List<String> ranked = values.stream()
                .filter(v -> Math.max(now.getOrDefault(v, 0L), before.getOrDefault(v, 0L)) >= Sentences.MIN_BASIS)
                .filter(v -> !now.getOrDefault(v, 0L).equals(before.getOrDefault(v, 0L)))
                .sorted(Comparator.comparingLong((String v) -> -Math.abs(now.getOrDefault(v, 0L)
                        - before.getOrDefault(v, 0L))).thenComparing(v -> v))
                .limit(max)
                .toList();
        List<Sentence> sentences = new ArrayList<>();
        for (String value : ranked) {
            // stated as the search the footnote names counts it (a region filter also takes in its subregions)
            String what = field == FacetField.GROUP ? "涉及“" + value + "”" : value;
            Sentences.countChange(what, count(what, "本期", narrowed(nowFilter, field, value), nowParams, param, value),
                    count(what, "上期", narrowed(beforeFilter, field, value), beforeParams, param, value))
                    .ifPresent(sentences::add);
        }
        return sentences;
    }

    private static MessageFilter narrowed(MessageFilter filter, FacetField field, String value) {
        return field == FacetField.REGION ? filter.withRegions(Set.of(value))
                : filter.withProfile(field, Set.of(value));
    }

    private Figure count(String what, String when, MessageFilter filter, Map<String, String> params, String param,
                         String value) {
        long count = index.search(new SearchQuery(filter, null, 0, 0, Set.of(), 1)).total();
        Map<String, String> query = new LinkedHashMap<>(params);
        query.put(param, value);
        return new Figure(what + "的留言 " + when + "（" + params.get("from") + "至" + params.get("to") + "）", count,
                Sentences.count(count), count, FigureQuery.count(query), null);
    }

    private Map<String, Long> counts(MessageFilter filter, FacetField field) {
        Map<String, Long> counts = new LinkedHashMap<>();
        for (TermCount term : index.search(new SearchQuery(filter, null, 0, 0, Set.of(field), FACET_VALUES)).facets()
                .getOrDefault(field, List.of())) {
            counts.put(term.term(), term.count());
        }
        return counts;
    }
}
