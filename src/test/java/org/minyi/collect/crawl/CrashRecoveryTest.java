package org.minyi.collect.crawl;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.json.JsonMapper;

class CrashRecoveryTest {

    private static final int ACCEPTED_BEFORE_KILL = 150;

    @TempDir
    Path dir;

    @Test
    void killNineMidCrawlThenResumeDeliversEveryLetterExactlyOnce() throws Exception {
        List<FixtureLetter> letters = Fixtures.lettersOrSkip();
        Path state = dir.resolve("state");
        Path sinkFile = dir.resolve("accepted.jsonl");
        try (FixtureSite site = new FixtureSite(letters)) {
            // The child's next detail request hangs after 150: it is killed while waiting on the network, with
            // 150 letters accepted and (concurrency 1) nothing else in flight. Deterministic, no sleeps.
            site.holdDetailRequestsAfter(ACCEPTED_BEFORE_KILL);
            Process child = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                    "-cp", System.getProperty("java.class.path"), CrawlChild.class.getName(),
                    state.toString(), sinkFile.toString(), site.mailboxStart().toString())
                    .redirectErrorStream(true).redirectOutput(dir.resolve("child.log").toFile()).start();
            assertTrue(site.holding.await(120, TimeUnit.SECONDS), "child reached the held request");
            child.destroyForcibly();
            assertTrue(child.waitFor(30, TimeUnit.SECONDS));
            assertEquals(ACCEPTED_BEFORE_KILL, ids(sinkFile).size(), "accepted before the kill");
            assertFalse(new Crawler(state).status("shangluo-mayor-mailbox").map(s -> s.lastRunEnd() != null)
                    .orElse(false), "the killed run did not finish");
            site.releaseHold();

            int bodiesBeforeResume = site.detailBodiesTotal();
            CrawlReport resumed;
            try (JsonLinesMessageSink sink = new JsonLinesMessageSink(sinkFile)) {
                resumed = new Crawler(state).crawl(Fixtures.shangluoAt(site.mailboxStart(), 1), sink,
                        CrawlProgress.SILENT);
            }

            List<String> ids = ids(sinkFile);
            assertTrue(resumed.resumed());
            assertEquals(letters.size(), ids.size(), "every letter delivered, none twice");
            assertEquals(letters.size(), new HashSet<>(ids).size());
            assertEquals(letters.size() - ACCEPTED_BEFORE_KILL, site.detailBodiesTotal() - bodiesBeforeResume,
                    "accepted letters were not fetched again");
        }
    }

    private static List<String> ids(Path sinkFile) throws Exception {
        JsonMapper json = JsonMapper.builder().build();
        return Files.readAllLines(sinkFile, StandardCharsets.UTF_8).stream()
                .map(line -> json.readTree(line).get("id").asString()).toList();
    }
}
