package org.minyi.web;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Instant;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.minyi.insight.Burst;
import org.minyi.insight.HeatIndex;
import org.minyi.insight.Hotspot;

/** The API's hotspot: a large issue is answered with its size and earliest 20 ids, and keeps every id inside. */
class HotspotSummaryTest {

    @Test
    void aLargeIssueIsAnsweredWithItsMemberCountAndItsEarliestTwentyIds() {
        List<String> ids = IntStream.range(0, 2_500).mapToObj(i -> "m" + i).toList();
        Hotspot issue = hotspot(ids);

        HotspotSummary summary = HotspotSummary.of(issue);

        assertEquals(2_500, summary.memberCount());
        assertEquals(ids.subList(0, 20), summary.sampleMessageIds());
        assertEquals(2_500, issue.messageIds().size(), "the application keeps every member");
        assertEquals(issue.label(), summary.label());
        assertEquals(issue.messageCount(), summary.messageCount());
    }

    @Test
    void aSmallIssueNamesAllItsMembers() {
        assertEquals(List.of("a", "b", "c"), HotspotSummary.of(hotspot(List.of("a", "b", "c"))).sampleMessageIds());
    }

    private static Hotspot hotspot(List<String> ids) {
        Instant t = Instant.parse("2026-03-02T01:00:00Z");
        return new Hotspot("h", "桂花路 路灯", "城乡建设", List.of("桂花路"), List.of("A3区"), t, t, ids.size(), 4, 0.5,
                -0.3, List.of("路灯"), List.of(), ids, new HeatIndex(3.0, List.of()),
                new Burst("城乡建设", null, 3, 3, 1.0, 1.0, 0, 0), "留言多", List.of("城乡建设"), List.of("board"),
                List.of());
    }
}
