package org.minyi.fuzz;

import java.nio.charset.Charset;
import java.util.Arrays;
import java.util.Random;

/** Ways to spoil bytes and text: the mutations a fuzz run applies to valid inputs, and random text of every kind. */
public final class Garble {

    public static final Charset GBK = Charset.forName("GBK");

    private static final String CHINESE = "市民反映小区路灯不亮噪音扰民物业乱收费希望尽快处理学校周边交通拥堵建议增开公交线路"
            + "供暖不热自来水停水垃圾清运医保社保办理难拆迁补偿投诉举报感谢政府";
    private static final String PUNCTUATION = "，。！？；：、“”‘’（）《》【】…—·,.!?;:'\"()[]{}<>@#$%^&*-_=+|\\/~`";
    private static final String[] EMOJI = {"😀", "👍", "🚧", "🏠", "❤️", "👨‍👩‍👧", "🇨🇳", "🙏🏽"};

    private Garble() {
    }

    /** 1 to {@code maxEdits} random byte flips, insertions and deletions. */
    public static byte[] mutate(byte[] original, Random random, int maxEdits) {
        byte[] bytes = original;
        int edits = 1 + random.nextInt(maxEdits);
        for (int e = 0; e < edits; e++) {
            int at = bytes.length == 0 ? 0 : random.nextInt(bytes.length);
            switch (random.nextInt(4)) {
                case 0 -> {
                    if (bytes.length > 0) {
                        bytes = bytes == original ? bytes.clone() : bytes;
                        bytes[at] ^= (byte) (1 << random.nextInt(8));
                    }
                }
                case 1 -> bytes = insert(bytes, at, interestingBytes(random));
                case 2 -> {
                    if (bytes.length > 0) {
                        int n = Math.min(bytes.length - at, 1 + random.nextInt(8));
                        bytes = delete(bytes, at, n);
                    }
                }
                default -> {
                    if (bytes.length > 0) {
                        bytes = bytes == original ? bytes.clone() : bytes;
                        bytes[at] = (byte) random.nextInt(256);
                    }
                }
            }
        }
        return bytes;
    }

    /** The offset of the first byte where {@code a} and {@code b} differ (the shorter length if one is a prefix). */
    public static int firstDifference(byte[] a, byte[] b) {
        int mismatch = Arrays.mismatch(a, b);
        return mismatch < 0 ? Math.min(a.length, b.length) : mismatch;
    }

    public static byte[] insert(byte[] bytes, int at, byte[] inserted) {
        byte[] out = new byte[bytes.length + inserted.length];
        System.arraycopy(bytes, 0, out, 0, at);
        System.arraycopy(inserted, 0, out, at, inserted.length);
        System.arraycopy(bytes, at, out, at + inserted.length, bytes.length - at);
        return out;
    }

    public static byte[] delete(byte[] bytes, int at, int n) {
        byte[] out = new byte[bytes.length - n];
        System.arraycopy(bytes, 0, out, 0, at);
        System.arraycopy(bytes, at + n, out, at, bytes.length - at - n);
        return out;
    }

    public static byte[] randomBytes(Random random, int length) {
        byte[] bytes = new byte[length];
        random.nextBytes(bytes);
        return bytes;
    }

    /** Bytes that tend to break parsers: NUL, quotes, separators, line ends, BOMs, invalid UTF-8, GBK pairs. */
    private static byte[] interestingBytes(Random random) {
        return switch (random.nextInt(12)) {
            case 0 -> new byte[]{0};
            case 1 -> new byte[]{'"'};
            case 2 -> new byte[]{','};
            case 3 -> new byte[]{'\r'};
            case 4 -> new byte[]{'\n'};
            case 5 -> new byte[]{(byte) 0xEF, (byte) 0xBB, (byte) 0xBF};
            case 6 -> new byte[]{(byte) 0xC3};                      // truncated two-byte sequence
            case 7 -> new byte[]{(byte) 0xED, (byte) 0xA0, (byte) 0x80}; // encoded surrogate: invalid UTF-8
            case 8 -> new byte[]{(byte) 0xFF, (byte) 0xFE};
            case 9 -> "路灯".getBytes(GBK);
            case 10 -> new byte[]{'{', '['};
            default -> randomBytes(random, 1 + random.nextInt(6));
        };
    }

    /** Random text from Chinese, ASCII, punctuation, emoji, control characters and (if allowed) lone surrogates. */
    public static String text(Random random, int length, boolean loneSurrogates) {
        StringBuilder out = new StringBuilder(length + 8);
        while (out.length() < length) {
            switch (random.nextInt(loneSurrogates ? 10 : 9)) {
                case 0, 1, 2 -> out.append(CHINESE.charAt(random.nextInt(CHINESE.length())));
                case 3 -> out.append((char) ('a' + random.nextInt(26)));
                case 4 -> out.append(PUNCTUATION.charAt(random.nextInt(PUNCTUATION.length())));
                case 5 -> out.append(EMOJI[random.nextInt(EMOJI.length)]);
                case 6 -> out.append((char) random.nextInt(0x20));   // control characters, NUL included
                case 7 -> out.appendCodePoint(anyCodePoint(random));
                case 8 -> out.append(random.nextBoolean() ? ' ' : '\u3000');
                default -> out.append((char) (0xD800 + random.nextInt(0x800))); // an unpaired surrogate
            }
        }
        return out.toString();
    }

    /** Any assigned-or-not code point outside the surrogate range. */
    public static int anyCodePoint(Random random) {
        while (true) {
            int cp = random.nextInt(Character.MAX_CODE_POINT + 1);
            if (cp < Character.MIN_SURROGATE || cp > Character.MAX_SURROGATE) {
                return cp;
            }
        }
    }

    /** A sentence from the pool of Chinese message words, {@code length} characters long. */
    public static String chinese(Random random, int length) {
        StringBuilder out = new StringBuilder(length);
        while (out.length() < length) {
            out.append(CHINESE.charAt(random.nextInt(CHINESE.length())));
        }
        return out.toString();
    }
}
