package org.minyi.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import org.minyi.MinYiSettings;
import org.minyi.index.MessageFilter;
import org.minyi.index.MessageIndex;
import org.minyi.index.SearchOrder;
import org.minyi.index.SearchQuery;
import org.minyi.insight.BlindSpot;
import org.minyi.insight.DemandInsight;
import org.minyi.insight.Hotspot;
import org.minyi.insight.HotspotTimeline;
import org.minyi.insight.Hotspots;
import org.minyi.index.IndexedMessage;
import java.util.ArrayList;
import org.springframework.web.bind.annotation.PathVariable;
import org.minyi.insight.RegionTopicMatrix;
import org.minyi.access.Jurisdiction;
import org.minyi.web.security.Jurisdictions;
import org.springdoc.core.annotations.ParameterObject;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** Hot issues with their reasons, the region × topic matrix and possible coverage blind spots. */
@RestController
@RequestMapping("/api")
@Tag(name = "insight")
class HotspotController {

    private final MessageIndex index;
    private final HotspotCache cache;
    private final Hotspots hotspots;
    private final MinYiSettings settings;
    private final Jurisdictions jurisdictions;

    HotspotController(MessageIndex index, HotspotCache cache, Hotspots hotspots, MinYiSettings settings,
                      Jurisdictions jurisdictions) {
        this.index = index;
        this.cache = cache;
        this.hotspots = hotspots;
        this.settings = settings;
        this.jurisdictions = jurisdictions;
    }

    /**
     * A hot issue; why it is hot in plain Chinese, and the full formula (heat parts and the burst check against its
     * theme's baseline) for the details. The issue is summarised (member count, earliest ids), not the whole record:
     * its members are paged by /api/hotspots/{id}/messages.
     */
    public record HotspotView(HotspotSummary hotspot, String why, String formula) {

        static HotspotView of(Hotspot h) {
            return new HotspotView(HotspotSummary.of(h), h.why() != null ? h.why() : h.explain(), h.explain());
        }
    }

    /** One hotspot with how it unfolded, for its page. */
    public record HotspotDetail(HotspotView view, HotspotTimeline timeline) {
    }

    /** The period looked at and the issues found, hottest first. */
    public record HotspotsResponse(Instant from, Instant to, List<HotspotView> hotspots) {
    }

    @GetMapping("/hotspots")
    @Operation(summary = "Hottest issues of a period",
            description = "Groups near-duplicate and same-theme messages into issues and ranks them by an "
                    + "explainable heat index. Without from/to: the 30 days up to the newest message, recomputed in "
                    + "the background when the index changes (answers may lag new messages by half a minute). "
                    + "Each issue carries its member count and earliest member ids, not every id: its messages, "
                    + "paged, are /api/hotspots/{id}/messages.")
    HotspotsResponse hotspots(
            @Parameter(description = "period start, date or timestamp") @RequestParam(required = false) String from,
            @Parameter(description = "period end (a date includes that day)") @RequestParam(required = false)
            String to,
            @RequestParam(defaultValue = "10") int limit,
            @Parameter(description = "days before 'from' that form each theme's baseline")
            @RequestParam(defaultValue = "90") int baselineDays,
            @Parameter(description = "only issues whose main topic is one of these") @RequestParam(required = false)
            List<String> topic,
            @Parameter(description = "only issues with messages from one of these regions")
            @RequestParam(required = false) List<String> region,
            @Parameter(description = "only issues with messages from one of these channels (board, hotline, ...)")
            @RequestParam(required = false) List<String> channel,
            Authentication caller) {
        if (limit < 1 || limit > 100) {
            throw new IllegalArgumentException("limit must be 1..100, was " + limit);
        }
        if (baselineDays < 0 || baselineDays > 3650) {
            throw new IllegalArgumentException("baselineDays must be 0..3650, was " + baselineDays);
        }
        Instant end = FilterRequest.instant("to", to, settings.zone(), true);
        Instant start = FilterRequest.instant("from", from, settings.zone(), false);
        Duration baseline = Duration.ofDays(baselineDays);
        Jurisdiction jurisdiction = jurisdictions.of(caller);
        if (jurisdiction.restricted()) {
            // the shared cache holds every region's issues; a bound reader's are found among their own messages
            Instant until = end != null ? end : cache.defaultPeriod().to();
            Instant since = start != null ? start : until.minus(HotspotCache.DEFAULT_PERIOD);
            List<HotspotView> found = hotspots.over(jurisdiction.view(index))
                    .between(since, until, baseline, HotspotCache.KEPT_PER_PERIOD).stream()
                    .filter(new HotspotFilter(topic, region, channel)).limit(limit).map(HotspotView::of).toList();
            return new HotspotsResponse(since, until, found);
        }
        HotspotCache.Answer answer;
        if (start == null && end == null && baseline.equals(HotspotCache.DEFAULT_BASELINE)) {
            answer = cache.defaultPeriod();
        } else {
            if (end == null) {
                end = cache.defaultPeriod().to();
            }
            answer = cache.between(start != null ? start : end.minus(HotspotCache.DEFAULT_PERIOD), end, baseline);
        }
        List<HotspotView> found = answer.hotspots().stream()
                .filter(new HotspotFilter(topic, region, channel)).limit(limit)
                .map(HotspotView::of)
                .toList();
        return new HotspotsResponse(answer.from(), answer.to(), found);
    }

    @GetMapping("/hotspots/{id}")
    @Operation(summary = "One hotspot with its timeline",
            description = "A hotspot of the default period or of any period asked for lately (an alert's link "
                    + "opens it): the issue, why it is hot, and its daily counts, first message, peak day, replies "
                    + "so far and latest state. The issue carries its member count and earliest member ids; all its "
                    + "messages, paged: /api/hotspots/{id}/messages.")
    HotspotDetail hotspot(@PathVariable String id, Authentication caller) {
        Hotspot h = find(id, caller);
        // whole messages, not summaries: the timeline needs their replies and work-order states; read in one scan,
        // not one lookup per member (a large issue at scale has thousands)
        List<IndexedMessage> members = new ArrayList<>();
        jurisdictions.of(caller).view(index).scan(MessageFilter.ALL.withIds(Set.copyOf(h.messageIds())), members::add);
        return new HotspotDetail(HotspotView.of(h), HotspotTimeline.of(members, settings.zone()));
    }

    @GetMapping("/hotspots/{id}/messages")
    @Operation(summary = "The messages of a hot issue, paged and searchable",
            description = "Its member messages as /api/search answers them (masked, highlighted), narrowed by q. "
                    + "A large issue at scale has thousands of members: paging here needs no list of ids in a URL.")
    SearchController.SearchResponse hotspotMessages(
            @PathVariable String id,
            @Parameter(description = "words the messages must match, as in /api/search")
            @RequestParam(required = false) String q,
            @Parameter(description = "relevance | newest | oldest | most_negative | most_votes")
            @RequestParam(defaultValue = "newest") String order,
            @Parameter(description = "page number from 0; (page + 1) × size at most 10,000")
            @RequestParam(defaultValue = "0") int page,
            @Parameter(description = "hits per page, 0..200") @RequestParam(defaultValue = "20") int size,
            @Parameter(description = "the 'next' of the page before: reads the page after it, at any depth (the "
                    + "members of an issue larger than 10,000 messages)")
            @RequestParam(required = false) String after,
            Authentication caller) {
        Hotspot h = find(id, caller);
        MessageFilter members = MessageFilter.ALL.withIds(Set.copyOf(h.messageIds()));
        if (q != null && !q.isBlank()) {
            members = members.withText(q);
        }
        var result = jurisdictions.of(caller).view(index).search(new SearchQuery(members,
                SearchController.parseOrder(order), page, size, Set.of(), 10, SearchController.parseCursor(after)));
        return SearchController.SearchResponse.of(result, java.util.Map.of());
    }

    /** The hot issue {@code id} as the caller may see it: of their jurisdiction's hotspots, or of the cache. */
    private Hotspot find(String id, Authentication caller) {
        Jurisdiction jurisdiction = jurisdictions.of(caller);
        Hotspot h;
        if (jurisdiction.restricted()) {
            Instant until = cache.defaultPeriod().to();
            h = hotspots.over(jurisdiction.view(index))
                    .between(until.minus(HotspotCache.DEFAULT_PERIOD), until, HotspotCache.DEFAULT_BASELINE,
                            HotspotCache.KEPT_PER_PERIOD)
                    .stream().filter(found -> found.id().equals(id)).findFirst().orElse(null);
        } else {
            h = cache.find(id).orElse(null);
        }
        if (h == null) {
            throw new UnknownHotspot(id);
        }
        return h;
    }

    @GetMapping("/insight/matrix")
    @Operation(summary = "Message counts per region and topic")
    RegionTopicMatrix matrix(@ParameterObject FilterRequest filter, Authentication caller) {
        return new DemandInsight(jurisdictions.index(index, caller)).matrix(filter.toFilter(settings.zone()));
    }

    @GetMapping("/insight/blind-spots")
    @Operation(summary = "Regions whose volume in a topic is far below what their peers suggest",
            description = "Expected = region total × the topic's share among the other regions; listed when the "
                    + "observed count is at most maxRatio × expected and expected is at least minExpected.")
    List<BlindSpot> blindSpots(@ParameterObject FilterRequest filter,
                               @RequestParam(defaultValue = "0.3") double maxRatio,
                               @RequestParam(defaultValue = "5") double minExpected,
                               Authentication caller) {
        RegionTopicMatrix matrix = new DemandInsight(jurisdictions.index(index, caller))
                .matrix(filter.toFilter(settings.zone()));
        return DemandInsight.blindSpots(matrix, maxRatio, minExpected);
    }
}
