package org.minyi.index.lucene;

import com.hankcs.hanlp.seg.common.Term;
import java.io.IOException;
import java.io.Reader;
import java.util.ArrayList;
import java.util.List;
import org.apache.lucene.analysis.Tokenizer;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.apache.lucene.analysis.tokenattributes.OffsetAttribute;
import org.minyi.analysis.Segmenter;

/**
 * Emits the content words the pipeline's {@link Segmenter} finds, with their character offsets so highlighting can
 * mark them in the stored text. HanLP needs the whole text at once, so the input is read fully on reset.
 */
final class SegmenterTokenizer extends Tokenizer {

    private record Word(String text, int start, int end) {
    }

    private final Segmenter segmenter;
    private final CharTermAttribute termAttribute = addAttribute(CharTermAttribute.class);
    private final OffsetAttribute offsetAttribute = addAttribute(OffsetAttribute.class);
    private List<Word> words = List.of();
    private int next;
    private int finalOffset;

    SegmenterTokenizer(Segmenter segmenter) {
        this.segmenter = segmenter;
    }

    @Override
    public void reset() throws IOException {
        super.reset();
        String text = readAll(input);
        words = contentWords(text);
        next = 0;
        finalOffset = correctOffset(text.length());
    }

    @Override
    public boolean incrementToken() {
        if (next >= words.size()) {
            return false;
        }
        clearAttributes();
        Word word = words.get(next++);
        termAttribute.setEmpty().append(word.text());
        offsetAttribute.setOffset(correctOffset(word.start()), correctOffset(word.end()));
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

    private List<Word> contentWords(String text) {
        List<Term> terms = segmenter.terms(text);
        List<Word> kept = new ArrayList<>(terms.size());
        int searchFrom = 0;
        for (Term term : terms) {
            // The segmenter owns the notion of a content word; asking it term by term keeps both in step.
            List<String> content = segmenter.contentWords(List.of(term));
            if (content.isEmpty()) {
                continue;
            }
            String word = content.getFirst();
            int start = text.indexOf(word, Math.max(term.offset, searchFrom));
            if (start < 0) {
                continue; // HanLP normalised the word; it cannot be located for highlighting
            }
            kept.add(new Word(word, start, start + word.length()));
            searchFrom = start + word.length();
        }
        return kept;
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
