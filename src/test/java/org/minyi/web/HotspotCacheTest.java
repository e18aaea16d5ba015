package org.minyi.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.minyi.index.TestMessage.message;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.minyi.MinYiSettings;
import org.minyi.analysis.DomainDictionary;
import org.minyi.analysis.Segmenter;
import org.minyi.index.lucene.LuceneMessageIndex;
import org.minyi.insight.HotspotDetector;
import org.minyi.insight.HotspotSettings;
import org.minyi.insight.Hotspots;

class HotspotCacheTest {

    @TempDir
    Path tmp;

    private LuceneMessageIndex index;
    private HotspotCache cache;

    @BeforeEach
    void open() {
        index = LuceneMessageIndex.open(tmp, new Segmenter(DomainDictionary.load((Path) null)), MinYiSettings.CHINA);
        cache = new HotspotCache(index, new Hotspots(index,
                new HotspotDetector(HotspotSettings.defaults(), MinYiSettings.CHINA)));
    }

    @AfterEach
    void close() {
        index.close();
    }

    private void addComplaints(String prefix, int count, Instant from) {
        for (int i = 0; i < count; i++) {
            index.upsert(List.of(message(prefix + i, "丽发新城小区旁搅拌站噪音扰民，灰尘污染严重" + i)
                    .title("丽发新城搅拌站噪音扰民").at(from.plus(Duration.ofHours(6L * i))).region("A2区")
                    .places("丽发新城").keywords("搅拌站", "噪音").build()));
        }
        index.refresh();
    }

    @Test
    void theDefaultPeriodEndsAtTheNewestMessageAndIsServedAgainWhileTheIndexIsUnchanged() {
        addComplaints("a", 6, Instant.parse("2019-11-02T02:00:00Z"));

        HotspotCache.Answer first = cache.defaultPeriod();

        assertEquals(Instant.parse("2019-11-03T08:00:01Z"), first.to(), "newest message + 1 s");
        assertEquals(first.to().minus(HotspotCache.DEFAULT_PERIOD), first.from());
        assertFalse(first.hotspots().isEmpty());
        assertEquals(6, first.hotspots().getFirst().messageCount());
        assertSame(first, cache.defaultPeriod(), "unchanged index: the same answer");
    }

    @Test
    void aCheapStaleAnswerIsRecomputedAtOnce() {
        addComplaints("a", 4, Instant.parse("2019-11-02T02:00:00Z"));
        HotspotCache.Answer before = cache.defaultPeriod();

        addComplaints("b", 3, Instant.parse("2019-11-10T02:00:00Z"));
        HotspotCache.Answer after = cache.defaultPeriod();

        assertNotSame(before, after);
        assertTrue(after.to().isAfter(before.to()), "the period moved with the newest message");
        assertEquals(7, after.indexCount());
    }

    @Test
    void explicitPeriodsAreRememberedUntilTheIndexChanges() {
        addComplaints("a", 5, Instant.parse("2019-11-02T02:00:00Z"));
        Instant from = Instant.parse("2019-11-01T00:00:00Z");
        Instant to = Instant.parse("2019-12-01T00:00:00Z");

        HotspotCache.Answer first = cache.between(from, to, Duration.ofDays(90));
        assertSame(first, cache.between(from, to, Duration.ofDays(90)));
        assertEquals(1, first.first(1).size(), "a request for fewer is cut from the kept answer");
        assertEquals(first.hotspots(), first.first(100));

        addComplaints("b", 1, Instant.parse("2019-11-20T02:00:00Z"));
        assertNotSame(first, cache.between(from, to, Duration.ofDays(90)));
    }
}
