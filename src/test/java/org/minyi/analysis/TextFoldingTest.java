package org.minyi.analysis;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

class TextFoldingTest {

    private static final Segmenter SEGMENTER = new Segmenter(DomainDictionary.load(Path.of("dictionaries")));

    @Test
    void traditionalCharactersFoldToSimplifiedInPlace() {
        assertEquals("物业管理区书号", TextFolding.forSegmentation("物業管理區書號"));
        assertEquals("物业", TextFolding.word("物業"));
        assertTrue(TextFolding.changesSegmentation("物業"));
        assertFalse(TextFolding.changesSegmentation("物业管理 ETC"));
    }

    @Test
    void fullWidthLettersAndDigitsBecomeAsciiAndPunctuationStays() {
        assertEquals("A3区，（路灯）", TextFolding.forSegmentation("Ａ３区，（路灯）"));
        assertEquals("a3区", TextFolding.word("Ａ３区"));
    }

    @Test
    void wordsAreLowerCaseAndQueriesUpperCaseBeforeTheyAreCut() {
        assertEquals("etc", TextFolding.word("ETC"));
        assertEquals("A3区 ETC 物业", TextFolding.forQuery("a3区 etc 物業"));
    }

    @Test
    void foldingKeepsEveryOffset() {
        String text = "Ａ市物業公司，電話ＥＴＣ";
        assertEquals(text.length(), TextFolding.forSegmentation(text).length());
        assertEquals(text.length(), TextFolding.word(text).length());
        assertEquals(text.length(), TextFolding.forQuery(text).length());
    }

    @Test
    void aTraditionalTextIsCutLikeItsSimplifiedFormWithItsOwnOffsets() {
        String traditional = "小區物業亂收費";
        List<IndexWord> words = IndexWords.of(traditional, SEGMENTER);

        assertEquals(texts(IndexWords.of("小区物业乱收费", SEGMENTER)), texts(words));
        IndexWord property = words.stream().filter(w -> w.text().equals("物业")).findFirst().orElseThrow();
        assertEquals("物業", traditional.substring(property.start(), property.end()));
    }

    @Test
    void aQueryInLowerCaseFindsTheWordsOfUpperCaseText() {
        assertEquals(texts(IndexWords.of("A3区ETC办理", SEGMENTER)), texts(IndexWords.ofQuery("a3区etc办理", SEGMENTER)));
        assertEquals(List.of("a3区"), texts(IndexWords.ofQuery("Ａ３区", SEGMENTER)));
    }

    private static List<String> texts(List<IndexWord> words) {
        return words.stream().map(IndexWord::text).toList();
    }
}
