package org.minyi.collect.crawl;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.minyi.testing.CommittedIndex;
import org.minyi.testing.ServiceProcess;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * "Acknowledged" for a crawl in the service: an item the crawl log marks done is committed in the index. Proved
 * by kill -9 of the real service in a child JVM mid-crawl of the fixture site (the real Shangluo letters), twice
 * (early in the first run, late in the resumed one); after each kill every done-marked item is in the index on
 * disk, and after the last restart and re-run every letter is there exactly once.
 */
class ServiceCrawlCrashTest {

    private static final String SOURCE = "shangluo-mayor-mailbox";
    private static final int EARLY = 30;
    private static final Duration CRAWL_TIMEOUT = Duration.ofMinutes(3);

    @TempDir
    Path tmp;

    private final JsonMapper json = JsonMapper.builder().build();

    @Test
    void killNineMidCrawlTwiceThenRerunLeavesEveryLetterInTheIndexExactlyOnce() throws Exception {
        List<FixtureLetter> letters = Fixtures.lettersOrSkip();
        Path data = tmp.resolve("data");
        Path index = data.resolve("index");
        Path stateLog = data.resolve("crawl").resolve(SOURCE).resolve(CrawlLog.FILE);
        int late = letters.size() * 2 / 3;
        try (FixtureSite site = new FixtureSite(letters);
             ServiceProcess service = new ServiceProcess(data, Path.of("target", "service-logs", "crawl-crash"),
                     Map.of("minyi.crawl.config-dir", configFor(site).toString()))) {
            service.start();
            killAfterDone(service, stateLog, EARLY);
            Set<String> doneAtFirstKill = doneMessageIds(stateLog);
            List<String> afterFirst = CommittedIndex.ids(index);
            System.out.printf("kill -9 #1: %d items marked done in the crawl log, %d messages on disk%n",
                    doneAtFirstKill.size(), afterFirst.size());
            assertTrue(afterFirst.containsAll(doneAtFirstKill), "every item marked done is committed");

            service.start();
            killAfterDone(service, stateLog, late);
            Set<String> doneAtSecondKill = doneMessageIds(stateLog);
            List<String> afterSecond = CommittedIndex.ids(index);
            System.out.printf("kill -9 #2 (resumed run): %d items marked done, %d messages on disk%n",
                    doneAtSecondKill.size(), afterSecond.size());
            assertTrue(afterSecond.containsAll(doneAtSecondKill), "every item marked done is committed");

            service.start();
            assertEquals(202, service.post("/api/crawls/" + SOURCE).statusCode());
            service.await("/api/crawls/" + SOURCE, s -> !s.get("queued").asBoolean(), CRAWL_TIMEOUT,
                    "the resumed crawl to finish");
            JsonNode status = service.getJson("/api/crawls/" + SOURCE);
            service.killNine(); // only what was committed counts
            Set<String> done = doneMessageIds(stateLog);
            List<String> last = CommittedIndex.ids(index);
            System.out.printf("after the last restart and re-run: %d items known to the crawl, %d messages on disk, "
                    + "%d letters on the site%n", done.size(), last.size(), letters.size());

            assertTrue(status.get("lastRun").hasNonNull("lastRunEnd"), "the run finished: " + status);
            assertEquals(letters.size(), last.size(), "every letter once: none lost, none twice");
            assertEquals(done, new HashSet<>(last), "the index holds exactly the items the crawl knows");
            assertTrue(last.containsAll(doneAtFirstKill) && last.containsAll(doneAtSecondKill));
        }
    }

    /** Starts (or resumes) the crawl and kills the service once the log marks at least {@code items} done. */
    private void killAfterDone(ServiceProcess service, Path stateLog, int items) throws Exception {
        assertEquals(202, service.post("/api/crawls/" + SOURCE).statusCode());
        long deadline = System.nanoTime() + CRAWL_TIMEOUT.toNanos();
        while (doneMessageIds(stateLog).size() < items) {
            assertTrue(System.nanoTime() < deadline, "the crawl did not reach " + items + " items:\n"
                    + service.logTail());
            assertTrue(service.isAlive(), "the service died:\n" + service.logTail());
            Thread.sleep(20);
        }
        service.killNine();
        assertTrue(doneMessageIds(stateLog).size() < Fixtures.lettersOrSkip().size(), "killed mid-crawl");
    }

    /** Ids of the items the crawl log marks done; a torn last line (cut by the kill) is not a mark. */
    private Set<String> doneMessageIds(Path stateLog) throws IOException {
        Set<String> ids = new HashSet<>();
        if (!Files.exists(stateLog)) {
            return ids;
        }
        for (String line : Files.readAllLines(stateLog, StandardCharsets.UTF_8)) {
            JsonNode entry;
            try {
                entry = json.readTree(line);
            } catch (RuntimeException torn) {
                continue;
            }
            if (entry != null && "item".equals(entry.path("e").asString())) {
                ids.add(entry.get("item").get("messageId").asString());
            }
        }
        return ids;
    }

    /** The shipped Shangluo config pointed at the fixture site, without politeness delay, loopback allowed. */
    private Path configFor(FixtureSite site) throws IOException {
        String shipped = Files.readString(Fixtures.SHANGLUO_CONFIG, StandardCharsets.UTF_8);
        String config = shipped
                .replaceAll("(?m)^  - http://www\\.shangluo\\.gov\\.cn/\\S+$", "  - " + site.mailboxStart())
                .replaceAll("(?m)^  delay: .*$", "  delay: 0ms")
                .replaceAll("(?m)^  retry-backoff: .*$", "  retry-backoff: 10ms")
                + "network:\n  allow-loopback: true\n";
        assertTrue(config.contains(site.mailboxStart().toString()), "start URL replaced");
        Path folder = Files.createDirectories(tmp.resolve("crawler-config"));
        Files.writeString(folder.resolve(SOURCE + ".yaml"), config, StandardCharsets.UTF_8);
        return folder;
    }
}
