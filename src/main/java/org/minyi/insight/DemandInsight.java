package org.minyi.insight;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import org.minyi.index.DemandCount;
import org.minyi.index.FacetField;
import org.minyi.index.MessageFilter;
import org.minyi.index.MessageIndex;
import org.minyi.index.SearchQuery;
import org.minyi.index.SearchResult;
import org.minyi.index.TermCount;

/**
 * Demand insight over the index: top demands per topic and region, the region × topic matrix (from facet counts,
 * one search per topic) and regions far below their peers for a topic.
 */
public final class DemandInsight {

    private static final int MAX_FACET_VALUES = 1000;
    private static final int EXAMPLES = 3;
    private static final int REGIONS_SHOWN = 3;

    private final MessageIndex index;

    public DemandInsight(MessageIndex index) {
        this.index = Objects.requireNonNull(index, "index");
    }

    /**
     * How many messages must share a phrase for it to rank as a demand, by default. Read by hand on the topic lists
     * of attachment 3 that no rule was written from (guide §8), a phrase that one message alone yields is a real,
     * distinct ask about half the time (23 of 54): a slip of the rules on an odd sentence. One that two or more
     * messages share was real 9 of 10 times there, and 91 of 95 on the lists the rules were checked on. A phrase
     * said once is still the message's demand key (search, facets); it is only left out of rankings.
     */
    public static final int SHARED_BY = 2;

    /**
     * Most frequent demands among messages of the filter narrowed to a topic and/or region (null = any), each
     * shared by at least {@code minMessages} messages.
     */
    public List<DemandCount> topDemands(MessageFilter filter, String topic, String region, int limit,
            int minMessages) {
        MessageFilter narrowed = filter.withTopics(topic == null ? filter.topics() : Set.of(topic))
                .withRegions(region == null ? filter.regions() : Set.of(region));
        return shared(index.topDemands(narrowed, limit), minMessages);
    }

    /**
     * The most frequent demands of the filter shared by at least {@code minMessages} messages, each with its
     * regions, monthly trend and newest messages: three more index reads per demand, which a top-10 list affords.
     */
    public List<DemandSummary> topDemandsInDetail(MessageFilter filter, int limit, int minMessages) {
        List<DemandSummary> summaries = new ArrayList<>();
        for (org.minyi.index.DemandCount demand : shared(index.topDemands(filter, limit), minMessages)) {
            MessageFilter asking = new MessageFilter(filter.text(), filter.topics(), filter.sentiments(),
                    filter.regions(), filter.channels(), filter.sources(), filter.from(), filter.to(), filter.scope(),
                    filter.ids(), filter.agencies(), Set.of(demand.demandKey()));
            SearchResult newest = index.search(new SearchQuery(asking, org.minyi.index.SearchOrder.NEWEST, 0,
                    EXAMPLES, Set.of(FacetField.REGION), REGIONS_SHOWN));
            List<org.minyi.index.TrendPoint> months = index.trends(new org.minyi.index.TrendQuery(asking,
                            org.minyi.index.TrendInterval.MONTH, org.minyi.index.TrendSplit.NONE, 1))
                    .stream().findFirst().map(org.minyi.index.TrendSeries::points).orElse(List.of());
            summaries.add(new DemandSummary(demand.demandKey(), demand.count(), demand.example(),
                    newest.facets().getOrDefault(FacetField.REGION, List.of()), months, trend(months),
                    newest.hits().stream().map(hit -> hit.message().id()).toList()));
        }
        return summaries;
    }

    /**
     * The demands of a ranking shared by at least {@code minMessages} messages. The ranking is by count, most first,
     * so those are its head and nothing it left out beyond the limit could qualify.
     */
    private static List<DemandCount> shared(List<DemandCount> ranked, int minMessages) {
        if (minMessages < 1) {
            throw new IllegalArgumentException("minMessages must be at least 1, was " + minMessages);
        }
        return ranked.stream().filter(d -> d.count() >= minMessages).toList();
    }

    /** The last month against the mean of the earlier months: a third more or less is a change. */
    static String trend(List<org.minyi.index.TrendPoint> months) {
        if (months.size() < 2) {
            return "新出现";
        }
        double last = months.getLast().count();
        double before = months.subList(0, months.size() - 1).stream()
                .mapToLong(org.minyi.index.TrendPoint::count).average().orElse(0);
        if (last > before * 4 / 3) {
            return "上升";
        }
        return last < before * 2 / 3 ? "下降" : "平稳";
    }

    /** Counts of matching messages per region and topic; messages without a region or topic are not counted. */
    public RegionTopicMatrix matrix(MessageFilter filter) {
        List<String> topics = facet(filter, FacetField.TOPIC).stream().map(TermCount::term).toList();
        Map<String, Map<String, Long>> counts = new LinkedHashMap<>();
        Set<String> regions = new LinkedHashSet<>();
        for (String topic : topics) {
            MessageFilter ofTopic = filter.withTopics(Set.of(topic));
            for (TermCount cell : facet(ofTopic, FacetField.REGION)) {
                regions.add(cell.term());
                counts.computeIfAbsent(cell.term(), r -> new LinkedHashMap<>()).put(topic, cell.count());
            }
        }
        return new RegionTopicMatrix(new ArrayList<>(regions), topics, counts);
    }

    /**
     * Region/topic cells whose count is at most {@code maxRatio} of what the region's own volume and the topic's
     * share among the other regions predict, where at least {@code minExpected} messages were expected (so tiny
     * regions are not flagged for noise). Lowest ratio first.
     */
    public static List<BlindSpot> blindSpots(RegionTopicMatrix matrix, double maxRatio, double minExpected) {
        List<BlindSpot> spots = new ArrayList<>();
        long total = matrix.total();
        for (String topic : matrix.topics()) {
            long topicTotal = matrix.topicTotal(topic);
            for (String region : matrix.regions()) {
                long regionTotal = matrix.regionTotal(region);
                long observed = matrix.count(region, topic);
                long peersTotal = total - regionTotal;
                if (peersTotal <= 0) {
                    continue;
                }
                double peerShare = (double) (topicTotal - observed) / peersTotal;
                double expected = regionTotal * peerShare;
                double ratio = observed / expected;
                if (expected >= minExpected && ratio <= maxRatio) {
                    spots.add(new BlindSpot(region, topic, observed, expected, ratio, String.format(Locale.ROOT,
                            "%s has %d %s messages; with its %d messages and the topic's %.1f%% share among the "
                                    + "other regions (%d of %d) about %.1f were expected (ratio %.2f)",
                            region, observed, topic, regionTotal, 100 * peerShare, topicTotal - observed,
                            peersTotal, expected, ratio)));
                }
            }
        }
        spots.sort(Comparator.comparingDouble(BlindSpot::ratio).thenComparing(BlindSpot::region)
                .thenComparing(BlindSpot::topic));
        return spots;
    }

    private List<TermCount> facet(MessageFilter filter, FacetField field) {
        SearchResult result = index.search(new SearchQuery(filter, null, 0, 0, Set.of(field), MAX_FACET_VALUES));
        return result.facets().getOrDefault(field, List.of());
    }
}
