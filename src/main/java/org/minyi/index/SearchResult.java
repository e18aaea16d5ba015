package org.minyi.index;

import java.util.List;
import java.util.Map;

/** A page of hits, the total number of matches and the requested facet counts. */
public record SearchResult(long total, int page, int size, List<SearchHit> hits,
                           Map<FacetField, List<TermCount>> facets) {

    public SearchResult {
        hits = List.copyOf(hits);
        facets = Map.copyOf(facets);
    }
}
