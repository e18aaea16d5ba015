package org.minyi.analysis;

import static org.minyi.analysis.ActionPhrase.NO_LONGER_ASKED;
import static org.minyi.analysis.ActionTerms.AUXILIARIES;
import static org.minyi.analysis.ActionTerms.adjacent;
import static org.minyi.analysis.ActionTerms.isActionWord;
import static org.minyi.analysis.ActionTerms.isName;
import static org.minyi.analysis.ActionTerms.isNounLike;
import static org.minyi.analysis.ActionTerms.isPunctuation;
import static org.minyi.analysis.ActionTerms.nature;

import com.hankcs.hanlp.seg.common.Term;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * What an action verb of a demand acts on ({@link ActionPhrase}): the noun phrase after it, before it (路灯尽快修好) or
 * between 将/把 and it, read to its head — null when that is vague, a place, a name, an organisation or a person.
 */
final class ActionObject {

    private static final int MAX_OBJECT_CHARS = 8;

    private static final int LOOK_BACK = 3;

    static final Set<String> DISPOSAL = Set.of("将", "把");

    /** 将电表箱迁移到配电间: the object stands between 将/把 and the verb. */
    static Head disposalObject(List<Term> terms, int from, int verb, boolean ofPeople, Segmenter segmenter) {
        for (int j = verb - 1; j >= from && j >= verb - 2 * LOOK_BACK; j--) {
            if (DISPOSAL.contains(terms.get(j).word)) {
                List<Term> run = new ArrayList<>();
                for (int k = j + 1; k < verb && isNounLike(terms, k); k++) {
                    run.add(terms.get(k));
                }
                return head(run, ofPeople, segmenter);
            }
            if (isPunctuation(terms.get(j))) {
                return null;
            }
        }
        return null;
    }

    static boolean hasNounAfter(List<Term> terms, int from, int end) {
        for (int i = from; i < terms.size() && terms.get(i).offset < end && !endsObject(terms, i); i++) {
            if (isNounLike(terms, i)) {
                return true;
            }
        }
        return false;
    }

    /**
     * The noun phrase after the verb, read to its head. Its extent runs to the next comma, action or clause end;
     * when a 的 in it is followed by nouns, what stands before the 的 only qualifies the head (多收的物业费,
     * 人行道上搭建的违章建筑), else the first run of nouns is the phrase. Null when there is no noun or the phrase
     * is vague, a place, an organisation or a person. {@code inClause}: the verb follows another action verb, so
     * what runs to a 的 may be a clause qualifying the head (延长|清理垃圾的时间), never the verb's own object.
     */
    static Head objectAfter(List<Term> terms, int from, int end, boolean ofPeople, boolean inClause,
            Segmenter segmenter) {
        int extentEnd = from;
        while (extentEnd < terms.size() && terms.get(extentEnd).offset < end && !endsObject(terms, extentEnd)) {
            extentEnd++;
        }
        int first = from;
        while (first < extentEnd && !isNounLike(terms, first)) {
            if (nature(terms.get(first)).startsWith("p")) {
                return null; // 禁止在住宅楼…: where, not what
            }
            first++;
        }
        int firstEnd = runEnd(terms, first, extentEnd);
        Head firstHead = head(terms.subList(first, firstEnd), ofPeople, segmenter);
        // 无证无照、扰民的小餐馆: that it is unlicensed is why it is asked; the thing comes after the 的
        boolean onlyWhy = firstEnd > first && ObjectWords.ILLEGAL.contains(terms.get(firstEnd - 1).word);
        boolean qualifies = onlyWhy || firstEnd < extentEnd && (nature(terms.get(firstEnd)).startsWith("f")
                || QUALIFYING.contains(terms.get(firstEnd).word) || quotedBeforeDe(terms, firstEnd, extentEnd));
        int counted = numberedRunEnd(terms, firstEnd, extentEnd);
        if (firstHead != null && !qualifies && counted > firstEnd) {
            // 科目三考试场地: a numbered name (科目三) qualifies the nouns after it, whose head is the thing
            Head later = head(terms.subList(firstEnd + 1, counted), ofPeople, segmenter);
            return later != null ? later : firstHead;
        }
        if (firstHead != null && !qualifies) {
            return firstHead;
        }
        for (int i = firstEnd; i + 1 < extentEnd; i++) {
            int noun = i + 1;
            while (noun < extentEnd && QUOTES.contains(terms.get(noun).word)) {
                noun++; // 星沙的“城市猎人”电玩室: the quotes around a name are no end of the phrase
            }
            if (terms.get(i).word.equals("的") && noun < extentEnd && isNounLike(terms, noun)) {
                List<Term> after = terms.subList(noun, runEnd(terms, noun, extentEnd));
                Head afterHead = head(after, ofPeople, segmenter);
                if (afterHead == null && firstHead != null && !onlyWhy && !inClause && after.size() == 1
                        && nature(firstHead.last()).startsWith("n") // 一定的费用: a degree, not whose
                        && ObjectWords.GENERIC_HEADS.contains(after.getFirst().word)
                        && firstHead.text().length() + after.getFirst().word.length() <= MAX_OBJECT_CHARS) {
                    // 物业费的去向: a generic head is specific through what stands before its 的
                    return new Head(firstHead.text() + after.getFirst().word, after.getFirst());
                }
                return afterHead;
            }
        }
        if (qualifies && nature(terms.get(firstEnd)).startsWith("f")) {
            // 道路两边双向路灯: after the place words, the thing itself
            int second = firstEnd;
            while (second < extentEnd && !isNounLike(terms, second)) {
                second++;
            }
            Head secondHead = head(terms.subList(second, runEnd(terms, second, extentEnd)), ofPeople, segmenter);
            if (secondHead != null) {
                return secondHead;
            }
        }
        return firstHead;
    }

    private static final Set<String> RESULTS = Set.of("还", "让", "使", "使得");

    /** Words after a noun run that make it a qualifier of a later head (小区的路灯, 县城到双江口的公交车). */
    private static final Set<String> QUALIFYING = Set.of("的", "到", "至", "往", "在", "里", "内", "外", "之间", "等", "等地");

    private static final Set<String> QUOTES = Set.of("“", "”", "\"", "《", "》", "「", "」");

    /** “一户一价”的定价标准: a quoted name before 的 qualifies the head after it, as an unquoted one would. */
    private static boolean quotedBeforeDe(List<Term> terms, int at, int extentEnd) {
        return QUOTES.contains(terms.get(at).word) && at + 1 < extentEnd && terms.get(at + 1).word.equals("的");
    }

    /**
     * Where the nouns after a numeral written onto a noun run end (科目|三|考试场地), or {@code end} itself when
     * none follow: a count with its measure word (道路|2|条) is no such numeral.
     */
    private static int numberedRunEnd(List<Term> terms, int end, int extentEnd) {
        if (end <= 0 || end + 1 >= extentEnd || !nature(terms.get(end)).startsWith("m")
                || !adjacent(terms.get(end - 1), terms.get(end)) || !adjacent(terms.get(end), terms.get(end + 1))
                || !isNounLike(terms, end + 1)) {
            return end;
        }
        return runEnd(terms, end + 1, extentEnd);
    }

    private static int runEnd(List<Term> terms, int start, int extentEnd) {
        int i = start;
        while (i < extentEnd && isNounLike(terms, i)) {
            i++;
        }
        return i;
    }

    private static boolean endsObject(List<Term> terms, int i) {
        Term term = terms.get(i);
        boolean comma = isPunctuation(term) && !term.word.equals("、") && !term.word.equals("“")
                && !term.word.equals("”");
        // 整顿还我蓝天, 取缔…让学生安静: what follows 还/让/使 is the hoped-for result, not the object
        boolean result = RESULTS.contains(term.word) && (nature(term).startsWith("v")
                || i + 1 < terms.size() && nature(terms.get(i + 1)).startsWith("r"));
        return comma || result || NO_LONGER_ASKED.contains(term.word)
                || isActionWord(term) && !isNounLike(terms, i);
    }

    /**
     * "路灯尽快修好": the nouns right before the verb, after the trigger, with only adverbs or auxiliaries between
     * them and the verb (not 小学门口修建…: a place where, not what).
     */
    static Head objectBefore(List<Term> terms, int from, int verb, boolean ofPeople, Segmenter segmenter) {
        if (verb - 1 >= from && isNounLike(terms, verb - 1) && !nonNounBetween(terms, from, verb - 1)) {
            return null; // 请市府批示彻查, 要求校区退款: right after the trigger and right before the verb is who acts
        }
        List<Term> run = new ArrayList<>();
        int i = verb - 1;
        for (; i >= from && i >= verb - LOOK_BACK; i--) {
            Term term = terms.get(i);
            if (isNounLike(terms, i)) {
                run.addFirst(term);
            } else if (!run.isEmpty()) {
                if (governsRun(term)) {
                    return null; // 向社会开放, 到村里调查, 一个案情通报, 按合同执行: not what is acted on
                }
                break;
            } else if (!(nature(term).startsWith("d") || AUXILIARIES.contains(term.word)
                    || run.isEmpty() && ActionPhrase.MANNERS.contains(term.word))) { // 居住证可以网上办理
                break;
            }
        }
        int before = i;
        while (before >= from && (isNounLike(terms, before) || NAME_PARTS.contains(nature(terms.get(before))))) {
            before--; // the run goes on past the look-back limit (在一栋一单元和二单元电梯口公示): what governs all of it
        }
        if (!run.isEmpty() && before >= from && nature(terms.get(before)).startsWith("p")
                && !OBJECT_MARKERS.contains(terms.get(before).word)) {
            return null; // 按设计方案进行改造, 在…电梯口公示: the run read up to the limit was governed by 按 or 在
        }
        return head(run, ofPeople, segmenter);
    }

    /**
     * Whether a word before a noun run makes the run no object of a later verb: a preposition other than an object
     * marker, a numeral or measure, a locative, a verb, or a personal pronoun (拖欠我们工资给予查处: after it the
     * nouns are another verb's object).
     */
    private static boolean governsRun(Term term) {
        String n = nature(term);
        return n.startsWith("p") && !OBJECT_MARKERS.contains(term.word) || n.startsWith("m") || n.startsWith("q")
                || n.startsWith("f") || n.startsWith("v") || n.equals("rr");
    }

    /** Numerals, measures and conjunctions inside a long noun run (一栋一单元和二单元, 128路公交车). */
    private static final Set<String> NAME_PARTS = Set.of("m", "mq", "q", "cc", "w");

    /** Prepositions that mark what the verb acts on (对违建予以拆除, 对该垃圾站进行搬迁). */
    private static final Set<String> OBJECT_MARKERS = Set.of("对", "对于", "将", "把");

    /** Whether some word that is no noun stands between {@code from} and {@code last}. */
    private static boolean nonNounBetween(List<Term> terms, int from, int last) {
        for (int i = from; i < last; i++) {
            if (!isNounLike(terms, i)) {
                return true;
            }
        }
        return false;
    }

    /** An object read: its words as written and its last word (whose nature and neighbour tell what it is). */
    record Head(String text, Term last) {
    }

    /** The head of a noun run, its last one or two words; null for a run that is no object. */
    private static Head head(List<Term> nouns, boolean ofPeople, Segmenter segmenter) {
        List<Term> run = new ArrayList<>(nouns);
        while (!run.isEmpty() && ObjectWords.TRAILING_VAGUE.contains(run.getLast().word)) {
            run.removeLast(); // 环境污染问题: the problem is what is named before it
        }
        if (run.isEmpty()) {
            return null;
        }
        Term last = run.getLast();
        String nature = nature(last);
        boolean person = ObjectWords.AGENTS.contains(last.word) || nature.startsWith("nnt") || nature.startsWith("nnd");
        if (isName(last) || ObjectWords.isAgent(last.word) && !(ofPeople && person) || person && !ofPeople) {
            return null;
        }
        if (run.size() >= 2 && isName(run.get(run.size() - 2)) && adjacent(run.get(run.size() - 2), last)) {
            // a noun written onto a place or a name is part of it (凉塘东路, 某某驾驶员培训)
            return last.word.endsWith("路") || last.word.endsWith("街") || last.word.endsWith("大道")
                    ? new Head("道路", last) : null;
        }
        if (ObjectWords.VAGUE.contains(last.word) && !ObjectWords.GENERIC_HEADS.contains(last.word) && !(run.size() >= 2
                && ObjectWords.isKnown(run.get(run.size() - 2).word + last.word))) {
            return null; // 国际业主, 宣传力度: the head says nothing to act on, whatever qualifies it
        }
        String object = last.word;
        if (run.size() >= 2) {
            Term before = run.get(run.size() - 2);
            String two = before.word + last.word;
            if (ObjectWords.isKnown(two)) {
                return new Head(two, last);
            }
            boolean qualifier = isObjectWord(before, segmenter)
                    || nature(before).equals("vn") && !ObjectWords.VAGUE.contains(before.word); // 整改方案, not 相关效果图
            // a plain noun before a head of three or more characters says only where or what kind (雨水排水沟,
            // 景观效果图): the head alone is the ask, so different wordings of it meet
            boolean headStandsAlone = last.word.length() >= 3 && nature(before).startsWith("n")
                    && !ObjectWords.GENERIC_HEADS.contains(last.word)
                    // 非法围墙, 无证木器厂: that it is illegal is why it is asked, the thing is the same ask
                    // (not of an activity: 非法营运 is what is asked to stop)
                    || ObjectWords.ILLEGAL.contains(before.word) && nature(last).startsWith("n")
                    && !nature(last).equals("vn");
            if (!isName(before) && !ObjectWords.isAgent(before.word) && qualifier && !headStandsAlone
                    && !ObjectWords.isKnown(last.word) && two.length() <= MAX_OBJECT_CHARS) {
                object = two; // 过街设施, 夜间施工: a generic head with what it is
            }
        }
        // a generic head joined to its qualifier (运营时间) is content through the qualifier
        boolean content = segmenter.isContent(last) || !object.equals(last.word);
        // a one-character word is an object only as a known thing (修护这段危险路: 路 is a road)
        if (object.length() < 2 && !ObjectWords.isKnown(object) || !content || ObjectWords.VAGUE.contains(object)
                || ObjectWords.GENERIC_HEADS.contains(object)) {
            return null;
        }
        return new Head(object, last);
    }

    private static boolean isObjectWord(Term term, Segmenter segmenter) {
        return term.word.length() > 1 && segmenter.isContent(term) && !ObjectWords.VAGUE.contains(term.word);
    }

    private ActionObject() {
    }
}
