package org.minyi.analysis;

import com.hankcs.hanlp.HanLP;
import com.hankcs.hanlp.dictionary.stopword.CoreStopWordDictionary;
import com.hankcs.hanlp.seg.Segment;
import com.hankcs.hanlp.seg.common.Term;
import java.util.ArrayList;
import java.util.List;

/**
 * HanLP Viterbi segmentation with the project's dictionaries, place and organisation recognition. Thread-safe:
 * one instance serves all threads (HanLP's Viterbi segment holds no per-call state).
 */
public final class Segmenter {

    private final DomainDictionary dictionary;
    private final Segment segment;

    public Segmenter(DomainDictionary dictionary) {
        this.dictionary = dictionary;
        this.segment = HanLP.newSegment()
                .enableCustomDictionary(true)
                .enablePlaceRecognize(true)
                .enableOrganizationRecognize(true)
                .enableOffset(true);
    }

    public DomainDictionary dictionary() {
        return dictionary;
    }

    /** All terms with their part of speech (nature) and offsets, white space dropped. */
    public List<Term> terms(String text) {
        if (text == null || text.isEmpty()) {
            return List.of();
        }
        List<Term> terms = DomainDictionary.reading(() -> segment.seg(text));
        List<Term> kept = new ArrayList<>(terms.size());
        for (Term term : terms) {
            if (!term.word.isBlank()) {
                kept.add(term);
            }
        }
        return kept;
    }

    /** All words, stop words kept: what sentiment needs (negations and degree adverbs are stop words). */
    public List<String> words(String text) {
        List<Term> terms = terms(text);
        List<String> words = new ArrayList<>(terms.size());
        for (Term term : terms) {
            words.add(term.word.strip());
        }
        return words;
    }

    /** Content words: stop words, punctuation and single symbols removed. What indexing and topics use. */
    public List<String> contentWords(String text) {
        return contentWords(terms(text));
    }

    public List<String> contentWords(List<Term> terms) {
        List<String> words = new ArrayList<>(terms.size());
        for (Term term : terms) {
            if (isContent(term)) {
                words.add(term.word.strip());
            }
        }
        return words;
    }

    private boolean isContent(Term term) {
        String word = term.word.strip();
        if (word.isEmpty() || term.nature == null) {
            return false;
        }
        if (term.nature.startsWith('w')) {
            return false; // punctuation
        }
        if (word.codePoints().noneMatch(Character::isLetterOrDigit)) {
            return false;
        }
        if (dictionary.isDepartment(word) || dictionary.isPlace(word)) {
            return true;
        }
        return !CoreStopWordDictionary.contains(word) && !dictionary.isStopWord(word);
    }
}
