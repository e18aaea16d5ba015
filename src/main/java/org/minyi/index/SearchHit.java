package org.minyi.index;

/**
 * One matching message.
 *
 * @param titleHighlight masked title with matched words wrapped in {@code <em>…</em>} (the rest HTML-escaped), or
 *                       null when the title did not match or there was no text query
 * @param textHighlight  best fragments of the masked text, same markup, or null
 */
public record SearchHit(IndexedMessage message, float score, String titleHighlight, String textHighlight) {
}
