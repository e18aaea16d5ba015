package org.minyi.collect.crawl;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** Declarations the fuzz run ({@link PageParserFuzzTest}) found pages lying with. */
class CharsetDeclarationTest {

    private static final String PAGE = "<html><head><meta charset=\"%s\"></head><body>市长您好，小区路灯不亮。</body></html>";

    @Test
    void aMetaDeclaringUtf16OrUtf32OnAnAsciiReadablePageMeansUtf8() {
        for (String declared : new String[]{"utf-16", "UTF-16LE", "utf-16be", "utf-32"}) {
            byte[] body = PAGE.formatted(declared).getBytes(StandardCharsets.UTF_8);

            assertThat(CharsetSniffer.detect(body, "text/html")).as(declared).isEqualTo(StandardCharsets.UTF_8);
        }
    }
}
