package org.minyi.insight;

import java.time.Duration;

/**
 * Knobs of hotspot detection; {@link #defaults()} are the values the evaluation was run with.
 *
 * @param nearDuplicateBits  SimHash Hamming distance up to which two messages are the same text (at most 3: the
 *                           band index finds candidates by pigeonhole over 4 bands of 16 bits)
 * @param minKeywordOverlap  Jaccard overlap of keywords two same-topic messages need when they share a specific place
 * @param minKeywordOverlapWithoutPlace Jaccard overlap needed when they only share topic and region
 * @param maxGap             two messages further apart than this are never linked
 * @param maxPlaceFrequency  a place named by more than this share of all messages is too common to link on
 * @param minMessages        smallest group reported as a hotspot
 * @param ewmaAlpha          weight of the newest day in the theme baseline
 * @param minBaselineSd      floor of the baseline deviation, so a quiet theme's first few messages are no burst
 * @param growthWindow       growth compares the last window before the reference time with the one before it
 */
public record HotspotSettings(int nearDuplicateBits, double minKeywordOverlap, double minKeywordOverlapWithoutPlace,
                              Duration maxGap, double maxPlaceFrequency, int minMessages, double ewmaAlpha,
                              double minBaselineSd, Duration growthWindow, Weights weights) {

    /** Weights of the heat parts. */
    public record Weights(double volume, double growth, double votes, double negativity, double spread,
                          double burst) {
    }

    public HotspotSettings {
        if (nearDuplicateBits < 0 || nearDuplicateBits > 3) {
            throw new IllegalArgumentException("nearDuplicateBits must be 0..3, was " + nearDuplicateBits);
        }
        if (minMessages < 1) {
            throw new IllegalArgumentException("minMessages must be >= 1, was " + minMessages);
        }
        if (ewmaAlpha <= 0 || ewmaAlpha > 1) {
            throw new IllegalArgumentException("ewmaAlpha must be in (0, 1], was " + ewmaAlpha);
        }
    }

    public static HotspotSettings defaults() {
        return new HotspotSettings(3, 0.2, 0.5, Duration.ofDays(60), 0.02, 2, 0.1, 1.0, Duration.ofDays(7),
                new Weights(1.0, 0.5, 0.3, 1.0, 0.5, 0.2));
    }

    public HotspotSettings withMinMessages(int value) {
        return new HotspotSettings(nearDuplicateBits, minKeywordOverlap, minKeywordOverlapWithoutPlace, maxGap,
                maxPlaceFrequency, value, ewmaAlpha, minBaselineSd, growthWindow, weights);
    }
}
