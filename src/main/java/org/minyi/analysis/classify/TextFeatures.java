package org.minyi.analysis.classify;

import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * Turns tokens and text into sparse feature counts: words, optionally word bigrams, and character n-grams (n ≤ 5)
 * of the text reduced to letters and digits. Character n-grams matter because the training file was segmented by
 * another tool than the run-time segmenter: they see the same characters whatever the word boundaries.
 *
 * <p>Features are 64-bit keys, not strings, so that classifying a message allocates little: the top byte names the
 * kind of feature; character n-grams up to three UTF-16 units are packed exactly; words, word pairs and longer n-grams are hashed
 * to 56 bits (a collision among a few hundred thousand features has odds of about one in a million).
 */
record TextFeatures(boolean wordBigrams, int charMin, int charMax) {

    private static final long WORD = 1L << 56;
    private static final long WORD_PAIR = 2L << 56;
    private static final long CHARS = 3L << 56;
    private static final long LONG_CHARS = 4L << 56;
    private static final long PAYLOAD = (1L << 56) - 1;

    /** Distinct feature keys in ascending order, with how often each occurred. */
    record Counts(long[] keys, int[] counts) {
        int size() {
            return keys.length;
        }
    }

    TextFeatures {
        if (charMax > 5 || charMin < 0 || (charMax > 0 && (charMin < 1 || charMin > charMax))) {
            throw new IllegalArgumentException("character n-gram range " + charMin + ".." + charMax
                    + " is invalid: use 1..5 at most, or 0..0 for none");
        }
    }

    Counts extract(List<String> tokens, String text) {
        String letters = charMax > 0 ? lettersAndDigits(text) : "";
        int charGrams = 0;
        for (int n = charMin; n <= charMax && n > 0; n++) {
            charGrams += Math.max(0, letters.length() - n + 1);
        }
        long[] keys = new long[tokens.size() * (wordBigrams ? 2 : 1) + charGrams];
        int size = 0;
        long previous = 0;
        for (String token : tokens) {
            String word = token.strip().toLowerCase(Locale.ROOT);
            if (word.isEmpty()) {
                continue;
            }
            long hash = hash(word);
            keys[size++] = WORD | (hash & PAYLOAD);
            if (wordBigrams && previous != 0) {
                keys[size++] = WORD_PAIR | ((previous * 31 + hash) * 0x9E3779B97F4A7C15L >>> 8);
            }
            previous = hash;
        }
        for (int n = charMin; n <= charMax && n > 0; n++) {
            for (int i = 0; i + n <= letters.length(); i++) {
                if (n <= 3) { // up to three UTF-16 units fit the key exactly
                    long packed = n;
                    for (int j = 0; j < n; j++) {
                        packed = packed << 16 | letters.charAt(i + j);
                    }
                    keys[size++] = CHARS | packed;
                } else {
                    keys[size++] = LONG_CHARS | (hash(letters, i, i + n) & PAYLOAD);
                }
            }
        }
        Arrays.sort(keys, 0, size);
        int distinct = 0;
        for (int i = 0; i < size; i++) {
            if (i == 0 || keys[i] != keys[i - 1]) {
                distinct++;
            }
        }
        long[] unique = new long[distinct];
        int[] counts = new int[distinct];
        int d = -1;
        for (int i = 0; i < size; i++) {
            if (i == 0 || keys[i] != keys[i - 1]) {
                unique[++d] = keys[i];
            }
            counts[d]++;
        }
        return new Counts(unique, counts);
    }

    // FNV-1a over UTF-16 units, then a mixing step: stable across JVMs (String.hashCode is only 32 bits).
    private static long hash(String word) {
        return hash(word, 0, word.length());
    }

    private static long hash(String text, int from, int to) {
        long h = 0xcbf29ce484222325L;
        for (int i = from; i < to; i++) {
            h ^= text.charAt(i);
            h *= 0x100000001b3L;
        }
        h ^= h >>> 33;
        h *= 0xff51afd7ed558ccdL;
        h ^= h >>> 33;
        return h == 0 ? 1 : h;
    }

    static String lettersAndDigits(String text) {
        StringBuilder kept = new StringBuilder(text.length());
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (Character.isLetterOrDigit(c) || Character.isSurrogate(c)) {
                kept.append(Character.toLowerCase(c));
            }
        }
        return kept.toString();
    }

    void write(DataOutputStream out) throws IOException {
        out.writeBoolean(wordBigrams);
        out.writeInt(charMin);
        out.writeInt(charMax);
    }

    static TextFeatures read(DataInputStream in) throws IOException {
        return new TextFeatures(in.readBoolean(), in.readInt(), in.readInt());
    }

    @Override
    public String toString() {
        return "words" + (wordBigrams ? " + word bigrams" : "")
                + (charMax > 0 ? " + character " + charMin + ".." + charMax + "-grams" : "");
    }
}
