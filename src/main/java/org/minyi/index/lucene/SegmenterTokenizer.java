package org.minyi.index.lucene;

import java.io.IOException;
import java.io.Reader;
import java.util.List;
import org.apache.lucene.analysis.Tokenizer;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.apache.lucene.analysis.tokenattributes.OffsetAttribute;
import org.apache.lucene.analysis.tokenattributes.PositionIncrementAttribute;
import org.minyi.analysis.IndexWord;
import org.minyi.analysis.IndexWords;
import org.minyi.analysis.Segmenter;

/**
 * Emits the words {@link IndexWords} cuts a text into, with their character offsets so highlighting can mark them in
 * the stored text; words found inside a longer word share its position. HanLP needs the whole text at once, so the input is read fully on reset.
 */
final class SegmenterTokenizer extends Tokenizer {

    private final Segmenter segmenter;
    private final CharTermAttribute termAttribute = addAttribute(CharTermAttribute.class);
    private final OffsetAttribute offsetAttribute = addAttribute(OffsetAttribute.class);
    private final PositionIncrementAttribute positionAttribute = addAttribute(PositionIncrementAttribute.class);
    private List<IndexWord> words = List.of();
    private int next;
    private int finalOffset;

    SegmenterTokenizer(Segmenter segmenter) {
        this.segmenter = segmenter;
    }

    @Override
    public void reset() throws IOException {
        super.reset();
        String text = readAll(input);
        words = IndexWords.of(text, segmenter);
        next = 0;
        finalOffset = correctOffset(text.length());
    }

    @Override
    public boolean incrementToken() {
        if (next >= words.size()) {
            return false;
        }
        clearAttributes();
        IndexWordStream.emit(words.get(next++), termAttribute, offsetAttribute, positionAttribute, this::correctOffset);
        return true;
    }

    @Override
    public void end() throws IOException {
        super.end();
        offsetAttribute.setOffset(finalOffset, finalOffset);
    }

    @Override
    public void close() throws IOException {
        super.close();
        words = List.of();
    }

    private static String readAll(Reader reader) throws IOException {
        StringBuilder text = new StringBuilder();
        char[] buffer = new char[4096];
        for (int read = reader.read(buffer); read != -1; read = reader.read(buffer)) {
            text.append(buffer, 0, read);
        }
        return text.toString();
    }
}
