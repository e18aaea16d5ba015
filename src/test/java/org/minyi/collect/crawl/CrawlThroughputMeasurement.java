package org.minyi.collect.crawl;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.junit.jupiter.api.io.TempDir;

/**
 * Pages per second fetched and parsed from the loopback fixture (1,179 letters: 59 list pages + 1,179 detail
 * pages), politeness delay 0. Not a test: run it on purpose with
 * {@code mvn -o -q test -Dtest=CrawlThroughputMeasurement -Dcrawl.measure=true}.
 */
@EnabledIfSystemProperty(named = "crawl.measure", matches = "true")
class CrawlThroughputMeasurement {

    @TempDir
    Path dir;

    @Test
    void measurePagesPerSecond() throws Exception {
        List<FixtureLetter> letters = Fixtures.lettersOrSkip();
        try (FixtureSite site = new FixtureSite(letters)) {
            for (int concurrency : new int[] {1, 4}) {
                for (int round = 1; round <= 3; round++) {
                    Path state = dir.resolve("c" + concurrency + "-r" + round);
                    long start = System.nanoTime();
                    CrawlReport r = new Crawler(state).crawl(Fixtures.shangluoAt(site.mailboxStart(), concurrency),
                            new Fixtures.RecordingSink(), CrawlProgress.SILENT);
                    double seconds = (System.nanoTime() - start) / 1e9;
                    assertEquals(letters.size(), r.itemsNew());
                    System.out.printf("MEASURE concurrency=%d round=%d pages=%d seconds=%.2f pages/s=%.0f%n",
                            concurrency, round, r.pagesFetched(), seconds, r.pagesFetched() / seconds);
                }
            }
        }
    }
}
