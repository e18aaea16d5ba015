package org.minyi.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Set;
import java.util.stream.Collectors;
import org.minyi.MinYiSettings;
import org.minyi.index.FacetField;
import org.minyi.index.MessageFilter;
import org.minyi.index.MessageIndex;
import org.minyi.index.SearchCursor;
import org.minyi.index.SearchHit;
import org.minyi.index.SearchOrder;
import org.minyi.index.SearchQuery;
import org.minyi.index.SearchResult;
import org.minyi.index.TermCount;
import org.minyi.web.security.Jurisdictions;
import org.springdoc.core.annotations.ParameterObject;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** Full-text search with filters, facets and highlights, and single messages by id. */
@RestController
@RequestMapping("/api")
@Tag(name = "search", description = "Find messages: full text, filters, facets, highlights")
class SearchController {

    private final MessageIndex index;
    private final MinYiSettings settings;
    private final Jurisdictions jurisdictions;

    SearchController(MessageIndex index, MinYiSettings settings, Jurisdictions jurisdictions) {
        this.index = index;
        this.settings = settings;
        this.jurisdictions = jurisdictions;
    }

    /**
     * One page of hits.
     *
     * @param next pass it as {@code after} for the page after this one (pages past hit 10,000 are read that way);
     *             absent on the last page
     */
    public record SearchResponse(long total, int page, int size, List<Hit> hits, Map<String, List<TermCount>> facets,
                                 String next) {

        /** A page of hits as the API answers it, with the cursor of the page after it (null on the last). */
        static SearchResponse of(SearchResult result, Map<String, List<TermCount>> facets) {
            return new SearchResponse(result.total(), result.page(), result.size(),
                    result.hits().stream().map(Hit::of).toList(), facets,
                    result.next() == null ? null : result.next().token());
        }
    }

    /** A hit: the message, its score and highlighted title/text fragments ({@code <em>} marks, rest escaped). */
    public record Hit(MessageView message, float score, String titleHighlight, String textHighlight) {

        static Hit of(SearchHit hit) {
            return new Hit(MessageView.of(hit.message()), hit.score(), hit.titleHighlight(), hit.textHighlight());
        }
    }

    @GetMapping("/search")
    @Operation(summary = "Search messages",
            description = "Full text over title and text (Chinese is segmented like the indexed messages), "
                    + "filters combined with AND (values of one filter with OR), facets counted over all matches.")
    SearchResponse search(
            @ParameterObject FilterRequest filterRequest,
            @Parameter(description = "relevance | newest | oldest | most_negative | most_votes (most likes)")
            @RequestParam(defaultValue = "relevance") String order,
            @Parameter(description = "page number from 0; (page + 1) × size at most 10,000")
            @RequestParam(defaultValue = "0") int page,
            @Parameter(description = "hits per page, 0..200") @RequestParam(defaultValue = "20") int size,
            @Parameter(description = "the 'next' of the page before: reads the page after it, at any depth")
            @RequestParam(required = false) String after,
            @Parameter(description = "facets to count: topic,sentiment,region,channel,source,department,place")
            @RequestParam(defaultValue = "topic,sentiment,region,channel") String facets,
            @Parameter(description = "values per facet") @RequestParam(defaultValue = "10") int facetSize,
            Authentication caller) {
        MessageFilter filter = filterRequest.toFilter(settings.zone());
        Set<FacetField> facetFields = Arrays.stream(facets.split(","))
                .map(String::strip).filter(s -> !s.isEmpty()).map(FacetField::parse)
                .collect(Collectors.toSet());
        SearchOrder searchOrder = parseOrder(order);
        SearchResult result = jurisdictions.index(index, caller).search(new SearchQuery(filter, searchOrder, page,
                size, facetFields, facetSize, parseCursor(after)));
        Map<String, List<TermCount>> facetCounts = new LinkedHashMap<>();
        for (FacetField field : FacetField.values()) {
            if (result.facets().containsKey(field)) {
                facetCounts.put(field.key(), result.facets().get(field));
            }
        }
        return SearchResponse.of(result, facetCounts);
    }

    @GetMapping("/messages/{id}")
    @Operation(summary = "One message with its analysis (PII masked)")
    MessageView message(@PathVariable String id, Authentication caller) {
        return jurisdictions.index(index, caller).get(id).map(MessageView::of)
                .orElseThrow(() -> new NoSuchElementException("no message with id " + id));
    }

    /** The 'next' of the page before, or null for the first page (absent or blank). */
    static SearchCursor parseCursor(String after) {
        return after == null || after.isBlank() ? null : SearchCursor.parse(after);
    }

    static SearchOrder parseOrder(String order) {
        try {
            return SearchOrder.valueOf(order.strip().toUpperCase(java.util.Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("unknown order '" + order
                    + "'; expected relevance, newest, oldest, most_negative or most_votes");
        }
    }
}
