package org.minyi.index;

import java.util.Objects;
import java.util.Set;

/**
 * One page of a search. Pages count from 0. Facets are counted over all matching messages, not just the page.
 *
 * @param facetSize how many values to return per facet, most frequent first
 */
public record SearchQuery(MessageFilter filter, SearchOrder order, int page, int size, Set<FacetField> facets,
                          int facetSize) {

    public static final int MAX_PAGE_SIZE = 200;

    public SearchQuery {
        Objects.requireNonNull(filter, "filter");
        order = order == null ? SearchOrder.RELEVANCE : order;
        if (page < 0) {
            throw new IllegalArgumentException("page must be >= 0, was " + page);
        }
        if (size < 0 || size > MAX_PAGE_SIZE) {
            throw new IllegalArgumentException("page size must be 0.." + MAX_PAGE_SIZE + ", was " + size);
        }
        facets = facets == null ? Set.of() : Set.copyOf(facets);
        if (facetSize < 1 || facetSize > 1000) {
            throw new IllegalArgumentException("facet size must be 1..1000, was " + facetSize);
        }
    }

    public static SearchQuery of(MessageFilter filter) {
        return new SearchQuery(filter, SearchOrder.RELEVANCE, 0, 20, Set.of(), 10);
    }
}
