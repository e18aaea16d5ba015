package org.minyi.collect.importer;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.Charset;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Which encoding a text file is in: UTF-8, or GB18030 — the superset of GBK and GB2312 that Excel and most Chinese
 * Windows programs write ("ANSI" on a Chinese system). The first {@value #SAMPLE_BYTES} bytes decide: a UTF-8
 * byte-order mark or valid UTF-8 means UTF-8; otherwise, if they are valid GB18030 and mostly Chinese text, GB18030;
 * anything else is read as UTF-8, whose bad bytes are then reported per record.
 */
final class TextEncoding {

    static final Charset GB18030 = Charset.forName("GB18030");
    static final int SAMPLE_BYTES = 1 << 20;
    /** How the choice is made, for messages about a file that turned out otherwise further on. */
    static final String HOW = "chosen by its first MiB: UTF-8 unless that is GBK/GB18030 Chinese text";

    private TextEncoding() {
    }

    static Charset of(Path file) {
        byte[] sample;
        try (InputStream in = Files.newInputStream(file)) {
            sample = in.readNBytes(SAMPLE_BYTES);
        } catch (IOException e) {
            throw new ImportException("cannot read " + file + ": " + e.getMessage(), e);
        }
        return of(sample, sample.length < SAMPLE_BYTES);
    }

    /** @param whole whether the sample is the whole file (else its last character may be cut) */
    static Charset of(byte[] sample, boolean whole) {
        if (sample.length >= 3 && (sample[0] & 0xff) == 0xEF && (sample[1] & 0xff) == 0xBB
                && (sample[2] & 0xff) == 0xBF) {
            return StandardCharsets.UTF_8;
        }
        if (decodes(sample, StandardCharsets.UTF_8, whole) != null) {
            return StandardCharsets.UTF_8;
        }
        CharBuffer text = decodes(sample, GB18030, whole);
        return text != null && mostlyChinese(text) ? GB18030 : StandardCharsets.UTF_8;
    }

    /** The sample decoded strictly, or null when it holds a malformed sequence (a cut one at the end is allowed). */
    private static CharBuffer decodes(byte[] sample, Charset charset, boolean whole) {
        CharsetDecoder decoder = charset.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        ByteBuffer in = ByteBuffer.wrap(sample);
        CharBuffer out = CharBuffer.allocate(sample.length + 1);
        CoderResult result = decoder.decode(in, out, whole);
        if (result.isError()) {
            return null;
        }
        if (whole) {
            try {
                decoder.flush(out);
            } catch (RuntimeException e) {
                return null;
            }
        } else if (in.remaining() > 4) {
            return null; // more left over than a character cut at the sample's end
        }
        return out.flip();
    }

    /**
     * Whether the letters of a decoded text are mostly Chinese: GB18030 decodes almost any bytes, so a file of, say,
     * Latin-1 accents would pass as GB18030 but yield a scatter of rare characters among Latin ones.
     */
    private static boolean mostlyChinese(CharBuffer text) {
        int letters = 0;
        int chinese = 0;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (Character.isLetter(c) && c > 0x7f) {
                letters++;
                if (Character.UnicodeScript.of(c) == Character.UnicodeScript.HAN) {
                    chinese++;
                }
            }
        }
        return letters > 0 && chinese >= letters * 0.9;
    }
}
