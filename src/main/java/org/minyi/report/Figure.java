package org.minyi.report;

/**
 * One number of a briefing and how to get it again: {@code value} is what {@code query} reads, divided by what
 * {@code per} reads when there is one (a share). {@code basis} is how many messages the number rests on; sentences
 * built on fewer than {@link Sentences#MIN_BASIS} are left out.
 *
 * @param shown the value as printed, e.g. {@code 23.5%} or {@code 1,204}
 */
public record Figure(String label, double value, String shown, long basis, FigureQuery query, FigureQuery per) {
}
