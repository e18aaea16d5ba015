package org.minyi.collect.crawl;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.minyi.MinYiSettings;
import org.minyi.MinYiStack;
import org.minyi.cli.MinYiCommand;
import org.minyi.index.IndexedMessage;
import org.minyi.message.Channel;
import picocli.CommandLine;

class CrawlCommandTest {

    @TempDir
    Path dir;

    @Test
    void crawlCommandIngestsTheFixtureMailboxAndASecondRunAddsNothing() throws Exception {
        List<FixtureLetter> letters = Fixtures.lettersOrSkip();
        try (FixtureSite site = new FixtureSite(letters)) {
            Path configs = shippedConfigPointedAt(site);
            Path out = dir.resolve("out.jsonl");
            String[] args = {"crawl", "shangluo-mayor-mailbox", "--config-dir", configs.toString(),
                    "--state-dir", dir.resolve("state").toString(), "--out", out.toString()};

            assertEquals(0, new CommandLine(new MinYiCommand()).execute(args));
            assertEquals(letters.size(), Files.readAllLines(out).size());

            assertEquals(0, new CommandLine(new MinYiCommand()).execute(args));
            assertEquals(letters.size(), Files.readAllLines(out).size(), "nothing new the second time");
        }
    }

    @Test
    void crawledLettersAreAnalysedAndIndexedOnce() throws Exception {
        List<FixtureLetter> letters = Fixtures.lettersOrSkip();
        System.setProperty("minyi.data-dir", dir.resolve("data").toString());
        // What is asserted is crawling and indexing once; the encoder's students analyse 1,179 letters ten times
        // faster than the encoder.
        System.setProperty("minyi.encoder.enabled", "false");
        System.setProperty("minyi.analysis.distilled", "true");
        try (FixtureSite site = new FixtureSite(letters)) {
            String[] args = {"crawl", "shangluo-mayor-mailbox", "--config-dir",
                    shippedConfigPointedAt(site).toString()};

            assertEquals(0, new CommandLine(new MinYiCommand()).execute(args));
            assertEquals(0, new CommandLine(new MinYiCommand()).execute(args));

            try (MinYiStack stack = MinYiStack.open(MinYiSettings.fromSystemProperties())) {
                assertEquals(letters.size(), stack.index().count(), "every letter exactly once");
                IndexedMessage first = stack.index().get("shangluo-mayor-mailbox:" + letters.get(0).siteId())
                        .orElseThrow();
                assertEquals(Channel.BOARD, first.message().channel());
                assertFalse(first.analysis().tokens().isEmpty());
            }
        } finally {
            System.clearProperty("minyi.data-dir");
            System.clearProperty("minyi.encoder.enabled");
            System.clearProperty("minyi.analysis.distilled");
        }
    }

    private Path shippedConfigPointedAt(FixtureSite site) throws Exception {
        Path configs = Files.createDirectories(dir.resolve("configs"));
        String shipped = Files.readString(Fixtures.SHANGLUO_CONFIG);
        Files.writeString(configs.resolve("shangluo-mayor-mailbox.yaml"), shipped
                .replaceFirst("http://www\\.shangluo\\.gov\\.cn/zmhd/ldxx\\.jsp\\S*", site.mailboxStart().toString())
                .replace("delay: 3s", "delay: 0ms") + "network:\n  allow-loopback: true\n");
        return configs;
    }

    @Test
    void shippedConfigsPassTheCheck() {
        assertEquals(0, new CommandLine(new MinYiCommand()).execute("crawl", "--check"));
    }

    @Test
    void invalidConfigFolderExitsWithCode2() throws Exception {
        Files.writeString(dir.resolve("bad.yaml"), "channel: board\n");

        int code = new CommandLine(new MinYiCommand()).execute("crawl", "--check", "--config-dir", dir.toString());

        assertEquals(2, code);
    }
}
