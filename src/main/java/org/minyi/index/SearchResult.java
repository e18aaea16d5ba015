package org.minyi.index;

import java.util.List;
import java.util.Map;

/**
 * A page of hits, the total number of matches and the requested facet counts.
 *
 * @param next where the page after this one starts ({@link SearchQuery#next}), or null when this page was not full
 */
public record SearchResult(long total, int page, int size, List<SearchHit> hits,
                           Map<FacetField, List<TermCount>> facets, SearchCursor next) {

    public SearchResult {
        hits = List.copyOf(hits);
        facets = Map.copyOf(facets);
    }

    /** A page without a cursor to the next. */
    public SearchResult(long total, int page, int size, List<SearchHit> hits, Map<FacetField, List<TermCount>> facets) {
        this(total, page, size, hits, facets, null);
    }
}
