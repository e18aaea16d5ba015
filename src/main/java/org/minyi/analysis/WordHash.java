package org.minyi.analysis;

/**
 * 64-bit word hash for SimHash: FNV-1a over the UTF-16 code units, then MurmurHash3's fmix64 finaliser. FNV-1a
 * alone mixes the last characters poorly (short Chinese words differ in one or two chars), and SimHash needs every
 * output bit to flip with probability ½; the finaliser gives that avalanche.
 */
final class WordHash {

    private static final long FNV_OFFSET_BASIS = 0xcbf29ce484222325L;
    private static final long FNV_PRIME = 0x100000001b3L;

    private WordHash() {
    }

    static long hash64(CharSequence word) {
        long h = FNV_OFFSET_BASIS;
        for (int i = 0; i < word.length(); i++) {
            char c = word.charAt(i);
            h ^= c & 0xff;
            h *= FNV_PRIME;
            h ^= c >>> 8;
            h *= FNV_PRIME;
        }
        return fmix64(h);
    }

    private static long fmix64(long k) {
        k ^= k >>> 33;
        k *= 0xff51afd7ed558ccdL;
        k ^= k >>> 33;
        k *= 0xc4ceb93fe53a8ce5L;
        k ^= k >>> 33;
        return k;
    }
}
