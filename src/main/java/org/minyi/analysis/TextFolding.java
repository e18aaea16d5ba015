package org.minyi.analysis;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

/**
 * The forms of a character that search treats as one: traditional and simplified Chinese (業 and 业), full-width and
 * ASCII letters and digits (Ａ３ and A3), upper and lower case Latin letters. Every mapping is one {@code char} to one
 * {@code char}, so a folded text has the same length and offsets as the original and highlights stay in place.
 *
 * <p>Traditional characters come from HanLP's own table ({@code data/dictionary/tc/t2s.txt}, single characters
 * only: phrase entries such as 一目瞭然 would change lengths, and their characters fold one by one anyway).
 */
public final class TextFolding {

    private static final String TRADITIONAL_TABLE = "data/dictionary/tc/t2s.txt";

    /** Simplified form of each traditional BMP character, 0 where a character has none. */
    private static final char[] SIMPLIFIED = loadSimplified();

    private TextFolding() {
    }

    /**
     * The text with traditional characters simplified and full-width letters and digits made ASCII, case kept:
     * what the segmenter should see so that 物業 is cut like 物业 (case matters to it: A3区 is a place, a3区 not).
     */
    public static String forSegmentation(String text) {
        return mapped(text, TextFolding::unify);
    }

    /** Whether {@link #forSegmentation} changes the text, so words cut from the original would differ. */
    public static boolean changesSegmentation(String text) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (unify(c) != c) {
                return true;
            }
        }
        return false;
    }

    /** A word as indexed and searched: {@link #forSegmentation} and Latin letters in lower case. */
    public static String word(String word) {
        return mapped(word, c -> Character.toLowerCase(unify(c)));
    }

    /**
     * A query text ready for segmentation: {@link #forSegmentation} and ASCII letters in upper case. Upper case
     * because the segmenter keeps the anonymised places of the data whole only in upper case (a3区 is cut in
     * three, A3区 is one place) and takes "etc" for an English stop word but "ETC" for a word; the words cut are
     * then folded with {@link #word} like the indexed ones.
     */
    public static String forQuery(String text) {
        return mapped(text, c -> {
            char unified = unify(c);
            return unified >= 'a' && unified <= 'z' ? (char) (unified - 'a' + 'A') : unified;
        });
    }

    /** One character for each: the text itself when nothing changes (most texts), without copying it. */
    private static String mapped(String text, CharMapping mapping) {
        char[] chars = null;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            char folded = mapping.map(c);
            if (folded != c) {
                if (chars == null) {
                    chars = text.toCharArray();
                }
                chars[i] = folded;
            }
        }
        return chars == null ? text : new String(chars);
    }

    @FunctionalInterface
    private interface CharMapping {
        char map(char c);
    }

    private static char unify(char c) {
        if (c >= '\uFF10' && c <= '\uFF5A' && Character.isLetterOrDigit(c)) {
            return (char) (c - '\uFF10' + '0'); // full-width digits and letters sit 0xFEE0 above ASCII
        }
        if (c < '\u3400') {
            return c;
        }
        char simplified = SIMPLIFIED[c];
        return simplified == 0 ? c : simplified;
    }

    private static char[] loadSimplified() {
        char[] table = new char[Character.MAX_VALUE + 1];
        try (InputStream in = TextFolding.class.getClassLoader().getResourceAsStream(TRADITIONAL_TABLE)) {
            if (in == null) {
                throw new IllegalStateException("HanLP's table " + TRADITIONAL_TABLE + " is not on the class path");
            }
            BufferedReader lines = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
            for (String line = lines.readLine(); line != null; line = lines.readLine()) {
                // "業=业": one BMP character on each side; longer entries are phrases
                if (line.length() == 3 && line.charAt(1) == '=' && !Character.isSurrogate(line.charAt(0))
                        && !Character.isSurrogate(line.charAt(2)) && line.charAt(0) != line.charAt(2)) {
                    table[line.charAt(0)] = line.charAt(2);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read HanLP's table " + TRADITIONAL_TABLE, e);
        }
        return table;
    }
}
