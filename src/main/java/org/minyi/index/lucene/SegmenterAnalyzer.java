package org.minyi.index.lucene;

import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.LowerCaseFilter;
import org.apache.lucene.analysis.Tokenizer;
import org.minyi.analysis.Segmenter;

/**
 * Indexes and queries with the pipeline's own segmentation, so a word found by analysis is a word search finds.
 * Latin letters are lower-cased so "WiFi" finds "wifi".
 */
final class SegmenterAnalyzer extends Analyzer {

    /** Keeps phrases from matching across two values of a multi-valued field (two departments, say). */
    private static final int GAP_BETWEEN_VALUES = 100;

    private final Segmenter segmenter;

    SegmenterAnalyzer(Segmenter segmenter) {
        this.segmenter = segmenter;
    }

    Segmenter segmenter() {
        return segmenter;
    }

    @Override
    protected TokenStreamComponents createComponents(String fieldName) {
        Tokenizer tokenizer = new SegmenterTokenizer(segmenter);
        return new TokenStreamComponents(tokenizer, new LowerCaseFilter(tokenizer));
    }

    @Override
    public int getPositionIncrementGap(String fieldName) {
        return GAP_BETWEEN_VALUES;
    }
}
