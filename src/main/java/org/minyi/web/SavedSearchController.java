package org.minyi.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;
import org.minyi.MinYiSettings;
import org.minyi.analysis.Sentiment;
import org.minyi.index.FacetField;
import org.minyi.index.MessageIndex;
import org.minyi.index.SearchQuery;
import org.minyi.index.SearchResult;
import org.minyi.index.TermCount;
import org.minyi.index.TrendInterval;
import org.minyi.index.TrendPoint;
import org.minyi.index.TrendQuery;
import org.minyi.index.TrendSplit;
import org.minyi.savedsearch.SavedSearch;
import org.minyi.savedsearch.SavedSearchStore;
import org.minyi.savedsearch.SavedSearches;
import org.minyi.web.security.Jurisdictions;
import org.minyi.web.security.Role;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * Saved searches (专题): kept per user, shared with roles, each with its own counts and trend — read, like every
 * read, within the caller's jurisdiction.
 */
@RestController
@RequestMapping("/api/saved-searches")
@Tag(name = "saved searches", description = "Named search expressions with filters (专题), their counts and trends")
class SavedSearchController {

    /** The saved searches of the service, kept in the data folder. */
    @Configuration
    static class Wiring {
        @Bean
        SavedSearches savedSearches(MinYiSettings settings) {
            return new SavedSearches(SavedSearchStore.open(settings.dataDir().resolve("saved-searches.json")),
                    Clock.systemUTC());
        }
    }

    /** A saved search's counts over a period and the period before it, with its trend over the period. */
    public record Overview(SavedSearch search, long total, long negative, Long previousTotal,
                           List<TrendPoint> points) {
    }

    private final SavedSearches searches;
    private final MessageIndex index;
    private final MinYiSettings settings;
    private final Jurisdictions jurisdictions;

    SavedSearchController(SavedSearches searches, MessageIndex index, MinYiSettings settings,
                          Jurisdictions jurisdictions) {
        this.searches = searches;
        this.index = index;
        this.settings = settings;
        this.jurisdictions = jurisdictions;
    }

    @GetMapping
    @Operation(summary = "The caller's saved searches and those shared with one of their roles")
    List<SavedSearch> list(Authentication caller) {
        return searches.visibleTo(viewer(caller));
    }

    @PostMapping
    @Operation(summary = "Save a search: name, q (search language), filters, sharedWith (roles)")
    ResponseEntity<SavedSearch> create(@RequestBody SavedSearches.Draft draft, Authentication caller) {
        return ResponseEntity.status(HttpStatus.CREATED).body(searches.create(checked(draft), viewer(caller)));
    }

    @GetMapping("/{id}")
    SavedSearch get(@PathVariable String id, Authentication caller) {
        return searches.get(id, viewer(caller));
    }

    @PutMapping("/{id}")
    @Operation(summary = "Change a saved search (its owner or an admin)")
    SavedSearch update(@PathVariable String id, @RequestBody SavedSearches.Draft draft, Authentication caller) {
        return searches.update(id, checked(draft), viewer(caller));
    }

    @DeleteMapping("/{id}")
    ResponseEntity<Void> remove(@PathVariable String id, Authentication caller) {
        searches.remove(id, viewer(caller));
        return ResponseEntity.noContent().build();
    }

    @GetMapping("/overview")
    @Operation(summary = "Counts and trend of every saved search the caller sees, over a period",
            description = "total and negative in [from, to]; previousTotal in the period of the same length before "
                    + "(only when both from and to are given); points per interval. Within the caller's regions.")
    List<Overview> overview(
            @Parameter(description = "period start, date or timestamp") @RequestParam(required = false) String from,
            @Parameter(description = "period end (a date includes that day)") @RequestParam(required = false)
            String to,
            @Parameter(description = "day | week | month") @RequestParam(defaultValue = "month") String interval,
            Authentication caller) {
        Instant start = FilterRequest.instant("from", from, settings.zone(), false);
        Instant end = FilterRequest.instant("to", to, settings.zone(), true);
        TrendInterval bucket = TrendInterval.parse(interval);
        MessageIndex readable = jurisdictions.index(index, caller);
        List<Overview> overviews = new ArrayList<>();
        for (SavedSearch search : searches.visibleTo(viewer(caller))) {
            overviews.add(overview(readable, search, start, end, bucket));
        }
        return overviews;
    }

    @GetMapping("/{id}/overview")
    @Operation(summary = "Counts and trend of one saved search over a period, within the caller's regions")
    Overview overviewOf(@PathVariable String id, @RequestParam(required = false) String from,
                        @RequestParam(required = false) String to,
                        @RequestParam(defaultValue = "month") String interval, Authentication caller) {
        return overview(jurisdictions.index(index, caller), searches.get(id, viewer(caller)),
                FilterRequest.instant("from", from, settings.zone(), false),
                FilterRequest.instant("to", to, settings.zone(), true), TrendInterval.parse(interval));
    }

    private static Overview overview(MessageIndex readable, SavedSearch search, Instant from, Instant to,
                                     TrendInterval interval) {
        SearchResult now = readable.search(new SearchQuery(search.filter(from, to), null, 0, 0,
                Set.of(FacetField.SENTIMENT), 3));
        long negative = now.facets().getOrDefault(FacetField.SENTIMENT, List.of()).stream()
                .filter(c -> c.term().equals(Sentiment.NEGATIVE.key())).mapToLong(TermCount::count).sum();
        Long previous = null;
        if (from != null && to != null) {
            Duration length = Duration.between(from, to);
            previous = readable.search(new SearchQuery(search.filter(from.minus(length), from), null, 0, 0,
                    Set.of(), 1)).total();
        }
        List<TrendPoint> points = readable.trends(new TrendQuery(search.filter(from, to), interval, TrendSplit.NONE,
                1)).getFirst().points();
        return new Overview(search, now.total(), negative, previous, points);
    }

    /** Role names are checked and kept in lower case, as {@code /api/me} spells them in the pages. */
    private static SavedSearches.Draft checked(SavedSearches.Draft draft) {
        List<String> roles = draft.sharedWith() == null ? List.of() : draft.sharedWith().stream()
                .map(r -> Role.parse(r).name().toLowerCase(Locale.ROOT)).toList();
        return new SavedSearches.Draft(draft.name(), draft.query(), draft.topics(), draft.sentiments(),
                draft.regions(), draft.channels(), draft.sources(), roles);
    }

    static SavedSearches.Viewer viewer(Authentication caller) {
        Set<String> roles = caller.getAuthorities().stream().map(a -> a.getAuthority())
                .filter(a -> a.startsWith("ROLE_")).map(a -> a.substring(5).toLowerCase(Locale.ROOT))
                .collect(Collectors.toSet());
        return new SavedSearches.Viewer(caller.getName(), roles);
    }
}
