package org.minyi.index.elasticsearch;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import org.minyi.analysis.IndexWord;
import org.minyi.analysis.IndexWords;
import org.minyi.analysis.Segmenter;
import org.minyi.analysis.TextFolding;

/**
 * The words of a text with where each sits in it, cut by {@link IndexWords} as the embedded Lucene index cuts them: the pipeline's
 * segmenter picks the words (Elasticsearch has no Chinese segmenter of ours), lower-cased so "WiFi" finds "wifi".
 * Elasticsearch gets the words joined by spaces and indexes them with its built-in {@code whitespace} analyzer;
 * the offsets stay with the document so hits can be highlighted in the original masked text.
 */
record WordSpans(List<String> words, int[] offsets) {

    private static final Pattern WHITE_SPACE = Pattern.compile("\\s+");

    static final WordSpans EMPTY = new WordSpans(List.of(), new int[0]);

    static WordSpans of(String text, Segmenter segmenter) {
        return of(text, null, null, segmenter);
    }

    /** Uses the words the analysis cut when they are of this very text, else segments it. */
    static WordSpans of(String text, String analysed, List<IndexWord> analysedWords, Segmenter segmenter) {
        if (text == null || text.isEmpty()) {
            return EMPTY;
        }
        List<IndexWord> found = analysedWords != null && text.equals(analysed)
                ? analysedWords : IndexWords.of(text, segmenter);
        List<String> words = new ArrayList<>(found.size());
        int[] offsets = new int[found.size() * 2];
        for (IndexWord word : found) {
            offsets[words.size() * 2] = word.start();
            offsets[words.size() * 2 + 1] = word.end();
            words.add(normalise(word.text()));
        }
        return new WordSpans(List.copyOf(words), offsets);
    }

    /**
     * How a word is indexed and queried: {@link TextFolding#word folded} (lower case, simplified), and no inner white
     * space, which would split it in two.
     */
    static String normalise(String word) {
        String lower = TextFolding.word(word);
        // Almost no word holds white space; checking first spares a regex match per indexed word.
        return lower.chars().anyMatch(Character::isWhitespace) ? WHITE_SPACE.matcher(lower).replaceAll("_") : lower;
    }

    String joined() {
        return String.join(" ", words);
    }
}
