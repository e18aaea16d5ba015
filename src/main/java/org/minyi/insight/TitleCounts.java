package org.minyi.insight;

/**
 * How many titles hold each phrase, keyed by a 64-bit hash of the phrase's characters: counting this way makes no
 * string per phrase found, which is most of what describing a large issue cost. Each title counts a phrase once.
 * A collision can only add to a count, never take from one, so using it to pick the phrases worth counting exactly
 * loses none.
 */
final class TitleCounts {

    private long[] keys;
    private int[] counts;
    /** The last title counted per key, so a title holding a phrase twice counts it once. */
    private int[] lastTitle;
    private boolean[] used;
    private int size;

    TitleCounts(int expected) {
        int capacity = Integer.highestOneBit(Math.max(16, expected * 2) - 1) << 1;
        keys = new long[capacity];
        counts = new int[capacity];
        lastTitle = new int[capacity];
        used = new boolean[capacity];
    }

    /** FNV-1a over the characters of {@code text[from, to)}. */
    static long hash(String text, int from, int to) {
        long h = 0xcbf29ce484222325L;
        for (int i = from; i < to; i++) {
            h ^= text.charAt(i);
            h *= 0x100000001b3L;
        }
        return h;
    }

    /** Counts {@code title} for the phrase hashed to {@code key}, unless that title was counted for it already. */
    void count(long key, int title) {
        int slot = slot(key);
        if (!used[slot]) {
            used[slot] = true;
            keys[slot] = key;
            lastTitle[slot] = -1;
            if (++size * 2 > keys.length) {
                grow();
                slot = slot(key);
            }
        }
        if (lastTitle[slot] != title) {
            counts[slot]++;
            lastTitle[slot] = title;
        }
    }

    /** Titles counted for {@code key} (at least as many as hold its phrase). */
    int titles(long key) {
        int slot = slot(key);
        return used[slot] ? counts[slot] : 0;
    }

    private int slot(long key) {
        int mask = keys.length - 1;
        int slot = (int) (key ^ key >>> 32) * 0x9E3779B9 & mask;
        while (used[slot] && keys[slot] != key) {
            slot = slot + 1 & mask;
        }
        return slot;
    }

    private void grow() {
        long[] oldKeys = keys;
        int[] oldCounts = counts;
        int[] oldLast = lastTitle;
        boolean[] oldUsed = used;
        keys = new long[oldKeys.length * 2];
        counts = new int[keys.length];
        lastTitle = new int[keys.length];
        used = new boolean[keys.length];
        for (int i = 0; i < oldKeys.length; i++) {
            if (oldUsed[i]) {
                int slot = slot(oldKeys[i]);
                used[slot] = true;
                keys[slot] = oldKeys[i];
                counts[slot] = oldCounts[i];
                lastTitle[slot] = oldLast[i];
            }
        }
    }
}
