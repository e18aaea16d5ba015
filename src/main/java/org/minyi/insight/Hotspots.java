package org.minyi.insight;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import org.minyi.index.MessageFilter;
import org.minyi.index.MessageIndex;
import org.minyi.index.SearchHit;
import org.minyi.index.SearchOrder;
import org.minyi.index.SearchQuery;
import org.minyi.index.SearchResult;
import org.minyi.index.IndexedMessage;

/** Hotspots of a period read from the index: what {@code minyi hotspots}, the REST API and alerting call. */
public final class Hotspots {

    private final MessageIndex index;
    private final HotspotDetector detector;

    public Hotspots(MessageIndex index, HotspotDetector detector) {
        this.index = Objects.requireNonNull(index, "index");
        this.detector = Objects.requireNonNull(detector, "detector");
    }

    /**
     * The hottest issues among messages created in {@code [from, to)}; messages of the {@code baseline} period
     * before {@code from} are read as well, for the theme baselines of the burst check.
     */
    public List<Hotspot> between(Instant from, Instant to, Duration baseline, int limit) {
        Objects.requireNonNull(from, "from");
        Objects.requireNonNull(to, "to");
        if (limit < 1) {
            throw new IllegalArgumentException("limit must be >= 1, was " + limit);
        }
        List<IndexedMessage> messages = read(index, new MessageFilter(null, Set.of(), Set.of(), Set.of(), Set.of(),
                Set.of(), from.minus(baseline), to));
        List<Hotspot> all = detector.detect(messages, from, to);
        return all.subList(0, Math.min(limit, all.size()));
    }

    /** Every message matching the filter, oldest first, read page by page. */
    static List<IndexedMessage> read(MessageIndex index, MessageFilter filter) {
        List<IndexedMessage> messages = new ArrayList<>();
        for (int page = 0; ; page++) {
            SearchResult result = index.search(new SearchQuery(filter, SearchOrder.OLDEST, page,
                    SearchQuery.MAX_PAGE_SIZE, Set.of(), 10));
            for (SearchHit hit : result.hits()) {
                messages.add(hit.message());
            }
            if (result.hits().size() < SearchQuery.MAX_PAGE_SIZE
                    || (long) (page + 1) * SearchQuery.MAX_PAGE_SIZE >= result.total()) {
                return messages;
            }
        }
    }
}
