package org.minyi.analysis;

import com.hankcs.hanlp.dictionary.CoreDictionary;
import com.hankcs.hanlp.dictionary.CustomDictionary;
import com.hankcs.hanlp.seg.common.Term;
import java.util.ArrayList;
import java.util.List;

/**
 * How a text is cut for a search index, the same for every index adapter: the content words of the pipeline's
 * segmentation with their offsets, and after each long word the dictionary words inside it. Without the inner
 * words a query for 扰民 would miss a message whose segmentation kept 噪音扰民 whole (the usual "max word" cut of
 * Chinese search engines). Queries are cut into plain content words, which then meet either form.
 *
 * <p>Words are {@link TextFolding folded}: 物業 is indexed and found as 物业, Ａ３区 and a3区 as a3区, ETC as etc. A text
 * with traditional or full-width characters is segmented in its folded form, so that it is cut like the same text
 * in simplified characters; offsets are those of the original (folding keeps every character in place).
 */
public final class IndexWords {

    /** Longer words are names or codes; looking inside them costs more than it finds. */
    private static final int MAX_SPLIT_LENGTH = 8;

    private IndexWords() {
    }

    public static List<IndexWord> of(String text, Segmenter segmenter) {
        if (text == null || text.isEmpty()) {
            return List.of();
        }
        String unified = TextFolding.forSegmentation(text);
        return located(unified, segmenter.terms(unified), segmenter);
    }

    /**
     * The same from terms already cut from {@code text} by {@code segmenter} (the pipeline has them); a text that
     * folding changes is cut again in its folded form (rare: traditional or full-width characters).
     */
    public static List<IndexWord> of(String text, List<Term> terms, Segmenter segmenter) {
        if (text == null || text.isEmpty()) {
            return List.of();
        }
        if (TextFolding.changesSegmentation(text)) {
            return of(text, segmenter);
        }
        return located(text, terms, segmenter);
    }

    /**
     * The words of a search box entry, cut from its {@link TextFolding#forQuery query form} so that a3区 and etc
     * find what A3区 and ETC find; inner words included, like the indexed text.
     */
    public static List<IndexWord> ofQuery(String text, Segmenter segmenter) {
        if (text == null || text.isEmpty()) {
            return List.of();
        }
        String upper = TextFolding.forQuery(text);
        return located(upper, segmenter.terms(upper), segmenter);
    }

    private static List<IndexWord> located(String text, List<Term> terms, Segmenter segmenter) {
        List<IndexWord> words = new ArrayList<>(terms.size() + terms.size() / 4);
        int searchFrom = 0;
        for (Term term : terms) {
            if (!segmenter.isContent(term)) {
                continue;
            }
            String word = term.word.strip();
            int start = text.indexOf(word, Math.max(term.offset, searchFrom));
            if (start < 0) {
                continue; // HanLP normalised the word: it cannot be located for highlighting
            }
            words.add(new IndexWord(TextFolding.word(word), start, start + word.length(), false));
            addInnerWords(word, start, segmenter, words);
            searchFrom = start + word.length();
        }
        return words;
    }

    private static void addInnerWords(String word, int start, Segmenter segmenter, List<IndexWord> words) {
        int n = word.length();
        if (n < 3 || n > MAX_SPLIT_LENGTH) {
            return;
        }
        for (int from = 0; from < n - 1; from++) {
            for (int to = from + 2; to <= n; to++) {
                if (to - from == n) {
                    continue;
                }
                String inner = word.substring(from, to);
                if ((CoreDictionary.contains(inner) || CustomDictionary.contains(inner))
                        && !segmenter.dictionary().isStopWord(inner)
                        && !com.hankcs.hanlp.dictionary.stopword.CoreStopWordDictionary.contains(inner)) {
                    words.add(new IndexWord(TextFolding.word(inner), start + from, start + to, true));
                }
            }
        }
    }
}
