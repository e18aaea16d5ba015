package org.minyi.insight;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.minyi.analysis.Analysis;
import org.minyi.analysis.Sentiment;
import org.minyi.index.DemandCount;
import org.minyi.index.IndexedMessage;
import org.minyi.index.MessageFilter;
import org.minyi.message.Message;

class DemandInsightTest {

    private int next;

    private IndexedMessage msg(String topic, String region, String demandKey) {
        String id = "m" + next++;
        Message message = new Message(id, "test", null, null, "文本" + id, Instant.parse("2019-01-01T00:00:00Z")
                .plusSeconds(3600L * next), region, null, null, null);
        return new IndexedMessage(message, new Analysis(List.of(), topic, 1, Sentiment.NEUTRAL, 0, List.of(), region,
                List.of(), List.of(), demandKey, demandKey, null, message.text(), 0));
    }

    private List<IndexedMessage> corpus() {
        List<IndexedMessage> all = new ArrayList<>();
        // four peer regions each with 20 traffic and 20 education messages; A4区 with 40 education, no traffic
        for (String region : List.of("A1区", "A2区", "A3区")) {
            for (int i = 0; i < 20; i++) {
                all.add(msg("交通运输", region, i % 2 == 0 ? "修路" : "加公交"));
                all.add(msg("教育文体", region, "学位"));
            }
        }
        for (int i = 0; i < 40; i++) {
            all.add(msg("教育文体", "A4区", "学位"));
        }
        all.add(msg("交通运输", "A4区", "修路"));
        return all;
    }

    @Test
    void matrixCountsMessagesPerRegionAndTopicFromFacets() {
        RegionTopicMatrix matrix = new DemandInsight(new ListIndex(corpus())).matrix(MessageFilter.ALL);

        assertEquals(20, matrix.count("A1区", "交通运输"));
        assertEquals(40, matrix.count("A4区", "教育文体"));
        assertEquals(1, matrix.count("A4区", "交通运输"));
        assertEquals(41, matrix.regionTotal("A4区"));
        assertEquals(61, matrix.topicTotal("交通运输"));
        assertEquals(161, matrix.total());
    }

    @Test
    void aRegionFarBelowItsPeersForATopicIsAPossibleBlindSpot() {
        RegionTopicMatrix matrix = new DemandInsight(new ListIndex(corpus())).matrix(MessageFilter.ALL);

        List<BlindSpot> spots = DemandInsight.blindSpots(matrix, 0.25, 5);

        assertEquals(1, spots.size());
        BlindSpot spot = spots.get(0);
        assertEquals("A4区", spot.region());
        assertEquals("交通运输", spot.topic());
        assertEquals(1, spot.observed());
        assertEquals(41 * 0.5, spot.expected(), 1e-9, "peers give traffic half of their 120 messages");
        assertTrue(spot.why().contains("expected"), spot.why());
    }

    @Test
    void smallExpectationsAreNotFlagged() {
        RegionTopicMatrix matrix = new RegionTopicMatrix(List.of("A1区", "A2区"), List.of("t", "u"),
                Map.of("A1区", Map.of("t", 4L, "u", 4L), "A2区", Map.of("u", 2L)));

        assertTrue(DemandInsight.blindSpots(matrix, 0.25, 5).isEmpty(), "A2区 was expected to have only 1 t message");
    }

    @Test
    void topDemandsCanBeNarrowedToATopicAndRegion() {
        DemandInsight insight = new DemandInsight(new ListIndex(corpus()));

        List<DemandCount> traffic = insight.topDemands(MessageFilter.ALL, "交通运输", "A1区", 5,
                DemandInsight.SHARED_BY);

        assertEquals(List.of("修路", "加公交"), traffic.stream().map(DemandCount::demandKey).toList());
        assertEquals(10, traffic.get(0).count());
    }

    @Test
    void aPhraseOneMessageAloneYieldsDoesNotRankUnlessAskedFor() {
        DemandInsight insight = new DemandInsight(new ListIndex(corpus()));

        // A4区 has one traffic message, asking 修路: a phrase of one message is left out of the ranking by default
        assertEquals(List.of(), insight.topDemands(MessageFilter.ALL, "交通运输", "A4区", 5, DemandInsight.SHARED_BY));
        assertEquals(List.of("修路"), insight.topDemands(MessageFilter.ALL, "交通运输", "A4区", 5, 1).stream()
                .map(DemandCount::demandKey).toList());
        assertThrows(IllegalArgumentException.class,
                () -> insight.topDemands(MessageFilter.ALL, null, null, 5, 0));
    }

    @Test
    void aDemandInDetailNamesItsRegionsTrendAndNewestMessages() {
        List<IndexedMessage> all = new ArrayList<>(corpus());
        // a month later, four more asks to repair a road in A2区: the demand rises
        for (int i = 0; i < 4; i++) {
            IndexedMessage m = msg("交通运输", "A2区", "修路");
            Message later = new Message(m.id(), "test", null, null, m.message().text(),
                    Instant.parse("2019-02-10T00:00:00Z").plusSeconds(3600L * i), "A2区", null, null, null);
            all.add(new IndexedMessage(later, m.analysis()));
        }

        DemandSummary road = new DemandInsight(new ListIndex(all)).topDemandsInDetail(
                MessageFilter.ALL.withTopics(java.util.Set.of("交通运输")), 1, DemandInsight.SHARED_BY).getFirst();

        assertEquals("修路", road.demandKey());
        assertEquals(35, road.count());
        assertEquals("A2区", road.regions().getFirst().term(), "A2区 asks most: 10 + 4");
        assertEquals(14, road.regions().getFirst().count());
        assertEquals(List.of(31L, 4L), road.months().stream().map(org.minyi.index.TrendPoint::count).toList());
        assertEquals("下降", road.trend(), "4 in February against 31 in January");
        assertEquals(3, road.exampleIds().size());
        assertTrue(road.exampleIds().stream().allMatch(id -> all.stream()
                .anyMatch(m -> m.id().equals(id) && m.message().createdAt().isAfter(Instant.parse("2019-02-01T00:00:00Z")))),
                "the newest messages: " + road.exampleIds());
    }

    @Test
    void aDemandRisesWhenItsLastMonthIsAThirdAboveTheMonthsBefore() {
        assertEquals("上升", DemandInsight.trend(points(2, 4, 6)));
        assertEquals("平稳", DemandInsight.trend(points(4, 4, 5)));
        assertEquals("下降", DemandInsight.trend(points(6, 6, 3)));
        assertEquals("新出现", DemandInsight.trend(points(3)));
    }

    private static List<org.minyi.index.TrendPoint> points(long... counts) {
        List<org.minyi.index.TrendPoint> points = new ArrayList<>();
        for (int k = 0; k < counts.length; k++) {
            points.add(new org.minyi.index.TrendPoint(java.time.LocalDate.of(2019, k + 1, 1), counts[k], 0));
        }
        return points;
    }
}
