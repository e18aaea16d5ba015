package org.minyi.index.lucene;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.apache.lucene.analysis.tokenattributes.OffsetAttribute;
import org.junit.jupiter.api.Test;

class SegmenterAnalyzerTest {

    private final Analyzer analyzer = new SegmenterAnalyzer(LuceneMessageIndexTest.SEGMENTER);

    private record Token(String word, int start, int end) {
    }

    private List<Token> tokens(String text) throws IOException {
        List<Token> tokens = new ArrayList<>();
        try (TokenStream stream = analyzer.tokenStream("text", text)) {
            CharTermAttribute term = stream.addAttribute(CharTermAttribute.class);
            OffsetAttribute offset = stream.addAttribute(OffsetAttribute.class);
            stream.reset();
            while (stream.incrementToken()) {
                tokens.add(new Token(term.toString(), offset.startOffset(), offset.endOffset()));
            }
            stream.end();
        }
        return tokens;
    }

    @Test
    void everyTokenPointsAtItsWordInTheText() throws IOException {
        String text = "我们小区的路灯坏了一个月，晚上出行很不方便，希望尽快维修。";

        List<Token> tokens = tokens(text);

        assertFalse(tokens.isEmpty());
        for (Token token : tokens) {
            assertEquals(token.word(), text.substring(token.start(), token.end()), token.toString());
        }
        assertTrue(tokens.stream().anyMatch(t -> t.word().equals("路灯")), tokens.toString());
    }

    @Test
    void keepsTheSegmentersContentWordsOnly() throws IOException {
        String text = "路灯坏了，晚上很黑！";

        List<String> words = tokens(text).stream().map(Token::word).toList();

        assertEquals(LuceneMessageIndexTest.SEGMENTER.contentWords(text), words);
    }

    @Test
    void latinLettersAreLowerCased() throws IOException {
        List<String> words = tokens("小区WiFi信号差").stream().map(Token::word).toList();

        assertTrue(words.contains("wifi"), words.toString());
    }

    @Test
    void theAnalyzerCanBeReusedForManyTexts() throws IOException {
        assertEquals(tokens("夜间施工噪音扰民"), tokens("夜间施工噪音扰民"));
        assertTrue(tokens("").isEmpty());
    }
}
