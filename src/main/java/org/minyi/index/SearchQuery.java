package org.minyi.index;

import java.util.Objects;
import java.util.Set;

/**
 * One page of a search. Pages count from 0 and reach at most {@value #MAX_WINDOW} hits deep; further pages are read
 * with {@code after}, the {@link SearchResult#next() next} cursor of the page before. Facets are counted over all
 * matching messages, not just the page.
 *
 * @param facetSize how many values to return per facet, most frequent first
 * @param after     where the page starts (search-after), or null to start at {@code page}; page must then be 0
 */
public record SearchQuery(MessageFilter filter, SearchOrder order, int page, int size, Set<FacetField> facets,
                          int facetSize, SearchCursor after) {

    public static final int MAX_PAGE_SIZE = 200;
    /**
     * How deep pages numbers reach: (page + 1) × size at most. An index collects every hit up to the end of the page
     * asked for, so a page number of a billion made one request allocate gigabytes; Elasticsearch refuses past this
     * depth as well.
     */
    public static final int MAX_WINDOW = 10_000;

    public SearchQuery {
        Objects.requireNonNull(filter, "filter");
        order = order == null ? SearchOrder.RELEVANCE : order;
        if (page < 0) {
            throw new IllegalArgumentException("page must be >= 0, was " + page);
        }
        if (size < 0 || size > MAX_PAGE_SIZE) {
            throw new IllegalArgumentException("page size must be 0.." + MAX_PAGE_SIZE + ", was " + size);
        }
        if ((page + 1L) * size > MAX_WINDOW) {
            throw new IllegalArgumentException(String.format("page %d of size %d reaches past hit %,d, the deepest a "
                    + "page number goes; page on with 'after' set to the 'next' of the page before instead", page, size,
                    MAX_WINDOW));
        }
        if (after != null && page != 0) {
            throw new IllegalArgumentException("give either a page number or 'after', not both");
        }
        if (after != null && after.order() != order) {
            throw SearchCursor.bad();
        }
        facets = facets == null ? Set.of() : Set.copyOf(facets);
        if (facetSize < 1 || facetSize > 1000) {
            throw new IllegalArgumentException("facet size must be 1..1000, was " + facetSize);
        }
    }

    /** A page by number, no cursor. */
    public SearchQuery(MessageFilter filter, SearchOrder order, int page, int size, Set<FacetField> facets,
                       int facetSize) {
        this(filter, order, page, size, facets, facetSize, null);
    }

    /** The page of the same search that follows {@code previous}, or null when that was the last. */
    public SearchQuery next(SearchResult previous) {
        return previous.next() == null ? null
                : new SearchQuery(filter, order, 0, size, facets, facetSize, previous.next());
    }

    public static SearchQuery of(MessageFilter filter) {
        return new SearchQuery(filter, SearchOrder.RELEVANCE, 0, 20, Set.of(), 10);
    }
}
