package org.minyi.collect.crawl;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.Charset;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.minyi.message.Message;

class HostileSiteTest {

    @TempDir
    Path state;

    @Test
    void badPagesAreCountedByKindAndTheRestIsIngested() throws Exception {
        List<FixtureLetter> letters = Fixtures.lettersOrSkip();
        try (FixtureSite site = new FixtureSite(letters)) {
            Fixtures.RecordingSink sink = new Fixtures.RecordingSink();

            CrawlReport report = new Crawler(state).crawl(
                    Fixtures.shangluoAt(site.base().resolve("/hostile/list?p=1"), 2), sink, CrawlProgress.SILENT);

            assertEquals(3, report.listPages(), "the page 3 -> page 1 loop is not followed");
            assertEquals(Map.of(
                    FailureKind.HTTP_CLIENT_ERROR, 1,   // missing: 404
                    FailureKind.HTTP_SERVER_ERROR, 1,   // always-500, after retries
                    FailureKind.TIMEOUT, 1,             // slow
                    FailureKind.OVERSIZED, 1,           // huge
                    FailureKind.BLOCKED_ADDRESS, 1,     // redirect to 10.255.255.1
                    FailureKind.ROBOTS_DISALLOWED, 1,   // /private/
                    FailureKind.NO_CONTENT, 1), report.errors());
            Set<String> ids = sink.accepted.stream().map(Message::id).collect(Collectors.toSet());
            assertEquals(Set.of("shangluo-mayor-mailbox:h-ok-1", "shangluo-mayor-mailbox:h-flaky",
                    "shangluo-mayor-mailbox:h-broken", "shangluo-mayor-mailbox:h-redirect"), ids);
            Message broken = sink.accepted.stream().filter(m -> m.id().endsWith("h-broken")).findFirst().orElseThrow();
            assertEquals("人民路井盖丢失很危险\n请尽快处理", broken.text());
            assertTrue(site.requests.stream().noneMatch(r -> r.startsWith("/private/")), "robots.txt honoured");
        }
    }

    @Test
    void gbkPagesWithAndWithoutCharsetDeclarationDecodeCorrectly() throws Exception {
        List<FixtureLetter> letters = Fixtures.lettersOrSkip().subList(0, 10);
        try (FixtureSite site = new FixtureSite(letters)) {
            Fixtures.RecordingSink sink = new Fixtures.RecordingSink();

            new Crawler(state).crawl(Fixtures.shangluoAt(site.base().resolve("/gbk/list.jsp"), 1), sink,
                    CrawlProgress.SILENT);

            assertEquals(10, sink.accepted.size());
            Charset gbk = FixtureSite.GBK;
            for (FixtureLetter l : letters) {
                Message m = sink.accepted.stream().filter(x -> x.id().endsWith(":" + l.siteId())).findFirst()
                        .orElseThrow();
                String roundTripped = new String(l.title().getBytes(gbk), gbk);
                assertEquals(flat(roundTripped), flat(m.title()), "title of " + l.siteId());
            }
        }
    }

    private static String flat(String text) {
        return text.replaceAll("[\\s\\u00a0\\u3000\\p{Cf}]+", "");
    }
}
