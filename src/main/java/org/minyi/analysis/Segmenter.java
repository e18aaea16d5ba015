package org.minyi.analysis;

import com.hankcs.hanlp.HanLP;
import com.hankcs.hanlp.corpus.tag.Nature;
import com.hankcs.hanlp.dictionary.stopword.CoreStopWordDictionary;
import com.hankcs.hanlp.seg.Segment;
import com.hankcs.hanlp.seg.common.Term;
import java.util.ArrayList;
import java.util.List;

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

    private static final List<String> PLACEHOLDERS = List.of(PiiMasker.MOBILE, PiiMasker.LANDLINE,
            PiiMasker.ID_NUMBER, PiiMasker.BANK_CARD, PiiMasker.EMAIL);

    private final DomainDictionary dictionary;
    /** Indexed by [place cue][organisation cue]: recognisers run only where they can find something. */
    private final Segment[][] segments = new Segment[2][2];
    private final boolean recogniseEverywhere;

    public Segmenter(DomainDictionary dictionary) {
        this(dictionary, false);
    }

    /**
     * @param recogniseEverywhere run place and organisation recognition on every sentence, not only where a
     *                            suffix cue stands: slower, and there to measure what the shortcut loses
     */
    Segmenter(DomainDictionary dictionary, boolean recogniseEverywhere) {
        this.recogniseEverywhere = recogniseEverywhere;
        this.dictionary = dictionary;
        for (int place = 0; place < 2; place++) {
            for (int organisation = 0; organisation < 2; organisation++) {
                segments[place][organisation] = HanLP.newSegment()
                        .enableCustomDictionary(true)
                        .enablePlaceRecognize(place == 1)
                        .enableOrganizationRecognize(organisation == 1)
                        .enableOffset(true);
            }
        }
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
        int from = 0;
        for (int i = 0; i < text.length(); i++) {
            int end = protectedSpanEnd(text, i);
            if (end > i) {
                segmentInto(text, from, i, kept);
                String word = text.substring(i, end);
                Term whole = new Term(word, word.charAt(0) == '【' ? PII : Nature.ns);
                whole.offset = i;
                kept.add(whole);
                from = end;
                i = end - 1;
            }
        }
        segmentInto(text, from, text.length(), kept);
        return mergeTowns(kept);
    }

    /**
     * End of the protected span starting at {@code i}, or {@code i} when none starts there: an anonymised place (one
     * capital letter not inside a code, up to two digits, then 市/区/县/州) or a PII placeholder. Hand-written because
     * it runs on every character and a regular expression with a look-behind was a tenth of segmentation time.
     */
    private static int protectedSpanEnd(String text, int i) {
        char c = text.charAt(i);
        if (c == '【') {
            for (String placeholder : PLACEHOLDERS) {
                if (text.startsWith(placeholder, i)) {
                    return i + placeholder.length();
                }
            }
            return i;
        }
        if (c < 'A' || c > 'Z' || i > 0 && isAsciiLetterOrDigit(text.charAt(i - 1))) {
            return i;
        }
        int j = i + 1;
        while (j < text.length() && j - i <= 2 && text.charAt(j) >= '0' && text.charAt(j) <= '9') {
            j++;
        }
        if (j < text.length()) {
            char suffix = text.charAt(j);
            if (suffix == '市' || suffix == '区' || suffix == '县' || suffix == '州') {
                return j + 1;
            }
        }
        return i;
    }

    private static boolean isAsciiLetterOrDigit(char c) {
        return c >= '0' && c <= '9' || c >= 'A' && c <= 'Z' || c >= 'a' && c <= 'z';
    }

    /**
     * Segments {@code text[start, end)} sentence by sentence. HanLP's place and organisation recognition each cost
     * about a third of segmentation time, and they only find a name where its suffix stands, so only sentences with
     * such a cue pay for them: a town-level suffix (镇, 乡, 村, 街道) or an organisation suffix (局, 厅, 委, 办, 中心,
     * 派出所, 办事处, 大队, 法院, 热线…).
     */
    private void segmentInto(String text, int start, int end, List<Term> out) {
        int sentenceStart = start;
        boolean placeCue = false;
        boolean organisationCue = false;
        for (int i = start; i < end; i++) {
            char c = text.charAt(i);
            placeCue = placeCue || recogniseEverywhere || isPlaceCue(c) || c == '道' && i > 0 && text.charAt(i - 1) == '街';
            organisationCue = organisationCue || recogniseEverywhere || isOrganisationCue(text, i, c);
            if (isSentenceEnd(c) || i == end - 1) {
                Segment segment = segments[placeCue ? 1 : 0][organisationCue ? 1 : 0];
                segmentSentence(text, sentenceStart, i + 1, segment, out);
                sentenceStart = i + 1;
                placeCue = false;
                organisationCue = false;
            }
        }
    }

    /**
     * Town-level suffixes only: HanLP knows cities, districts and counties from its dictionary (and the anonymised
     * ones are patterns), so its place recognition earns its cost on village and town names (东坪镇, 下坪村); where
     * it also ran on 市/区/县/路 sentences it mostly added noise (一个县, 两条路, bus lines like 115路).
     */
    private static boolean isPlaceCue(char c) {
        return switch (c) {
            case '镇', '乡', '村' -> true;
            default -> false;
        };
    }

    private static boolean isSentenceEnd(char c) {
        return c == '。' || c == '！' || c == '？' || c == '；' || c == '\n' || c == '!' || c == '?';
    }

    private static boolean isOrganisationCue(String text, int i, char c) {
        char before = i > 0 ? text.charAt(i - 1) : ' ';
        char after = i + 1 < text.length() ? text.charAt(i + 1) : ' ';
        return switch (c) {
            // 政府 is in almost every message and needs no recogniser: a place before it makes the department.
            case '局', '厅', '委', '队' -> true;
            case '办' -> after != '理' && after != '法' && before != '么' && before != '没' && before != '想'; // not 办理, 怎么办
            case '心' -> before == '中'; // 中心
            case '线' -> before == '热'; // 热线
            case '所' -> before == '出'; // 派出所
            case '处' -> before == '事'; // 办事处
            case '院' -> before == '法' || before == '察'; // 法院, 检察院
            default -> false;
        };
    }

    private void segmentSentence(String text, int start, int end, Segment segment, List<Term> out) {
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
            if (isTownSuffix(suffix.word)
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

    /** Town-level suffixes HanLP leaves as a separate word after a place-like name (星沙 + 镇). */
    private static boolean isTownSuffix(String word) {
        return switch (word) {
            case "镇", "乡", "村", "街道" -> true;
            default -> false;
        };
    }

    private static boolean isPlaceLike(Term term) {
        return term.nature == Nature.ns || term.nature == Nature.nz || term.nature == Nature.nsf;
    }

    private static boolean hasLetterOrDigit(String word) {
        for (int i = 0; i < word.length(); i++) {
            if (Character.isLetterOrDigit(word.charAt(i))) {
                return true;
            }
        }
        return false;
    }

    /** All words, stop words kept: what sentiment needs (negations and degree adverbs are stop words). */
    public List<String> words(String text) {
        return words(terms(text));
    }

    /** The words of terms already segmented, stop words kept. */
    public List<String> words(List<Term> terms) {
        List<String> words = new ArrayList<>(terms.size());
        for (Term term : terms) {
            words.add(term.word);
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
                words.add(term.word); // never blank: terms() drops blank terms
            }
        }
        return words;
    }

    /** Whether {@code term} is a content word: not punctuation, not a PII placeholder, not a stop word. */
    public boolean isContent(Term term) {
        String word = term.word;
        if (term.nature == null || term.nature == PII || term.nature.startsWith('w') || !hasLetterOrDigit(word)) {
            return false; // w: punctuation
        }
        if (dictionary.isDepartment(word) || dictionary.isPlace(word)) {
            return true;
        }
        return !CoreStopWordDictionary.contains(word) && !dictionary.isStopWord(word);
    }
}
