package org.minyi.collect.crawl;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import java.net.URI;
import java.nio.ByteBuffer;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.concurrent.CompletionException;
import java.util.concurrent.Flow;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.minyi.fuzz.FuzzCampaign;
import org.minyi.fuzz.Garble;
import org.minyi.message.Message;

/**
 * Thousands of hostile pages through what the crawler does with a fetched body: charset sniffing, list and detail
 * parsing with the shipped Shangluo selectors, and mapping to a message. Malformed and truncated HTML, declared
 * charsets that lie, invalid UTF-8 and GBK bytes: every page gives a message or a NO_CONTENT {@link FetchException},
 * never another exception and never a hang. Bodies beyond the size cap are cut off at the cap.
 */
class PageParserFuzzTest {

    private static final FuzzCampaign CAMPAIGN = new FuzzCampaign("page parser");
    /** Only a hang guard: one page parses in a millisecond. */
    private static final Duration HANG_GUARD = Duration.ofSeconds(60);
    private static final Charset GBK = Garble.GBK;
    private static final URI DETAIL = URI.create("http://www.shangluo.gov.cn/zmhd/ldxxxx.jsp?leadermailid=A1B2");
    private static final CrawlerConfig CONFIG = CrawlerConfig.load(Fixtures.SHANGLUO_CONFIG);
    private static final PageParser PARSER = new PageParser(CONFIG);
    private static final ItemMapper MAPPER = new ItemMapper(CONFIG);
    private static final String[] BREAKERS = {"<table>", "</td>", "</table>", "<tr>", "<td class=\"label\">来信内容",
            "<script>", "</script>", "<!--", "-->", "<![CDATA[", "<", ">", "&", "&#xD800;", "&#0;", "&bogus;",
            "<br>", "\u0000", "<meta charset=\"utf-16\">", "<a href=\"javascript:alert(1)\">", "<a href=\"http://[::1\">",
            "<p>", "\"", "<td class=\"label\">来信时间</td><td>9999-99-99 99:99", "<img src=x onerror=alert(1)>"};

    @AfterAll
    static void printTally() {
        System.out.println(CAMPAIGN.summary());
    }

    /** A letter page as the Shangluo site serves it. */
    private record Letter(String title, String body, String time, String html) {
        static Letter random(Random r) {
            String title = Garble.chinese(r, 2 + r.nextInt(20));
            String body = Garble.chinese(r, 5 + r.nextInt(400));
            String time = String.format("%d-%02d-%02d %02d:%02d:%02d", 2015 + r.nextInt(10), 1 + r.nextInt(12),
                    1 + r.nextInt(28), r.nextInt(24), r.nextInt(60), r.nextInt(60));
            String html = "<!DOCTYPE html><html><head>%META%<title>" + title + "</title></head><body>"
                    + "<table class=\"mail-detail\">"
                    + row("来信标题", title) + row("来信时间", time) + row("来信内容", body)
                    + row("回复单位", "市住建局") + row("回复内容", Garble.chinese(r, r.nextInt(100)))
                    + "</table></body></html>";
            return new Letter(title, body, time, html);
        }

        private static String row(String label, String value) {
            return "<tr><td class=\"label\">" + label + "</td><td>" + value + "</td></tr>";
        }
    }

    @Test
    void intactPagesInAnyDeclaredOrUndeclaredEncodingGiveTheirLetter() {
        CAMPAIGN.run("intact-any-encoding", 400, input -> {
            Random r = input.random();
            Letter letter = Letter.random(r);
            Charset charset = r.nextBoolean() ? StandardCharsets.UTF_8 : GBK;
            String declared = charset == GBK ? List.of("gbk", "gb2312", "GB18030").get(r.nextInt(3)) : "utf-8";
            String meta = "";
            String contentType = "text/html";
            switch (r.nextInt(3)) {
                case 0 -> meta = "<meta charset=\"" + declared + "\">";
                case 1 -> contentType = "text/html; charset=" + declared;
                default -> { } // undeclared: the sniffer must guess
            }
            byte[] body = letter.html().replace("%META%", meta).getBytes(charset);

            Message message = parse(input.kind(), body, contentType);

            assertThat(message).isNotNull();
            assertThat(message.title()).isEqualTo(letter.title());
            assertThat(message.text()).isEqualTo(letter.body());
            assertThat(message.createdAt()).isNotNull();
        });
    }

    @Test
    void malformedOrTruncatedHtmlGivesALetterOrNoContentNeverACrash() {
        CAMPAIGN.run("malformed-html", 1500, input -> {
            Random r = input.random();
            StringBuilder html = new StringBuilder(Letter.random(r).html().replace("%META%", ""));
            for (int edits = 1 + r.nextInt(6); edits > 0; edits--) {
                int at = r.nextInt(html.length() + 1);
                switch (r.nextInt(4)) {
                    case 0 -> html.insert(at, BREAKERS[r.nextInt(BREAKERS.length)]);
                    case 1 -> html.delete(at, Math.min(html.length(), at + 1 + r.nextInt(40)));
                    case 2 -> html.setLength(at); // truncated download
                    default -> html.insert(at, Garble.text(r, r.nextInt(50), true));
                }
            }
            byte[] body = html.toString().getBytes(r.nextBoolean() ? StandardCharsets.UTF_8 : GBK);

            parse(input.kind(), body, r.nextBoolean() ? "text/html" : null);
            parseList(body);
        });
    }

    @Test
    void bytesThatLieAboutTheirEncodingGiveALetterOrNoContentNeverACrash() {
        String[] declarations = {"utf-8", "gbk", "gb2312", "big5", "utf-16", "utf-16le", "utf-32", "x-no-such",
                "iso-8859-1", "shift_jis", "\"", "", "UTF-7", "ebcdic-cp-us"};
        CAMPAIGN.run("lying-charset", 1000, input -> {
            Random r = input.random();
            Letter letter = Letter.random(r);
            String declared = declarations[r.nextInt(declarations.length)];
            String meta = r.nextBoolean() ? "<meta charset=\"" + declared + "\">" : "";
            String contentType = r.nextBoolean() ? "text/html; charset=" + declared : "text/html";
            byte[] body = letter.html().replace("%META%", meta).getBytes(r.nextBoolean() ? StandardCharsets.UTF_8 : GBK);
            body = Garble.mutate(body, r, 6); // invalid UTF-8 and broken GBK pairs

            parse(input.kind(), body, contentType);
        });
    }

    @Test
    void randomBytesAndDeeplyNestedPagesGiveNoContentNeverACrash() {
        CAMPAIGN.run("garbage-and-nesting", 60, input -> {
            Random r = input.random();
            byte[] body = switch (r.nextInt(3)) {
                case 0 -> Garble.randomBytes(r, r.nextInt(20_000));
                case 1 -> ("<div>".repeat(10_000 + r.nextInt(50_000)) + "<td class=\"label\">来信内容</td><td>深</td>")
                        .getBytes(StandardCharsets.UTF_8);
                default -> ("<table class=\"mail-detail\"><tr><td class=\"label\">来信内容</td><td>"
                        + Garble.chinese(r, 500_000) + "</td></tr>").getBytes(GBK); // big, no closing tags
            };

            parse(input.kind(), body, null);
            parseList(body);
        });
    }

    @Test
    void bodiesBeyondTheCapAreRefusedAsOversizedAndBodiesWithinItArriveWhole() {
        CAMPAIGN.run("capped-body", 300, input -> {
            Random r = input.random();
            int cap = 1 + r.nextInt(300_000);
            int total = r.nextBoolean() ? r.nextInt(cap + 1) : cap + 1 + r.nextInt(3 * cap);
            byte[] page = Garble.randomBytes(r, total);
            CappedBody body = new CappedBody(cap);
            body.onSubscribe(new Flow.Subscription() {
                @Override
                public void request(long n) {
                }

                @Override
                public void cancel() {
                }
            });
            for (int at = 0; at < total; ) {
                int n = Math.min(total - at, 1 + r.nextInt(20_000));
                List<ByteBuffer> buffers = new ArrayList<>();
                buffers.add(ByteBuffer.wrap(page, at, n));
                buffers.add(ByteBuffer.allocate(0));
                body.onNext(buffers);
                at += n;
            }
            body.onComplete();

            if (total <= cap) {
                assertThat(body.getBody().toCompletableFuture().join()).isEqualTo(page);
            } else {
                assertThatThrownBy(() -> body.getBody().toCompletableFuture().join())
                        .isInstanceOf(CompletionException.class)
                        .cause().isInstanceOf(FetchException.class)
                        .satisfies(e -> assertThat(((FetchException) e).kind()).isEqualTo(FailureKind.OVERSIZED));
                CAMPAIGN.itemErrors(input.kind(), 1);
            }
        });
    }

    /** The crawler's path from body to message; null for a page without content (counted as a per-item error). */
    private static Message parse(String kind, byte[] body, String contentType) {
        return assertTimeoutPreemptively(HANG_GUARD, () -> {
            Charset charset = CharsetSniffer.detect(body, contentType);
            Page page = new Page(DETAIL, 200, body, charset, null);
            try {
                Message message = MAPPER.toMessage(MAPPER.itemKey(DETAIL), DETAIL, PARSER.parseDetail(page));
                assertThat(message.text()).isNotBlank();
                assertThat(message.id()).startsWith(CONFIG.name() + ":");
                return message;
            } catch (FetchException e) {
                assertThat(e.kind()).isEqualTo(FailureKind.NO_CONTENT);
                CAMPAIGN.itemErrors(kind, 1);
                return null;
            }
        });
    }

    private static void parseList(byte[] body) {
        assertTimeoutPreemptively(HANG_GUARD, () -> {
            Page page = new Page(DETAIL, 200, body, CharsetSniffer.detect(body, null), null);
            PageParser.ListPage list = PARSER.parseList(page);
            assertThat(list.itemLinks()).allMatch(link -> link.getHost() != null
                    && Arrays.asList("http", "https").contains(link.getScheme().toLowerCase()));
        });
    }
}
