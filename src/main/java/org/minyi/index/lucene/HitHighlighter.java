package org.minyi.index.lucene;

import static org.minyi.index.lucene.MessageDocuments.TEXT;
import static org.minyi.index.lucene.MessageDocuments.TITLE;

import java.io.IOException;
import java.text.BreakIterator;
import java.util.Locale;
import java.util.Map;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.uhighlight.DefaultPassageFormatter;
import org.apache.lucene.search.uhighlight.UnifiedHighlighter;
import org.apache.lucene.search.uhighlight.WholeBreakIterator;

/**
 * Marks matched words in the stored masked title and text with {@code <em>…</em>}; everything else is
 * HTML-escaped, because messages are citizens' free text and may well contain markup. The title is shown whole,
 * the text as its best two sentences. A field without a match gets no highlight (null).
 */
final class HitHighlighter {

    /** Both parts of a hit's highlight; either may be null. */
    record Highlight(String title, String text) {
    }

    private static final int TEXT_PASSAGES = 2;

    private final Analyzer analyzer;

    HitHighlighter(Analyzer analyzer) {
        this.analyzer = analyzer;
    }

    Highlight[] highlight(IndexSearcher searcher, Query textQuery, int[] docIds) throws IOException {
        UnifiedHighlighter.Builder builder = UnifiedHighlighter.builder(searcher, analyzer)
                .withFormatter(new DefaultPassageFormatter("<em>", "</em>", "…", true))
                .withMaxNoHighlightPassages(0);
        UnifiedHighlighter highlighter = new UnifiedHighlighter(builder) {
            @Override
            protected BreakIterator getBreakIterator(String field) {
                return TITLE.equals(field) ? new WholeBreakIterator() : BreakIterator.getSentenceInstance(Locale.ROOT);
            }
        };
        Map<String, String[]> fields = highlighter.highlightFields(new String[] {TITLE, TEXT}, textQuery, docIds,
                new int[] {1, TEXT_PASSAGES});
        Highlight[] highlights = new Highlight[docIds.length];
        for (int i = 0; i < docIds.length; i++) {
            highlights[i] = new Highlight(fields.get(TITLE)[i], fields.get(TEXT)[i]);
        }
        return highlights;
    }
}
