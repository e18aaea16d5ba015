package org.minyi.collect.crawl;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.minyi.cli.MinYiCommand;
import picocli.CommandLine;

class CrawlCommandTest {

    @TempDir
    Path dir;

    @Test
    void crawlCommandIngestsTheFixtureMailboxAndASecondRunAddsNothing() throws Exception {
        List<FixtureLetter> letters = Fixtures.lettersOrSkip();
        try (FixtureSite site = new FixtureSite(letters)) {
            Path configs = Files.createDirectories(dir.resolve("configs"));
            String shipped = Files.readString(Fixtures.SHANGLUO_CONFIG);
            Files.writeString(configs.resolve("shangluo-mayor-mailbox.yaml"), shipped
                    .replaceFirst("http://www\\.shangluo\\.gov\\.cn/zmhd/ldxx\\.jsp\\S*", site.mailboxStart().toString())
                    .replace("delay: 3s", "delay: 0ms") + "network:\n  allow-loopback: true\n");
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
