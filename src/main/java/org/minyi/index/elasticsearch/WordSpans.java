package org.minyi.index.elasticsearch;

import com.hankcs.hanlp.seg.common.Term;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.minyi.analysis.Segmenter;

/**
 * The content words of a text with where each sits in it, as the embedded Lucene index sees them: the pipeline's
 * segmenter picks the words (Elasticsearch has no Chinese segmenter of ours), lower-cased so "WiFi" finds "wifi".
 * Elasticsearch gets the words joined by spaces and indexes them with its built-in {@code whitespace} analyzer;
 * the offsets stay with the document so hits can be highlighted in the original masked text.
 */
record WordSpans(List<String> words, int[] offsets) {

    static final WordSpans EMPTY = new WordSpans(List.of(), new int[0]);

    static WordSpans of(String text, Segmenter segmenter) {
        if (text == null || text.isEmpty()) {
            return EMPTY;
        }
        List<Term> terms = segmenter.terms(text);
        List<String> words = new ArrayList<>(terms.size());
        int[] offsets = new int[terms.size() * 2];
        int searchFrom = 0;
        for (Term term : terms) {
            // the segmenter owns the notion of a content word; asking term by term keeps both adapters in step
            List<String> content = segmenter.contentWords(List.of(term));
            if (content.isEmpty()) {
                continue;
            }
            String word = content.getFirst();
            int start = text.indexOf(word, Math.max(term.offset, searchFrom));
            if (start < 0) {
                continue; // HanLP normalised the word; it cannot be located for highlighting
            }
            offsets[words.size() * 2] = start;
            offsets[words.size() * 2 + 1] = start + word.length();
            words.add(normalise(word));
            searchFrom = start + word.length();
        }
        return new WordSpans(List.copyOf(words), java.util.Arrays.copyOf(offsets, words.size() * 2));
    }

    /** How a word is indexed and queried: lower case, and no inner white space, which would split it in two. */
    static String normalise(String word) {
        return word.toLowerCase(Locale.ROOT).replaceAll("\\s+", "_");
    }

    String joined() {
        return String.join(" ", words);
    }
}
