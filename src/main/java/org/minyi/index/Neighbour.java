package org.minyi.index;

/**
 * A message close in meaning to another, found through the sentence vectors.
 *
 * @param similarity cosine of the two vectors, −1..1 (1: the same meaning)
 */
public record Neighbour(IndexedMessage message, double similarity) {
}
