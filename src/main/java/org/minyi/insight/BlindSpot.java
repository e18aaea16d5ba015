package org.minyi.insight;

/**
 * A region that says far less about a topic than its peers would lead one to expect: a possible coverage blind spot
 * (citizens there do not reach the channel, or the matter is filed elsewhere) rather than proof of no problem.
 *
 * @param expected region's total × the topic's share among all other regions
 * @param ratio    observed / expected
 */
public record BlindSpot(String region, String topic, long observed, double expected, double ratio, String why) {
}
