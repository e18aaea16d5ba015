package org.minyi.index.elasticsearch;

import java.text.BreakIterator;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.apache.lucene.search.uhighlight.DefaultPassageFormatter;
import org.apache.lucene.search.uhighlight.Passage;
import org.apache.lucene.util.BytesRef;

/**
 * Marks the query's words in a hit's masked title and text, on this side of the wire: Elasticsearch only ever saw
 * the words joined by spaces, while the word offsets stored with each document point into the original text.
 * The markup is made by Lucene's own passage formatter, so it is exactly the embedded index's: {@code <em>…</em>}
 * around matches, everything else HTML-escaped, the title whole, the text as its best two sentences.
 */
final class HitHighlighter {

    private static final int TEXT_PASSAGES = 2;

    private final DefaultPassageFormatter formatter = new DefaultPassageFormatter("<em>", "</em>", "…", true);

    /** The title with matches marked, or null when no query word is in it. */
    String title(String title, int[] offsets, Set<String> queryWords) {
        if (title == null) {
            return null;
        }
        Passage whole = new Passage();
        whole.setStartOffset(0);
        whole.setEndOffset(title.length());
        addMatches(whole, title, offsets, queryWords);
        return whole.getNumMatches() == 0 ? null : formatter.format(new Passage[] {whole}, title);
    }

    /** The sentences of the text with the most matches (at most two, in text order), or null without a match. */
    String text(String text, int[] offsets, Set<String> queryWords) {
        if (text == null) {
            return null;
        }
        List<Passage> sentences = new ArrayList<>();
        BreakIterator breaks = BreakIterator.getSentenceInstance(Locale.ROOT);
        breaks.setText(text);
        for (int start = breaks.first(), end = breaks.next(); end != BreakIterator.DONE;
             start = end, end = breaks.next()) {
            Passage sentence = new Passage();
            sentence.setStartOffset(start);
            sentence.setEndOffset(end);
            addMatches(sentence, text, offsets, queryWords);
            if (sentence.getNumMatches() > 0) {
                sentence.setScore(sentence.getNumMatches());
                sentences.add(sentence);
            }
        }
        if (sentences.isEmpty()) {
            return null;
        }
        Passage[] best = sentences.stream()
                .sorted(Comparator.comparingDouble(Passage::getScore).reversed()
                        .thenComparingInt(Passage::getStartOffset))
                .limit(TEXT_PASSAGES)
                .sorted(Comparator.comparingInt(Passage::getStartOffset))
                .toArray(Passage[]::new);
        return formatter.format(best, text);
    }

    /** Offsets hold start and end of each indexed word, in order; query words are normalised likewise. */
    private static void addMatches(Passage passage, String content, int[] offsets, Set<String> queryWords) {
        for (int i = 0; i + 1 < offsets.length; i += 2) {
            int start = offsets[i];
            int end = offsets[i + 1];
            if (start < passage.getStartOffset() || end > passage.getEndOffset() || end > content.length()) {
                continue;
            }
            String word = WordSpans.normalise(content.substring(start, end));
            if (queryWords.contains(word)) {
                passage.addMatch(start, end, new BytesRef(word), 1);
            }
        }
    }
}
