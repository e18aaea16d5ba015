package org.minyi.analysis.classify;

import java.util.Arrays;

/** Feature key → column, an open-addressing map over primitive longs (classification looks up thousands per text). */
final class FeatureIndex {

    private static final long EMPTY = 0; // no feature key is 0: every key carries a non-zero namespace byte

    private final long[] keys;
    private final int[] columns;
    private final int mask;

    FeatureIndex(long[] featureKeys) {
        int capacity = Integer.highestOneBit(Math.max(4, featureKeys.length * 2) - 1) << 1;
        keys = new long[capacity];
        columns = new int[capacity];
        mask = capacity - 1;
        for (int column = 0; column < featureKeys.length; column++) {
            long key = featureKeys[column];
            if (key == EMPTY) {
                throw new IllegalArgumentException("feature key 0 is reserved");
            }
            int slot = slot(key);
            while (keys[slot] != EMPTY) {
                if (keys[slot] == key) {
                    throw new IllegalArgumentException("duplicate feature key " + key);
                }
                slot = (slot + 1) & mask;
            }
            keys[slot] = key;
            columns[slot] = column;
        }
    }

    /** The column of {@code key}, or −1 when the model has no such feature. */
    int column(long key) {
        int slot = slot(key);
        while (true) {
            long found = keys[slot];
            if (found == key) {
                return columns[slot];
            }
            if (found == EMPTY) {
                return -1;
            }
            slot = (slot + 1) & mask;
        }
    }

    private int slot(long key) {
        long h = key * 0x9E3779B97F4A7C15L;
        return (int) (h ^ (h >>> 32)) & mask;
    }

    @Override
    public String toString() {
        return "FeatureIndex[" + Arrays.stream(keys).filter(k -> k != EMPTY).count() + " keys]";
    }
}
