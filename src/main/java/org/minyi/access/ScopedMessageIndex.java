package org.minyi.access;

import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;
import org.minyi.index.DemandCount;
import org.minyi.index.IndexedMessage;
import org.minyi.index.MessageFilter;
import org.minyi.index.MessageIndex;
import org.minyi.index.ReplyDelays;
import org.minyi.index.SearchQuery;
import org.minyi.index.SearchResult;
import org.minyi.index.TermCount;
import org.minyi.index.TrendQuery;
import org.minyi.index.TrendSeries;

/**
 * An index seen through a {@link Jurisdiction}: every filter passed in gets the reader's regions as its scope before
 * it reaches the index, so code that builds its own filters (the region × topic matrix, hotspots) stays inside the
 * jurisdiction without knowing of it. A message outside is as absent as one never indexed. Read-only.
 *
 * <p>A method added to {@link MessageIndex} must be added here too — the compiler insists, which is the point: a
 * read that bypassed the scope would show a district office other districts' messages.
 */
final class ScopedMessageIndex implements MessageIndex {

    private final MessageIndex index;
    private final Jurisdiction jurisdiction;

    ScopedMessageIndex(MessageIndex index, Jurisdiction jurisdiction) {
        this.index = index;
        this.jurisdiction = jurisdiction;
    }

    private MessageFilter scoped(MessageFilter filter) {
        return jurisdiction.apply(filter);
    }

    @Override
    public Optional<IndexedMessage> get(String id) {
        return index.get(id).filter(jurisdiction::covers);
    }

    @Override
    public long count() {
        return index.search(new SearchQuery(scoped(MessageFilter.ALL), null, 0, 0, Set.of(), 1)).total();
    }

    @Override
    public SearchResult search(SearchQuery query) {
        return index.search(new SearchQuery(scoped(query.filter()), query.order(), query.page(), query.size(),
                query.facets(), query.facetSize(), query.after()));
    }

    @Override
    public Optional<float[]> vector(String id) {
        return get(id).isPresent() ? index.vector(id) : Optional.empty();
    }

    @Override
    public List<org.minyi.index.Neighbour> nearest(float[] vector, MessageFilter filter, int k) {
        return index.nearest(vector, scoped(filter), k);
    }

    @Override
    public void scan(MessageFilter filter, Consumer<? super IndexedMessage> action) {
        index.scan(scoped(filter), action);
    }

    @Override
    public void scanSummaries(MessageFilter filter, Consumer<? super IndexedMessage> action) {
        index.scanSummaries(scoped(filter), action);
    }

    @Override
    public List<TrendSeries> trends(TrendQuery query) {
        return index.trends(new TrendQuery(scoped(query.filter()), query.interval(), query.split(),
                query.maxSeries()));
    }

    @Override
    public void scanIssueMembers(java.util.Set<String> issues, MessageFilter filter,
                                 Consumer<? super org.minyi.index.IssueMember> action) {
        index.scanIssueMembers(issues, scoped(filter), action);
    }

    @Override
    public List<TermCount> topIssues(MessageFilter filter, int limit) {
        return index.topIssues(scoped(filter), limit);
    }

    @Override
    public List<TermCount> topKeywords(MessageFilter filter, int limit) {
        return index.topKeywords(scoped(filter), limit);
    }

    @Override
    public List<DemandCount> topDemands(MessageFilter filter, int limit) {
        return index.topDemands(scoped(filter), limit);
    }

    @Override
    public List<ReplyDelays> replyDelays(MessageFilter filter, int maxAgencies) {
        return index.replyDelays(scoped(filter), maxAgencies);
    }

    @Override
    public void upsert(Collection<IndexedMessage> messages) {
        throw readOnly();
    }

    @Override
    public boolean delete(String id) {
        throw readOnly();
    }

    @Override
    public void refresh() {
        index.refresh();
    }

    @Override
    public void commit() {
        throw readOnly();
    }

    /** Refused: the health of the index speaks of every region's messages. */
    @Override
    public org.minyi.index.IndexHealth checkHealth() {
        throw new UnsupportedOperationException("the index's health covers every region; a user bound to regions "
                + "cannot check it");
    }

    @Override
    public void close() {
        // the underlying index belongs to the service
    }

    private static UnsupportedOperationException readOnly() {
        return new UnsupportedOperationException("a reader's view of the index cannot write");
    }
}
