package org.minyi.insight;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.minyi.insight.Messages.message;

import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.minyi.analysis.Sentiment;
import org.minyi.index.IndexedMessage;

class HotspotDetectorTest {

    private static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");
    private final HotspotDetector detector = new HotspotDetector(HotspotSettings.defaults(), ZONE);

    private static final List<String> NOISE = List.of("餐饮店", "油烟", "噪音", "扰民", "夜间");
    private static final List<String> ROAD = List.of("道路", "坑洼", "修缮", "出行", "积水");

    @Test
    void messagesAboutOnePlaceAndMatterFormOneIssueAndOtherMattersStayApart() {
        List<IndexedMessage> messages = List.of(
                message("1", "2019-08-01", "环境保护", "A5区", List.of("魅力之城小区"), NOISE, 0x1111_0000_0000_0001L,
                        Sentiment.NEGATIVE, 3),
                message("2", "2019-08-02", "环境保护", "A5区", List.of("魅力之城小区"),
                        List.of("油烟", "噪音", "扰民", "投诉"), 0x2222_0000_0000_0002L, Sentiment.NEGATIVE, 10),
                message("3", "2019-08-03", "环境保护", "A5区", List.of("魅力之城小区", "劳动东路"),
                        List.of("餐饮店", "油烟", "居民"), 0x3333_0000_0000_0003L, Sentiment.NEGATIVE, 0),
                message("4", "2019-08-02", "城乡建设", "A5区", List.of("魅力之城小区"), ROAD, 0x4444_0000_0000_0004L,
                        Sentiment.NEUTRAL, 0),
                message("5", "2019-08-02", "交通运输", "A3区", List.of("西湖路"), ROAD, 0x5555_0000_0000_0005L,
                        Sentiment.NEUTRAL, 0));

        List<Hotspot> hotspots = detector.detect(messages);

        assertEquals(1, hotspots.size(), "only the noise matter has two or more messages");
        Hotspot noise = hotspots.get(0);
        assertEquals(List.of("1", "2", "3"), noise.messageIds());
        assertEquals("魅力之城小区", noise.places().get(0));
        assertEquals("环境保护", noise.topic());
        assertEquals(13, noise.votes());
        assertEquals(1.0, noise.negativeShare());
        assertEquals(Instant.parse("2019-08-01T02:00:00Z"), noise.first());
        assertEquals(Instant.parse("2019-08-03T02:00:00Z"), noise.last());
        assertTrue(noise.label().startsWith("魅力之城小区"), noise.label());
    }

    @Test
    void nearDuplicateTextsAreOneIssueEvenWithoutSharedPlaceOrKeywords() {
        long hash = 0x0F0F_F0F0_1234_5678L;
        List<IndexedMessage> messages = List.of(
                message("a", "2019-03-01", "教育文体", null, List.of(), List.of("学生", "实习"), hash,
                        Sentiment.NEGATIVE, 0),
                message("b", "2019-03-02", "劳动和社会保障", null, List.of(), List.of("工厂"), hash ^ 0b101L,
                        Sentiment.NEGATIVE, 0),
                message("c", "2019-03-02", "劳动和社会保障", null, List.of(), List.of("工厂"), hash ^ 0xFFL,
                        Sentiment.NEGATIVE, 0));

        List<Hotspot> hotspots = detector.detect(messages);

        assertEquals(1, hotspots.size());
        assertEquals(List.of("a", "b"), hotspots.get(0).messageIds(), "8 differing bits is no near-duplicate");
    }

    @Test
    void messagesFarApartInTimeAreNotLinked() {
        List<IndexedMessage> messages = List.of(
                message("1", "2018-01-01", "环境保护", "A5区", List.of("魅力之城小区"), NOISE, 1L, Sentiment.NEGATIVE, 0),
                message("2", "2019-08-01", "环境保护", "A5区", List.of("魅力之城小区"), NOISE, 2L, Sentiment.NEGATIVE, 0));

        assertTrue(detector.detect(messages).isEmpty());
    }

    @Test
    void heatExplainsEachPartAndAddsUp() {
        List<IndexedMessage> messages = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            messages.add(message("n" + i, "2019-08-0" + (i + 1), "环境保护", i % 2 == 0 ? "A5区" : "A6区",
                    List.of("魅力之城小区"), NOISE, 100L + i * 0x10001L, Sentiment.NEGATIVE, 5));
        }

        Hotspot hotspot = detector.detect(messages).get(0);

        HeatIndex heat = hotspot.heat();
        assertEquals(Set.of("volume", "growth", "votes", "negativity", "spread", "burst"),
                Set.copyOf(heat.parts().stream().map(HeatIndex.Part::name).toList()));
        assertEquals(heat.total(), heat.parts().stream().mapToDouble(HeatIndex.Part::contribution).sum(), 1e-9);
        assertEquals(Math.log1p(4), part(heat, "volume").value(), 1e-9);
        assertEquals(Math.log1p(20), part(heat, "votes").value(), 1e-9);
        assertEquals(Math.log(2), part(heat, "spread").value(), 1e-9);
        assertTrue(part(heat, "volume").why().contains("4 messages"), part(heat, "volume").why());
        assertTrue(hotspot.explain().contains("EWMA baseline"), hotspot.explain());
    }

    @Test
    void aDayFarAboveTheThemeBaselineIsABurstAndAnOrdinaryDayIsNot() {
        List<IndexedMessage> messages = new ArrayList<>();
        // 30 quiet days with one unrelated message per day in the theme …
        for (int day = 1; day <= 30; day++) {
            messages.add(message("q" + day, String.format("2019-06-%02d", day), "环境保护", "A1区",
                    List.of("地点" + day), List.of("词" + day), 0, Sentiment.NEUTRAL, 0));
        }
        // … then eight messages of one issue on one day
        for (int i = 0; i < 8; i++) {
            messages.add(message("b" + i, "2019-07-01", "环境保护", "A5区", List.of("魅力之城小区"), NOISE,
                    0x1000L * (i + 1) + (0x0100_0000_0000_0000L * i), Sentiment.NEGATIVE, 0));
        }

        Hotspot hotspot = detector.detect(messages).get(0);

        Burst burst = hotspot.burst();
        assertEquals(8, burst.issueCount());
        assertEquals(8, burst.themeCount());
        assertEquals(30, burst.baselineDays());
        assertEquals(1.0, burst.baselineMean(), 1e-6);
        assertTrue(burst.isBurst(3), burst.explain());

        Burst quiet = ThemeBaseline.ofMessages(messages, ZONE, 0.1, 1.0).burst("环境保护", burst.day().minusDays(1), 1);
        assertFalse(quiet.isBurst(3), quiet.explain());
    }

    @Test
    void onlyMessagesInsideTheWindowFormIssues() {
        List<IndexedMessage> messages = List.of(
                message("old1", "2019-05-01", "环境保护", "A5区", List.of("魅力之城小区"), NOISE, 1L, Sentiment.NEGATIVE, 0),
                message("old2", "2019-05-02", "环境保护", "A5区", List.of("魅力之城小区"), NOISE, 2L, Sentiment.NEGATIVE, 0),
                message("new1", "2019-06-10", "环境保护", "A5区", List.of("魅力之城小区"), NOISE, 3L, Sentiment.NEGATIVE, 0),
                message("new2", "2019-06-11", "环境保护", "A5区", List.of("魅力之城小区"), NOISE, 4L, Sentiment.NEGATIVE, 0));

        List<Hotspot> hotspots = detector.detect(messages, Instant.parse("2019-06-01T00:00:00Z"),
                Instant.parse("2019-07-01T00:00:00Z"));

        assertEquals(List.of("new1", "new2"), hotspots.get(0).messageIds());
        assertEquals(1, hotspots.size());
    }

    @Test
    void titlesSharingAnUnrecognisedNameAreOneIssueButACommonPhraseAloneLinksNothing() {
        List<String> parking = List.of("车位", "捆绑", "销售", "职工");
        List<IndexedMessage> messages = List.of(
                titled("e1", "2019-08-01", "投诉伊景园滨河苑捆绑销售车位", parking),
                titled("e2", "2019-08-03", "A市伊景园滨河苑强制购买车位", List.of("车位", "强制", "购买", "职工")),
                titled("e3", "2019-08-04", "伊景园滨河苑捆绑车位合法吗", List.of("车位", "捆绑", "合法")),
                // shares only the phrase 噪音扰民 (one 4-gram) with the next one: two different matters
                titled("n1", "2019-08-02", "工地夜间噪音扰民", List.of("工地", "夜间", "噪音", "扰民")),
                titled("n2", "2019-08-02", "广场舞噪音扰民", List.of("广场舞", "噪音", "扰民", "音响")));

        List<Hotspot> hotspots = detector.detect(messages);

        assertEquals(1, hotspots.size());
        assertEquals(List.of("e1", "e2", "e3"), hotspots.get(0).messageIds());
        assertTrue(hotspots.get(0).label().startsWith("伊景园滨河苑"), hotspots.get(0).label());
    }

    private static IndexedMessage titled(String id, String day, String title, List<String> keywords) {
        IndexedMessage m = message(id, day, "城乡建设", null, List.of(), keywords, 0, Sentiment.NEGATIVE, 0);
        org.minyi.message.Message titledMessage = new org.minyi.message.Message(id, "test", null, title,
                m.message().text(), m.message().createdAt(), null, null, null, null);
        return new IndexedMessage(titledMessage, m.analysis());
    }

    private static HeatIndex.Part part(HeatIndex heat, String name) {
        return heat.parts().stream().filter(p -> p.name().equals(name)).findFirst().orElseThrow();
    }

    /**
     * A large issue is counted whole (messages, votes, negativity, every member id) but described — label, places,
     * representatives — from at most {@value HotspotDetector#DESCRIBED} of its members, spread over its time order.
     */
    @Test
    void aLargeIssueIsCountedWholeAndDescribedFromMembersSpreadOverItsTime() {
        List<IndexedMessage> messages = new ArrayList<>();
        for (int k = 0; k < 450; k++) {
            messages.add(message(String.format("m%03d", k), "2019-08-" + String.format("%02d", 1 + k % 28), "环境保护",
                    "A5区", List.of("魅力之城小区"), NOISE, 0x1111_0000_0000_0001L,
                    k % 3 == 0 ? Sentiment.NEUTRAL : Sentiment.NEGATIVE, 1));
        }

        Hotspot issue = detector.detect(messages).getFirst();

        assertEquals(450, issue.messageCount());
        assertEquals(450, issue.messageIds().size());
        assertEquals(450, issue.votes());
        assertEquals(300 / 450.0, issue.negativeShare(), 1e-9);
        assertTrue(issue.label().startsWith("魅力之城小区"), issue.label());

        List<org.minyi.index.IssueMember> ordered = messages.stream().map(org.minyi.index.IssueMember::of)
                .sorted(java.util.Comparator.comparing(org.minyi.index.IssueMember::createdAt)
                        .thenComparing(org.minyi.index.IssueMember::id))
                .toList();
        List<String> described = HotspotDetector.described(ordered);
        assertEquals(HotspotDetector.DESCRIBED, described.size());
        assertEquals(ordered.getFirst().id(), described.getFirst(), "from the first message on");
        List<String> order = ordered.stream().map(org.minyi.index.IssueMember::id).toList();
        for (int k = 1; k < described.size(); k++) {
            int gap = order.indexOf(described.get(k)) - order.indexOf(described.get(k - 1));
            assertTrue(gap >= 4 && gap <= 5, "evenly spread: a gap of " + gap);
        }
        assertTrue(issue.representatives().stream().allMatch(r -> described.contains(r.id())),
                "examples come from the members it is described by");
    }
}
