package org.minyi.analysis;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * 64-bit SimHash (Charikar) of a bag of words, weighted by term frequency. Messages that share most of their words
 * get fingerprints a few bits apart; unrelated messages differ in about half of the 64 bits.
 */
public final class SimHash {

    private SimHash() {
    }

    /** Fingerprint of {@code words}; 0 for no words. */
    public static long of(List<String> words) {
        if (words.isEmpty()) {
            return 0L;
        }
        Map<String, Integer> frequency = new HashMap<>();
        for (String word : words) {
            frequency.merge(word, 1, Integer::sum);
        }
        int[] votes = new int[64];
        for (Map.Entry<String, Integer> entry : frequency.entrySet()) {
            long hash = WordHash.hash64(entry.getKey());
            int weight = entry.getValue();
            for (int bit = 0; bit < 64; bit++) {
                votes[bit] += ((hash >>> bit) & 1L) == 1L ? weight : -weight;
            }
        }
        long fingerprint = 0L;
        for (int bit = 0; bit < 64; bit++) {
            if (votes[bit] > 0) {
                fingerprint |= 1L << bit;
            }
        }
        return fingerprint;
    }

    /** Hamming distance between two fingerprints: 0 (same words) to 64. */
    public static int distance(long a, long b) {
        return Long.bitCount(a ^ b);
    }
}
