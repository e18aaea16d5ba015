package org.minyi.collect.crawl;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Decides how to decode a page: the HTTP Content-Type charset, then a byte-order mark, then a
 * {@code <meta charset>} / {@code http-equiv} declaration, then a guess: valid UTF-8 stays UTF-8, anything else is
 * read as GB18030 (the superset of GBK and GB2312 that Chinese government sites still commonly serve).
 */
final class CharsetSniffer {

    private static final Pattern HEADER_CHARSET = Pattern.compile("(?i)charset\\s*=\\s*[\"']?([\\w.:-]+)");
    private static final Pattern META_CHARSET =
            Pattern.compile("(?i)<meta[^>]+charset\\s*=\\s*[\"']?\\s*([\\w.:-]+)");
    private static final Charset GB18030 = Charset.forName("GB18030");
    private static final int META_SCAN_BYTES = 4096;

    private CharsetSniffer() {
    }

    static Charset detect(byte[] body, String contentType) {
        Charset declared = contentType == null ? null : declared(HEADER_CHARSET.matcher(contentType));
        if (declared != null) {
            return declared;
        }
        if (body.length >= 3 && (body[0] & 0xff) == 0xef && (body[1] & 0xff) == 0xbb && (body[2] & 0xff) == 0xbf) {
            return StandardCharsets.UTF_8;
        }
        // Latin-1 maps bytes 1:1, so the ASCII markup of the head is readable whatever the real encoding.
        String head = new String(body, 0, Math.min(body.length, META_SCAN_BYTES), StandardCharsets.ISO_8859_1);
        Charset meta = declared(META_CHARSET.matcher(head));
        if (meta != null) {
            // A <meta> that could be read byte by byte as ASCII cannot be in UTF-16 or UTF-32, whatever it says:
            // browsers read such pages as UTF-8 (WHATWG encoding sniffing), and so do we.
            return meta.name().startsWith("UTF-16") || meta.name().startsWith("UTF-32") ? StandardCharsets.UTF_8
                    : meta;
        }
        return isValidUtf8(body) ? StandardCharsets.UTF_8 : GB18030;
    }

    private static Charset declared(Matcher m) {
        if (!m.find()) {
            return null;
        }
        String name = m.group(1).toLowerCase(Locale.ROOT);
        // Pages labelled gb2312 or gbk routinely contain characters only GBK/GB18030 have.
        if (name.equals("gb2312") || name.equals("gbk") || name.equals("x-gbk") || name.equals("gb_2312-80")) {
            return GB18030;
        }
        try {
            return Charset.forName(name);
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    private static boolean isValidUtf8(byte[] body) {
        try {
            StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(body));
            return true;
        } catch (CharacterCodingException e) {
            return false;
        }
    }
}
