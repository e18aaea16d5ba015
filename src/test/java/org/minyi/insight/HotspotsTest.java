package org.minyi.insight;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.minyi.insight.Messages.message;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.minyi.analysis.DomainDictionary;
import org.minyi.analysis.Segmenter;
import org.minyi.analysis.Sentiment;
import org.minyi.index.IndexedMessage;
import org.minyi.index.lucene.LuceneMessageIndex;

/**
 * {@link Hotspots} reads a period from the index (the period's messages, and only daily counts per topic for the
 * baseline days) and must find exactly what the detector finds given every message of period and baseline.
 */
class HotspotsTest {

    private static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");
    private static final List<String> TOPICS = List.of("环境保护", "城乡建设", "交通运输");
    private static final Instant FROM = Instant.parse("2019-04-01T00:00:00Z");
    private static final Instant TO = Instant.parse("2019-06-01T00:00:00Z");
    private static final HotspotDetector DETECTOR = new HotspotDetector(HotspotSettings.defaults(), ZONE);

    @Test
    void hotspotsReadFromTheIndexAreThoseOfTheDetectorOverAllMessages(@TempDir Path dir) {
        List<IndexedMessage> messages = corpus();
        List<Hotspot> expected = DETECTOR.detect(messages.stream()
                .filter(m -> !m.message().createdAt().isBefore(FROM.minus(Duration.ofDays(60)))).toList(), FROM, TO);

        List<Hotspot> found;
        try (LuceneMessageIndex index = indexOf(dir, messages)) {
            found = new Hotspots(index, DETECTOR).between(FROM, TO, Duration.ofDays(60), 10);
        }

        assertTrue(expected.size() > 10, "the messages should form more issues than asked for: " + expected.size());
        assertEquals(expected.subList(0, 10), found);
    }

    /** 40 issues of 2 to 9 messages each, at one place, with their own words, over a few days; then noise. */
    private static List<IndexedMessage> corpus() {
        List<IndexedMessage> messages = new ArrayList<>();
        Random random = new Random(42);
        for (int issue = 0; issue < 40; issue++) {
            String topic = TOPICS.get(random.nextInt(TOPICS.size()));
            String place = "小区" + issue;
            List<String> words = List.of("事" + issue + "甲", "事" + issue + "乙", "事" + issue + "丙");
            int startDay = random.nextInt(150);
            for (int k = 0; k < 2 + random.nextInt(8); k++) {
                String day = Instant.parse("2019-01-01T00:00:00Z").plus(Duration.ofDays(startDay + random.nextInt(4)))
                        .toString().substring(0, 10);
                messages.add(message("i" + issue + "-" + k, day, topic, "A" + random.nextInt(3) + "区",
                        List.of(place), words, random.nextLong(),
                        random.nextBoolean() ? Sentiment.NEGATIVE : Sentiment.NEUTRAL, random.nextInt(20)));
            }
        }
        for (int i = 0; i < 300; i++) {
            String day = Instant.parse("2019-01-01T00:00:00Z").plus(Duration.ofDays(random.nextInt(150)))
                    .toString().substring(0, 10);
            messages.add(message("n" + i, day, TOPICS.get(random.nextInt(TOPICS.size())), null, List.of(),
                    List.of("杂" + i), random.nextLong(), Sentiment.NEUTRAL, 0));
        }
        return messages;
    }

    /**
     * Issues assigned as the messages are indexed (in time order, as live ingest writes them) and counted per
     * period: on issues that are plainly apart, the same hotspots as grouping the period's messages at query time.
     */
    @Test
    void hotspotsCountedFromAssignedIssuesAreThoseGroupedAtQueryTime(@TempDir Path dir) {
        IssueTable table = IssueTable.inMemory();
        IssueAssigner assigner = new IssueAssigner(HotspotSettings.defaults(), Hotspots.MIN_COSINE, table, 10_000);
        List<Hotspot> grouped;
        List<Hotspot> counted;
        try (LuceneMessageIndex index = indexOf(dir, inTimeOrder(corpus()).stream().map(assigner::assign).toList())) {
            Hotspots atQueryTime = new Hotspots(index, DETECTOR);
            grouped = atQueryTime.between(FROM, TO, Duration.ofDays(60), 10);
            counted = atQueryTime.countingIssues(table).between(FROM, TO, Duration.ofDays(60), 10);
        }

        assertEquals(10, grouped.size());
        assertEquals(grouped, counted);
    }

    /** Messages indexed before issues existed: counting the newer ones alone would hide the rest. */
    @Test
    void aPeriodWhereSomeMessagesHaveNoIssueIsGroupedAtQueryTime(@TempDir Path dir) {
        IssueTable table = IssueTable.inMemory();
        IssueAssigner assigner = new IssueAssigner(HotspotSettings.defaults(), Hotspots.MIN_COSINE, table, 10_000);
        Instant assignedSince = Instant.parse("2019-05-01T00:00:00Z");
        try (LuceneMessageIndex index = indexOf(dir, inTimeOrder(corpus()).stream()
                .map(m -> m.message().createdAt().isBefore(assignedSince) ? m : assigner.assign(m)).toList())) {
            Hotspots atQueryTime = new Hotspots(index, DETECTOR);

            assertEquals(atQueryTime.between(FROM, TO, Duration.ofDays(60), 10),
                    atQueryTime.countingIssues(table).between(FROM, TO, Duration.ofDays(60), 10));
        }
    }

    /** The corpus as it arrives: by time, ties by id (issues are assigned in arrival order). */
    private static List<IndexedMessage> inTimeOrder(List<IndexedMessage> messages) {
        List<IndexedMessage> ordered = new ArrayList<>(messages);
        ordered.sort(java.util.Comparator.comparing((IndexedMessage m) -> m.message().createdAt())
                .thenComparing(IndexedMessage::id));
        return ordered;
    }

    private static LuceneMessageIndex indexOf(Path dir, List<IndexedMessage> messages) {
        LuceneMessageIndex index = LuceneMessageIndex.open(dir, new Segmenter(DomainDictionary.load((Path) null)),
                ZONE);
        index.upsert(messages);
        index.commit();
        return index;
    }
}
