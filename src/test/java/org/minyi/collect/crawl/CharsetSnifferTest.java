package org.minyi.collect.crawl;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class CharsetSnifferTest {

    private static final Charset GBK = Charset.forName("GBK");
    private static final Charset GB18030 = Charset.forName("GB18030");
    private static final String PAGE = "<html><head>%s</head><body>市长您好，小区路灯不亮，请尽快维修。</body></html>";

    @Test
    void httpHeaderWinsOverMeta() {
        byte[] body = PAGE.formatted("<meta charset=\"utf-8\">").getBytes(GBK);

        assertEquals(GB18030, CharsetSniffer.detect(body, "text/html; charset=GBK"));
    }

    @Test
    void metaCharsetAndHttpEquivAreRead() {
        assertEquals(GB18030, CharsetSniffer.detect(PAGE.formatted("<meta charset='gb2312'>").getBytes(GBK),
                "text/html"));
        assertEquals(StandardCharsets.UTF_8, CharsetSniffer.detect(PAGE.formatted(
                "<meta http-equiv=\"Content-Type\" content=\"text/html; charset=UTF-8\">").getBytes(
                        StandardCharsets.UTF_8), null));
    }

    @Test
    void undeclaredPagesAreUtf8WhenValidElseGb18030() {
        String bare = PAGE.formatted("");

        assertEquals(StandardCharsets.UTF_8, CharsetSniffer.detect(bare.getBytes(StandardCharsets.UTF_8), null));
        assertEquals(GB18030, CharsetSniffer.detect(bare.getBytes(GBK), "text/html"));
        assertEquals(bare, new String(bare.getBytes(GBK), CharsetSniffer.detect(bare.getBytes(GBK), null)));
    }

    @Test
    void unknownDeclaredCharsetFallsThroughToTheGuess() {
        byte[] body = PAGE.formatted("").getBytes(GBK);

        assertEquals(GB18030, CharsetSniffer.detect(body, "text/html; charset=x-no-such-charset"));
    }
}
