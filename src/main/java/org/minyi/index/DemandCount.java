package org.minyi.index;

/**
 * A demand that many messages share: its normalised key, how many matching messages have it, and one example
 * demand sentence (masked) as a citizen wrote it.
 */
public record DemandCount(String demandKey, long count, String example) {
}
