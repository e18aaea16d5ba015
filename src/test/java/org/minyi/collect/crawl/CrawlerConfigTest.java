package org.minyi.collect.crawl;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.minyi.collect.crawl.CrawlerConfig.ItemField;
import org.minyi.message.Channel;

class CrawlerConfigTest {

    @TempDir
    Path dir;

    @Test
    void everyShippedExampleIsValid() {
        List<CrawlerConfig> configs = CrawlerConfigs.loadAll(Path.of("crawler-config"));

        Set<String> names = configs.stream().map(CrawlerConfig::name).collect(Collectors.toSet());
        assertTrue(names.containsAll(Set.of("shangluo-mayor-mailbox", "people-leader-board", "city-mayor-mailbox",
                "news-comments", "city-forum-board")), names::toString);
        Set<Channel> channels = configs.stream().map(CrawlerConfig::channel).collect(Collectors.toSet());
        assertEquals(Set.of(Channel.BOARD, Channel.NEWS, Channel.FORUM), channels);
        for (CrawlerConfig c : configs) {
            assertTrue(c.detail().fields().containsKey(ItemField.BODY), c.name() + " reads a body");
            assertTrue(!c.network().allowLoopback() && !c.network().allowPrivate(),
                    c.name() + " must not reach internal addresses");
        }
    }

    @Test
    void defaultsArePolite() throws IOException {
        Path file = write("minimal.yaml", """
                channel: board
                start: [https://example.gov.cn/list]
                list: {item-link: "a.item"}
                detail: {fields: {body: "div.content"}}
                """);

        CrawlerConfig c = CrawlerConfig.load(file);

        assertEquals("minimal", c.name());
        assertEquals(1, c.politeness().concurrency());
        assertEquals(Duration.ofSeconds(2), c.politeness().delay());
        assertTrue(c.politeness().obeyRobots());
        assertTrue(c.list().stopWhenAllKnown());
    }

    @Test
    void everyProblemOfAFileIsListedWithItsKey() throws IOException {
        Path file = write("broken-board.yaml", """
                name: other-name
                channel: wechat
                start: [ftp://example.gov.cn/list, "https://example.gov.cn/ok"]
                list:
                  item-link: "a[href"
                  max-page: 3
                detail:
                  fields:
                    title: "h1"
                    time: {selector: "span.time", regex: "(\\\\d{4"}
                  date-formats: ["yyyy-MM-dd", "bad pattern {"]
                  time-zone: Mars/Olympus
                schedule: "every day"
                politeness: {concurrency: 99, delay: soon}
                """);

        CrawlerConfigException e = assertThrows(CrawlerConfigException.class, () -> CrawlerConfig.load(file));

        String all = String.join("\n", e.problems());
        for (String expected : List.of("name: is 'other-name'", "channel: unknown channel 'wechat'",
                "start: only http and https", "list.item-link: bad CSS selector", "list.max-page: unknown key",
                "detail.fields.time.regex: bad regular expression", "detail.fields.body: is required",
                "detail.date-formats: bad pattern", "detail.time-zone: unknown time zone", "schedule: is not a cron",
                "politeness.concurrency: must be between 1 and 16", "politeness.delay: must be a duration")) {
            assertTrue(all.contains(expected), () -> "missing '" + expected + "' in:\n" + all);
        }
        assertTrue(e.problems().stream().allMatch(p -> p.startsWith(file.toString())), "each problem names the file");
    }

    @Test
    void loadingAFolderReportsProblemsOfAllFilesAtOnce() throws IOException {
        write("a.yaml", "channel: board\n");
        write("b.yaml", "just text");
        write("c.yaml", "channel: forum\nstart: [https://x.cn/]\nlist: {item-link: a}\ndetail: {fields: {body: p}}\n");

        CrawlerConfigException e = assertThrows(CrawlerConfigException.class,
                () -> CrawlerConfigs.loadAll(dir));

        assertTrue(e.problems().stream().anyMatch(p -> p.contains("a.yaml") && p.contains("start: is required")));
        assertTrue(e.problems().stream().anyMatch(p -> p.contains("b.yaml") && p.contains("must be a YAML mapping")));
        assertTrue(e.problems().stream().noneMatch(p -> p.contains("c.yaml")));
    }

    @Test
    void unknownSourceNamesTheKnownOnes() {
        CrawlerConfigException e = assertThrows(CrawlerConfigException.class,
                () -> CrawlerConfigs.load(Path.of("crawler-config"), "nowhere"));

        assertTrue(e.getMessage().contains("no such source; known: "), e.getMessage());
        assertTrue(e.getMessage().contains("shangluo-mayor-mailbox"), e.getMessage());
    }

    private Path write(String name, String yaml) throws IOException {
        return Files.writeString(dir.resolve(name), yaml);
    }
}
