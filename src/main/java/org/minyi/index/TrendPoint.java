package org.minyi.index;

import java.time.LocalDate;

/**
 * One bucket of a trend: messages created from {@code start} (local date in the configured zone) to the next
 * bucket. Buckets with no messages are present with count 0 and meanSentiment 0, so charts need no gap filling.
 */
public record TrendPoint(LocalDate start, long count, double meanSentiment) {
}
