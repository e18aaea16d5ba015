package org.minyi.analysis;

import java.text.Normalizer;

/**
 * A text as the PII masker reads it: every character replaced by its NFKC form when that is one character
 * (full-width digits and letters, {@code ＠}, {@code ．}, {@code －}, circled digits), digits of any script by the
 * ASCII digit, every dash by {@code -}, every space by {@code ' '}, dots used between digit groups by {@code '.'},
 * and invisible characters (zero-width spaces, joiners, the second half of a surrogate pair) by {@link #IGNORABLE}.
 *
 * <p>The folded text has exactly the length of the original, so a span found in it is the same span of the
 * original: the masker matches here and cuts there, and nothing but the personal data changes.
 */
final class FoldedText {

    /** What an invisible character becomes; number patterns skip it like a separator. */
    static final char IGNORABLE = '\u200B';

    private static final char[] BMP = foldTable();

    private FoldedText() {
    }

    /** The folded form of {@code text}, of the same length; the very same string when nothing changes. */
    static String fold(String text) {
        char[] folded = null;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            char f;
            if (c < 0x80) {
                f = c == '\t' ? ' ' : c;
            } else if (Character.isHighSurrogate(c) && i + 1 < text.length()
                    && Character.isLowSurrogate(text.charAt(i + 1))) {
                // outside the BMP: mathematical and other digits fold to ASCII, the rest stays
                int codePoint = Character.toCodePoint(c, text.charAt(i + 1));
                int digit = Character.digit(codePoint, 10);
                if (digit < 0) {
                    i++;
                    continue;
                }
                if (folded == null) {
                    folded = text.toCharArray();
                }
                folded[i] = (char) ('0' + digit);
                folded[++i] = IGNORABLE;
                continue;
            } else {
                f = BMP[c];
            }
            if (f != c) {
                if (folded == null) {
                    folded = text.toCharArray();
                }
                folded[i] = f;
            }
        }
        return folded == null ? text : new String(folded);
    }

    private static char[] foldTable() {
        char[] table = new char[Character.MAX_VALUE + 1];
        for (int c = 0; c <= Character.MAX_VALUE; c++) {
            table[c] = foldOne((char) c);
        }
        return table;
    }

    private static char foldOne(char c) {
        if (c < 0x80 || Character.isSurrogate(c)) {
            return c == '\t' ? ' ' : c;
        }
        if (c >= '\u4E00' && c <= '\u9FFF' || c >= '\uAC00' && c <= '\uD7A3') {
            return c; // Chinese characters and Hangul syllables are their own NFKC form: spares half the start-up
        }
        if (Character.isDigit(c)) {
            return (char) ('0' + Character.digit(c, 10));
        }
        switch (c) {
            case '\u00B7', '\u2022', '\u2027', '\u2219', '\u30FB', '\uFF65' -> {
                return '.'; // middle dots, bullets and katakana dots people put between digit groups
            }
            case '\u2212', '\uFE63', '\uFF0D', '\u2E3A', '\u2E3B' -> {
                return '-';
            }
            default -> {
            }
        }
        int type = Character.getType(c);
        if (type == Character.SPACE_SEPARATOR) {
            return ' ';
        }
        if (type == Character.DASH_PUNCTUATION) {
            return '-';
        }
        if (type == Character.FORMAT) {
            return IGNORABLE; // zero-width space, joiners, soft hyphen, BOM…
        }
        String nfkc = Normalizer.normalize(String.valueOf(c), Normalizer.Form.NFKC);
        if (nfkc.length() == 1) {
            char n = nfkc.charAt(0);
            return Character.isDigit(n) ? (char) ('0' + Character.digit(n, 10)) : n;
        }
        return c;
    }
}
