package org.minyi.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.List;
import org.minyi.MinYiSettings;
import org.minyi.insight.DemandInsight;
import org.minyi.insight.DemandSummary;
import org.minyi.index.MessageIndex;
import org.minyi.index.TermCount;
import org.minyi.index.TrendInterval;
import org.minyi.index.TrendQuery;
import org.minyi.index.TrendSeries;
import org.minyi.index.TrendSplit;
import org.minyi.web.security.Jurisdictions;
import org.springdoc.core.annotations.ParameterObject;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** What leaders and managers ask of many messages at once: trends, top keywords, top demands. */
@RestController
@RequestMapping("/api")
@Tag(name = "insight", description = "Trends over time, top keywords and top demands for a filter")
class InsightController {

    private final MessageIndex index;
    private final MinYiSettings settings;
    private final Jurisdictions jurisdictions;

    InsightController(MessageIndex index, MinYiSettings settings, Jurisdictions jurisdictions) {
        this.index = index;
        this.settings = settings;
        this.jurisdictions = jurisdictions;
    }

    /** Series of buckets; the filter used is echoed so a chart can label itself. */
    public record TrendResponse(TrendInterval interval, TrendSplit split, String zone, List<TrendSeries> series) {
    }

    @GetMapping("/trends")
    @Operation(summary = "Message counts and mean sentiment per day, week or month",
            description = "Optionally split by topic or region (the largest series are kept). Buckets are cut in "
                    + "the service's time zone; empty buckets are present with count 0.")
    TrendResponse trends(
            @Parameter(description = "day | week | month") @RequestParam(defaultValue = "week") String interval,
            @Parameter(description = "none | topic | region") @RequestParam(defaultValue = "none") String split,
            @Parameter(description = "with a split, how many series at most") @RequestParam(defaultValue = "10")
            int maxSeries,
            @ParameterObject FilterRequest filter, Authentication caller) {
        TrendInterval bucket = TrendInterval.parse(interval);
        TrendSplit by = TrendSplit.parse(split);
        List<TrendSeries> series = jurisdictions.index(index, caller).trends(new TrendQuery(filter.toFilter(settings.zone()), bucket, by, maxSeries));
        return new TrendResponse(bucket, by, settings.zone().getId(), series);
    }

    @GetMapping("/keywords")
    @Operation(summary = "Most frequent keywords among the matching messages")
    List<TermCount> keywords(
            @RequestParam(defaultValue = "20") int limit,
            @ParameterObject FilterRequest filter, Authentication caller) {
        return jurisdictions.index(index, caller).topKeywords(filter.toFilter(settings.zone()), checkLimit(limit));
    }

    @GetMapping("/demands")
    @Operation(summary = "Most frequent citizen demands (诉求) among the matching messages",
            description = "Each demand is an action phrase (修复路灯, 退还物业费) that different wordings of one ask share, "
                    + "with its count, an example sentence, its top regions, messages per month with the trend "
                    + "(上升/下降/平稳/新出现) and the ids of its newest messages. Only phrases that at least "
                    + "minMessages messages share rank (default " + DemandInsight.SHARED_BY + "): a phrase one "
                    + "message alone yields is a real ask only about half the time.")
    List<DemandSummary> demands(
            @RequestParam(defaultValue = "20") int limit,
            @Parameter(description = "how many messages must share a phrase for it to rank; 1 lists every phrase")
            @RequestParam(defaultValue = "" + DemandInsight.SHARED_BY) int minMessages,
            @ParameterObject FilterRequest filter, Authentication caller) {
        if (minMessages < 1 || minMessages > 1_000_000) {
            throw new IllegalArgumentException("minMessages must be 1..1000000, was " + minMessages);
        }
        return new DemandInsight(jurisdictions.index(index, caller))
                .topDemandsInDetail(filter.toFilter(settings.zone()), checkLimit(limit), minMessages);
    }

    private static int checkLimit(int limit) {
        if (limit < 1 || limit > 1000) {
            throw new IllegalArgumentException("limit must be 1..1000, was " + limit);
        }
        return limit;
    }
}
