package org.minyi.index;

/** A value and how many matching messages have it. */
public record TermCount(String term, long count) {
}
