package org.minyi.web;

import io.swagger.v3.oas.annotations.media.Schema;
import java.time.Instant;
import java.util.List;
import org.minyi.insight.Burst;
import org.minyi.insight.HeatIndex;
import org.minyi.insight.Hotspot;

/**
 * A hot issue as the API answers it: the fields of {@link Hotspot} under the same names, but its member count and
 * earliest few member ids instead of every id. A large issue at scale has thousands of members, which made the list
 * of hotspots megabytes; all of them are paged by {@code GET /api/hotspots/{id}/messages}. Inside the application
 * the hotspot keeps every id (cache, alerts, briefings, timelines read them).
 */
@Schema(description = "A hot issue. Its member count and earliest member ids; every member, paged: "
        + "GET /api/hotspots/{id}/messages")
public record HotspotSummary(
        String id, String label, String topic, List<String> places, List<String> regions, Instant first,
        Instant last, int messageCount, long votes, double negativeShare, double meanSentiment, List<String> keywords,
        List<Hotspot.Representative> representatives,
        @Schema(description = "how many messages the issue holds; all of them, paged: GET /api/hotspots/{id}/messages")
        int memberCount,
        @Schema(description = "the ids of its first " + HotspotSummary.SAMPLE + " messages at most, earliest first; "
                + "every member, paged: GET /api/hotspots/{id}/messages")
        List<String> sampleMessageIds,
        HeatIndex heat, Burst burst, String why, List<String> topics, List<String> channels,
        List<String> departments) {

    /** Enough ids to open a few members straight from the list; the rest are a page request away. */
    static final int SAMPLE = 20;

    static HotspotSummary of(Hotspot h) {
        List<String> ids = h.messageIds();
        return new HotspotSummary(h.id(), h.label(), h.topic(), h.places(), h.regions(), h.first(), h.last(),
                h.messageCount(), h.votes(), h.negativeShare(), h.meanSentiment(), h.keywords(), h.representatives(),
                ids.size(), List.copyOf(ids.subList(0, Math.min(SAMPLE, ids.size()))), h.heat(), h.burst(), h.why(),
                h.topics(), h.channels(), h.departments());
    }
}
