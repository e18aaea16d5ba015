package org.minyi.collect.crawl;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.minyi.collect.crawl.CrawlLog.ItemState;
import org.minyi.collect.crawl.CrawlLog.Kind;
import org.minyi.collect.crawl.CrawlLog.QueuedUrl;

class CrawlLogTest {

    @TempDir
    Path dir;

    private static final Instant T = Instant.parse("2026-01-01T00:00:00Z");

    @Test
    void unfinishedRunReplaysItsFrontierAndSeenSet() {
        try (CrawlLog log = new CrawlLog(dir)) {
            log.runStarted(T);
            log.queued(List.of(new QueuedUrl("http://x/list", Kind.LIST, 1)));
            log.done("http://x/list", "list", null,
                    List.of(new QueuedUrl("http://x/d?id=1", Kind.DETAIL, null),
                            new QueuedUrl("http://x/d?id=2", Kind.DETAIL, null)));
            log.done("http://x/d?id=1", "new", item("1"), List.of());
        }
        try (CrawlLog log = new CrawlLog(dir)) {
            CrawlLog.Recovered r = log.recover();

            assertTrue(r.runUnfinished());
            assertEquals(List.of(new QueuedUrl("http://x/d?id=2", Kind.DETAIL, null)), r.frontier());
            assertEquals(Map.of("1", item("1")), r.items());
            assertEquals(List.of("list", "new"), r.outcomesThisRun());
        }
    }

    @Test
    void halfWrittenLastLineFromACrashIsDroppedAndAppendsContinueCleanly() throws Exception {
        try (CrawlLog log = new CrawlLog(dir)) {
            log.runStarted(T);
            log.done("http://x/d?id=1", "new", item("1"), List.of());
        }
        Files.writeString(dir.resolve(CrawlLog.FILE), "{\"e\":\"item\",\"item\":{\"key\":\"2\",\"u",
                StandardCharsets.UTF_8, StandardOpenOption.APPEND);
        try (CrawlLog log = new CrawlLog(dir)) {
            log.done("http://x/d?id=3", "new", item("3"), List.of());
        }
        try (CrawlLog log = new CrawlLog(dir)) {
            assertEquals(java.util.Set.of("1", "3"), log.recover().items().keySet());
        }
    }

    @Test
    void finishedRunIsCompactedToItsItems() throws Exception {
        try (CrawlLog log = new CrawlLog(dir)) {
            log.runStarted(T);
            log.queued(List.of(new QueuedUrl("http://x/list", Kind.LIST, 1)));
            log.done("http://x/d?id=1", "new", item("1"), List.of());
            log.runFinished(T.plusSeconds(5), Map.of("1", item("1")));
        }
        assertEquals(2, Files.readAllLines(dir.resolve(CrawlLog.FILE)).size(), "one item line and the end line");
        try (CrawlLog log = new CrawlLog(dir)) {
            CrawlLog.Recovered r = log.recover();
            assertTrue(!r.runUnfinished() && r.frontier().isEmpty());
            assertEquals(Map.of("1", item("1")), r.items());
        }
    }

    @Test
    void aSourceCannotBeCrawledTwiceAtOnce() {
        try (CrawlLog first = new CrawlLog(dir)) {
            IllegalStateException e = assertThrows(IllegalStateException.class, () -> new CrawlLog(dir));
            assertTrue(e.getMessage().contains("being crawled already"), e.getMessage());
        }
    }

    private static ItemState item(String key) {
        return new ItemState(key, "http://x/d?id=" + key, "s:" + key, "h" + key, "\"e" + key + "\"", null, false, T);
    }
}
