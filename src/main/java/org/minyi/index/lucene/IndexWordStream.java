package org.minyi.index.lucene;

import java.util.List;
import java.util.function.IntUnaryOperator;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.apache.lucene.analysis.tokenattributes.OffsetAttribute;
import org.apache.lucene.analysis.tokenattributes.PositionIncrementAttribute;
import org.minyi.analysis.IndexWord;

/**
 * Tokens the analysis pipeline already cut: indexing a message then costs no second segmentation. Yields exactly
 * what {@link SegmenterTokenizer} would yield for the same text.
 */
final class IndexWordStream extends TokenStream {

    private final List<IndexWord> words;
    private final int length;
    private final CharTermAttribute termAttribute = addAttribute(CharTermAttribute.class);
    private final OffsetAttribute offsetAttribute = addAttribute(OffsetAttribute.class);
    private final PositionIncrementAttribute positionAttribute = addAttribute(PositionIncrementAttribute.class);
    private int next;

    IndexWordStream(List<IndexWord> words, int textLength) {
        this.words = words;
        this.length = textLength;
    }

    @Override
    public boolean incrementToken() {
        if (next >= words.size()) {
            return false;
        }
        clearAttributes();
        emit(words.get(next++), termAttribute, offsetAttribute, positionAttribute, IntUnaryOperator.identity());
        return true;
    }

    /**
     * Sets one word's attributes, the same for this stream and {@link SegmenterTokenizer}: words inside a longer
     * word share its position. {@code offsets} maps text offsets (a tokenizer's char filters may shift them).
     */
    static void emit(IndexWord word, CharTermAttribute term, OffsetAttribute offset,
                     PositionIncrementAttribute position, IntUnaryOperator offsets) {
        term.setEmpty().append(word.text());
        offset.setOffset(offsets.applyAsInt(word.start()), offsets.applyAsInt(word.end()));
        position.setPositionIncrement(word.inner() ? 0 : 1);
    }

    @Override
    public void reset() {
        next = 0;
    }

    @Override
    public void end() throws java.io.IOException {
        super.end();
        offsetAttribute.setOffset(length, length);
    }
}
