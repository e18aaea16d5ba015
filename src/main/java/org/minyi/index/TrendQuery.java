package org.minyi.index;

import java.util.Objects;

/**
 * Counts and mean sentiment over time.
 *
 * @param maxSeries with a split, the largest series by count are kept and the rest dropped
 */
public record TrendQuery(MessageFilter filter, TrendInterval interval, TrendSplit split, int maxSeries) {

    public static final int MAX_SERIES = 100;

    public TrendQuery {
        Objects.requireNonNull(filter, "filter");
        Objects.requireNonNull(interval, "interval");
        split = split == null ? TrendSplit.NONE : split;
        if (maxSeries < 1 || maxSeries > MAX_SERIES) {
            throw new IllegalArgumentException("maxSeries must be 1.." + MAX_SERIES + ", was " + maxSeries);
        }
    }
}
