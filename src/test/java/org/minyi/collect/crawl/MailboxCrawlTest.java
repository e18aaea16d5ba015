package org.minyi.collect.crawl;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.minyi.message.Channel;
import org.minyi.message.Message;

class MailboxCrawlTest {

    @TempDir
    Path state;

    @Test
    void firstCrawlIngestsEveryLetterExactlyOnceWithItsReply() throws Exception {
        List<FixtureLetter> letters = Fixtures.lettersOrSkip();
        try (FixtureSite site = new FixtureSite(letters)) {
            Fixtures.RecordingSink sink = new Fixtures.RecordingSink();
            CrawlReport report = new Crawler(state).crawl(Fixtures.shangluoAt(site.mailboxStart(), 2), sink,
                    CrawlProgress.SILENT);

            List<String> ids = sink.ids();
            assertEquals(letters.size(), ids.size(), "every letter delivered");
            assertEquals(letters.size(), new HashSet<>(ids).size(), "no letter delivered twice");
            assertEquals(letters.size(), report.itemsNew());
            assertEquals(0, report.errorCount(), () -> "errors: " + report.errors());
            int pages = (letters.size() + FixtureSite.PER_PAGE - 1) / FixtureSite.PER_PAGE;
            assertEquals(pages, report.listPages());

            Map<String, Message> byId = sink.accepted.stream()
                    .collect(Collectors.toMap(Message::id, Function.identity()));
            for (FixtureLetter letter : letters) {
                Message m = byId.get("shangluo-mayor-mailbox:" + letter.siteId());
                assertNotNull(m, "letter " + letter.siteId());
                assertEquals(Channel.BOARD, m.channel());
                assertEquals(flat(letter.title()), flat(m.title()));
                assertEquals(flat(flat(letter.query()).isEmpty() ? letter.title() : letter.query()), flat(m.text()));
                assertEquals(letter.hasReply(), m.reply() != null && m.reply().text() != null,
                        "reply of " + letter.siteId());
                if (letter.hasReply()) {
                    assertEquals(flat(letter.reply()), flat(m.reply().text()));
                    assertEquals(letter.agency(), m.reply().agency());
                }
                assertEquals(letter.date().isBlank(), m.createdAt() == null, "time of " + letter.siteId());
            }
            CrawlStatus status = new Crawler(state).status("shangluo-mayor-mailbox").orElseThrow();
            assertEquals(letters.size(), status.itemsNew());
            assertEquals(letters.size(), status.itemsKnown());
            assertNotNull(status.lastRunEnd());
        }
    }

    @Test
    void secondRunFetchesOnlyNewLettersAndLettersWhoseReplyAppeared() throws Exception {
        List<FixtureLetter> letters = Fixtures.lettersOrSkip();
        try (FixtureSite site = new FixtureSite(letters)) {
            Crawler crawler = new Crawler(state);
            CrawlerConfig config = Fixtures.shangluoAt(site.mailboxStart(), 2);
            crawler.crawl(config, new Fixtures.RecordingSink(), CrawlProgress.SILENT);

            List<FixtureLetter> unreplied = letters.stream().filter(l -> !l.hasReply()).toList();
            assertTrue(unreplied.size() >= 2, "the real data has letters still waiting for a reply");
            for (FixtureLetter l : unreplied.subList(0, 2)) {
                site.replace(l.withReply("网友你好，已转交相关部门办理。", "市信息中心", "2022-06-01"));
            }
            for (int i = 1; i <= 3; i++) {
                site.addLetterOnTop(new FixtureLetter("2022060100" + i, "99" + i, "新来信" + i, "小区门口路灯不亮" + i,
                        "2022-06-01", "", "", ""));
            }
            int bodiesBefore = site.detailBodiesTotal();
            int listBefore = site.listPagesServed.get();
            Fixtures.RecordingSink sink = new Fixtures.RecordingSink();

            CrawlReport second = crawler.crawl(config, sink, CrawlProgress.SILENT);

            assertEquals(3, second.itemsNew());
            assertEquals(2, second.itemsUpdated());
            assertEquals(unreplied.size() - 2, second.itemsUnchanged(), "other unreplied letters re-checked by 304");
            assertEquals(5, site.detailBodiesTotal() - bodiesBefore, "only new and changed letters downloaded");
            assertEquals(2, site.listPagesServed.get() - listBefore, "paging stops at the first all-known page");
            assertEquals(5, sink.accepted.size());
            for (FixtureLetter l : unreplied.subList(0, 2)) {
                Message updated = sink.accepted.stream()
                        .filter(m -> m.id().equals("shangluo-mayor-mailbox:" + l.siteId())).findFirst().orElseThrow();
                assertEquals("市信息中心", updated.reply().agency());
            }
        }
    }

    @Test
    void requestsToOneHostNeverExceedTheConcurrencyCap() throws Exception {
        List<FixtureLetter> letters = Fixtures.lettersOrSkip().subList(0, 200);
        try (FixtureSite site = new FixtureSite(letters)) {
            new Crawler(state).crawl(Fixtures.shangluoAt(site.mailboxStart(), 3), new Fixtures.RecordingSink(),
                    CrawlProgress.SILENT);

            assertTrue(site.maxDetailsInFlight.get() <= 3, "at most 3 at once, saw " + site.maxDetailsInFlight);
        }
    }

    @Test
    void loopbackSiteIsRefusedUnlessTheSourceAllowsIt() throws Exception {
        try (FixtureSite site = new FixtureSite(List.of())) {
            CrawlerConfig strict = Fixtures.shangluoAt(site.mailboxStart(), 1)
                    .withNetwork(new CrawlerConfig.NetworkPolicy(false, false));

            CrawlReport report = new Crawler(state).crawl(strict, new Fixtures.RecordingSink(), CrawlProgress.SILENT);

            assertEquals(Map.of(FailureKind.BLOCKED_ADDRESS, 1), report.errors());
            assertTrue(site.requests.isEmpty(), "no request reached the site: " + site.requests);
        }
    }

    private static String flat(String text) {
        return text.replaceAll("[\\s\\u00a0\\u3000\\p{Cf}]+", "");
    }
}
