package org.minyi.analysis;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

class IndexWordsTest {

    private static final Segmenter SEGMENTER = new Segmenter(DomainDictionary.load(Path.of("dictionaries")));

    @Test
    void aLongWordAlsoYieldsTheDictionaryWordsInsideItAtTheirOwnOffsets() {
        String text = "楼下广场舞噪音扰民严重";
        List<IndexWord> words = IndexWords.of(text, SEGMENTER);

        IndexWord inner = words.stream().filter(w -> w.text().equals("扰民")).findFirst().orElseThrow();
        assertEquals("扰民", text.substring(inner.start(), inner.end()));
        for (IndexWord word : words) {
            assertEquals(word.text(), text.substring(word.start(), word.end()), "offsets of " + word);
        }
    }

    @Test
    void innerWordsFollowTheirWordAndStopWordsAreLeftOut() {
        List<IndexWord> words = IndexWords.of("我们的社区医院服务很好", SEGMENTER);

        assertFalse(words.getFirst().inner(), "a text starts with a word of its own");
        assertTrue(words.stream().noneMatch(w -> w.text().equals("我们") || w.text().equals("的")));
        for (int i = 1; i < words.size(); i++) {
            if (words.get(i).inner()) {
                IndexWord outer = words.subList(0, i).reversed().stream().filter(w -> !w.inner()).findFirst()
                        .orElseThrow();
                assertTrue(words.get(i).start() >= outer.start() && words.get(i).end() <= outer.end(),
                        words.get(i) + " lies inside " + outer);
            }
        }
    }

    @Test
    void emptyTextHasNoWords() {
        assertEquals(List.of(), IndexWords.of("", SEGMENTER));
        assertEquals(List.of(), IndexWords.of(null, SEGMENTER));
    }
}
