package org.minyi.analysis;

import com.hankcs.hanlp.HanLP;
import com.hankcs.hanlp.corpus.tag.Nature;
import com.hankcs.hanlp.dictionary.stopword.CoreStopWordDictionary;
import com.hankcs.hanlp.seg.Segment;
import com.hankcs.hanlp.seg.common.Term;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * HanLP Viterbi segmentation with the project's dictionaries, place and organisation recognition. Thread-safe:
 * one instance serves all threads (HanLP's Viterbi segment holds no per-call state).
 *
 * <p>Two kinds of span are kept whole, whatever HanLP would do with them: the anonymised places of the Teddy-Cup
 * data ({@code A市}, {@code A3区}, {@code K8县}; HanLP splits them into {@code A} + {@code 3区} or glues the digit to the
 * next word) come out as one place term (ns), and the placeholders of {@link PiiMasker} come out as one term of
 * nature {@link #PII} that is never a content word. The text between such spans is segmented on its own.
 */
public final class Segmenter {

    /** Nature of a PII placeholder term such as {@code 【手机号】}. */
    public static final Nature PII = Nature.create("pii");

    /** Anonymised place (one capital letter, up to two digits, an administrative suffix; not inside a code), or a PII placeholder. */
    private static final Pattern PROTECTED = Pattern.compile(
            "(?<![A-Za-z0-9])[A-Z]\\d{0,2}[市区县州]|【(?:手机号|电话|身份证号|银行卡号|邮箱)】");

    /** Town-level suffixes HanLP leaves as a separate word after a place-like name (星沙 + 镇). */
    private static final Pattern TOWN_SUFFIX = Pattern.compile("镇|乡|村|街道");

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

    /** All terms with their part of speech (nature) and offsets into {@code text}, white space dropped. */
    public List<Term> terms(String text) {
        if (text == null || text.isEmpty()) {
            return List.of();
        }
        List<Term> kept = new ArrayList<>(text.length() / 2 + 4);
        Matcher protectedSpan = PROTECTED.matcher(text);
        int from = 0;
        while (protectedSpan.find()) {
            segmentInto(text, from, protectedSpan.start(), kept);
            String word = protectedSpan.group();
            Term whole = new Term(word, word.charAt(0) == '【' ? PII : Nature.ns);
            whole.offset = protectedSpan.start();
            kept.add(whole);
            from = protectedSpan.end();
        }
        segmentInto(text, from, text.length(), kept);
        return mergeTowns(kept);
    }

    private void segmentInto(String text, int start, int end, List<Term> out) {
        if (start >= end) {
            return;
        }
        String piece = text.substring(start, end);
        if (piece.isBlank()) {
            return;
        }
        List<Term> terms = DomainDictionary.reading(() -> segment.seg(piece));
        for (Term term : terms) {
            if (!term.word.isBlank()) {
                term.offset += start;
                out.add(term);
            }
        }
    }

    /** Joins a place-like name and a following town suffix into one place: 星沙/nz + 镇/n → 星沙镇/ns. */
    private static List<Term> mergeTowns(List<Term> terms) {
        for (int i = terms.size() - 1; i > 0; i--) {
            Term suffix = terms.get(i);
            Term name = terms.get(i - 1);
            if (TOWN_SUFFIX.matcher(suffix.word).matches()
                    && name.offset + name.word.length() == suffix.offset
                    && name.word.length() >= 2 && isPlaceLike(name)) {
                Term town = new Term(name.word + suffix.word, Nature.ns);
                town.offset = name.offset;
                terms.set(i - 1, town);
                terms.remove(i);
            }
        }
        return terms;
    }

    private static boolean isPlaceLike(Term term) {
        return term.nature == Nature.ns || term.nature == Nature.nz || term.nature == Nature.nsf;
    }

    /** All words, stop words kept: what sentiment needs (negations and degree adverbs are stop words). */
    public List<String> words(String text) {
        return words(terms(text));
    }

    /** The words of terms already segmented, stop words kept. */
    public List<String> words(List<Term> terms) {
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

    /** Whether {@code term} is a content word: not punctuation, not a PII placeholder, not a stop word. */
    public boolean isContent(Term term) {
        String word = term.word.strip();
        if (word.isEmpty() || term.nature == null || term.nature == PII) {
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
