package org.minyi.insight;

import java.util.Collection;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.minyi.index.DemandCount;
import org.minyi.index.FacetField;
import org.minyi.index.IndexedMessage;
import org.minyi.index.MessageFilter;
import org.minyi.index.MessageIndex;
import org.minyi.index.SearchHit;
import org.minyi.index.SearchQuery;
import org.minyi.index.SearchResult;
import org.minyi.index.TermCount;
import org.minyi.index.TrendQuery;
import org.minyi.index.TrendSeries;

/**
 * A list standing in for the index in specifications: filters on topics, regions and time range, pages oldest
 * first, counts topic and region facets and demand keys. Only what the insight package reads.
 */
final class ListIndex implements MessageIndex {

    private final List<IndexedMessage> messages;

    ListIndex(List<IndexedMessage> messages) {
        this.messages = messages.stream().sorted(Comparator.comparing(m -> m.message().createdAt())).toList();
    }

    private List<IndexedMessage> matching(MessageFilter f) {
        return messages.stream()
                .filter(m -> f.topics().isEmpty() || f.topics().contains(m.analysis().topic()))
                .filter(m -> f.regions().isEmpty() || f.regions().contains(m.region()))
                .filter(m -> f.from() == null || !m.message().createdAt().isBefore(f.from()))
                .filter(m -> f.to() == null || m.message().createdAt().isBefore(f.to()))
                .filter(m -> f.demandKeys().isEmpty() || f.demandKeys().contains(m.analysis().demandKey()))
                .toList();
    }

    @Override
    public Optional<float[]> vector(String id) {
        throw new UnsupportedOperationException();
    }

    @Override
    public List<org.minyi.index.Neighbour> nearest(float[] vector, MessageFilter filter, int k) {
        throw new UnsupportedOperationException();
    }

    @Override
    public void scan(MessageFilter filter, java.util.function.Consumer<? super IndexedMessage> action) {
        matching(filter).forEach(action);
    }

    @Override
    public void scanSummaries(MessageFilter filter, java.util.function.Consumer<? super IndexedMessage> action) {
        matching(filter).forEach(m -> action.accept(m.summary()));
    }

    @Override
    public SearchResult search(SearchQuery query) {
        List<IndexedMessage> all = matching(query.filter());
        if (query.order() == org.minyi.index.SearchOrder.NEWEST) {
            all = all.stream().sorted(java.util.Comparator.comparing((IndexedMessage m) -> m.message().createdAt())
                    .reversed()).toList();
        }
        List<SearchHit> page = all.stream().skip((long) query.page() * query.size()).limit(query.size())
                .map(m -> new SearchHit(m, 1f, null, null)).toList();
        Map<FacetField, List<TermCount>> facets = new LinkedHashMap<>();
        for (FacetField field : query.facets()) {
            Function<IndexedMessage, String> value = switch (field) {
                case TOPIC -> m -> m.analysis().topic();
                case REGION -> IndexedMessage::region;
                default -> throw new UnsupportedOperationException(field.key());
            };
            facets.put(field, count(all, value));
        }
        return new SearchResult(all.size(), query.page(), query.size(), page, facets);
    }

    @Override
    public List<DemandCount> topDemands(MessageFilter filter, int limit) {
        return count(matching(filter), m -> m.analysis().demandKey()).stream().limit(limit)
                .map(t -> new DemandCount(t.term(), t.count(), t.term())).toList();
    }

    @Override
    public List<org.minyi.index.ReplyDelays> replyDelays(MessageFilter filter, int maxAgencies) {
        throw new UnsupportedOperationException("the insight package does not read reply delays");
    }

    private static List<TermCount> count(List<IndexedMessage> messages, Function<IndexedMessage, String> value) {
        return messages.stream().map(value).filter(v -> v != null)
                .collect(Collectors.groupingBy(v -> v, Collectors.counting()))
                .entrySet().stream()
                .sorted(Map.Entry.<String, Long>comparingByValue().reversed().thenComparing(Map.Entry.comparingByKey()))
                .map(e -> new TermCount(e.getKey(), e.getValue())).toList();
    }

    @Override
    public void upsert(Collection<IndexedMessage> batch) {
        throw new UnsupportedOperationException();
    }

    @Override
    public boolean delete(String id) {
        throw new UnsupportedOperationException();
    }

    @Override
    public Optional<IndexedMessage> get(String id) {
        return messages.stream().filter(m -> m.id().equals(id)).findFirst();
    }

    @Override
    public void refresh() {
    }

    @Override
    public void commit() {
    }

    @Override
    public long count() {
        return messages.size();
    }

    @Override
    public List<TrendSeries> trends(TrendQuery query) {
        // monthly totals only (UTC months), what the insight package asks of a demand
        if (query.interval() != org.minyi.index.TrendInterval.MONTH
                || query.split() != org.minyi.index.TrendSplit.NONE) {
            throw new UnsupportedOperationException("the list index counts months without a split");
        }
        java.util.TreeMap<java.time.LocalDate, Long> months = new java.util.TreeMap<>();
        for (IndexedMessage m : matching(query.filter())) {
            months.merge(m.message().createdAt().atZone(java.time.ZoneOffset.UTC).toLocalDate().withDayOfMonth(1),
                    1L, Long::sum);
        }
        List<org.minyi.index.TrendPoint> points = months.entrySet().stream()
                .map(e -> new org.minyi.index.TrendPoint(e.getKey(), e.getValue(), 0)).toList();
        return List.of(new TrendSeries("all", points.stream().mapToLong(org.minyi.index.TrendPoint::count).sum(),
                points));
    }

    @Override
    public void scanIssueMembers(java.util.Set<String> issues, MessageFilter filter,
                                 java.util.function.Consumer<? super org.minyi.index.IssueMember> action) {
        matching(filter).stream().filter(m -> m.issue() != null && issues.contains(m.issue()))
                .forEach(m -> action.accept(org.minyi.index.IssueMember.of(m)));
    }

    /** Counted as the indices count: most first, ties by issue id. */
    @Override
    public List<TermCount> topIssues(MessageFilter filter, int limit) {
        java.util.Map<String, Long> counts = new java.util.TreeMap<>();
        matching(filter).stream().filter(m -> m.issue() != null).forEach(m -> counts.merge(m.issue(), 1L, Long::sum));
        return counts.entrySet().stream()
                .sorted(java.util.Map.Entry.<String, Long>comparingByValue().reversed())
                .limit(limit).map(e -> new TermCount(e.getKey(), e.getValue())).toList();
    }

    @Override
    public List<TermCount> topKeywords(MessageFilter filter, int limit) {
        throw new UnsupportedOperationException();
    }

    @Override
    public org.minyi.index.IndexHealth checkHealth() {
        return new org.minyi.index.IndexHealth(true, "memory", messages.size(), "a list in memory", "");
    }

    @Override
    public void close() {
    }
}
