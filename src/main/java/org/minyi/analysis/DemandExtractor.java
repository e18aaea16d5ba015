package org.minyi.analysis;

import com.hankcs.hanlp.seg.common.Term;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Finds the citizen's demand (诉求): the clause in which they ask for something, and its key, the action phrase
 * that lets different wordings of one ask be counted together ({@link ActionPhrase}: 修复路灯, 退还物业费).
 *
 * <p>Triggers are matched on segmented words, not characters, so 申请, 邀请, 请假, 聘请, 请示 (HanLP keeps them as
 * one word) never trigger on their 请. Triggers have three strengths: explicit requests (要求, 希望, 请, 恳请, 建议,
 * 呼吁, 望, 盼…), urging or asking whether something can be done (尽快, 能否, 可否…), and the weakest, obligations
 * and questions (应该, 必须, 请问). Decision on 请问: a pure question is a request for information, so it yields a
 * demand, but only when the message asks for nothing more explicitly. 要求 after 按/按照/根据/符合/达到/被/的 is a
 * rule being cited, not a demand.
 *
 * <p>The demand runs from the start of the comma clause holding the trigger to the end of its sentence (at most
 * {@value #MAX_DEMAND_CHARS} characters, cut at a comma). A demand whose content is only courtesy (盼回复, 请领导重视,
 * 望相关部门尽快解决) is generic; a specific demand always beats a generic one, then the stronger trigger wins, then
 * the later one (citizens tend to end with what they want). The text is searched first, the title only when the
 * text asks for nothing. Only a request (strength 2 or 3) gets an action phrase: an obligation or a question, and a
 * 要求 someone else made (开发商要求业主…否则取消购房资格), name what the citizen complains of, not what they ask;
 * so does any trigger after 告诉/扬言/声称 in its clause (告诉购房者三天内务必付清首付款: what they were told).
 */
final class DemandExtractor {

    static final int MAX_DEMAND_CHARS = 100;

    record Demand(String clause, String key) {
    }

    private static final Map<String, Integer> TRIGGERS = triggers();

    private static Map<String, Integer> triggers() {
        Map<String, Integer> strength = new java.util.HashMap<>();
        for (String w : List.of("要求", "强烈要求", "请求", "恳请", "恳求", "敬请", "特请", "请", "呼吁", "务必", "希望",
                "盼望", "期望", "期盼", "期待", "企盼", "渴望", "恳望", "望", "还望", "盼", "求", "求盼", "建议", "强烈建议")) {
            strength.put(w, 3);
        }
        for (String w : List.of("尽快", "尽早", "早日", "赶快", "抓紧", "能否", "可否", "能不能", "可不可以", "是否可以",
                "是否能")) {
            strength.put(w, 2);
        }
        for (String w : List.of("应该", "应当", "必须", "请问")) {
            strength.put(w, 1);
        }
        return Map.copyOf(strength);
    }

    /** Words before 要求 that make it a cited rule or someone else's demand. */
    private static final Set<String> CITED_RULE_BEFORE = Set.of("按", "按照", "根据", "依照", "符合", "达到", "不符合",
            "被", "的", "其", "上级");

    /** Triggers that also report what someone else asked (医生建议我去…, 他们要求我交钱). */
    private static final Set<String> REPORTABLE = Set.of("要求", "建议");

    /**
     * The only words that may precede 要求 or 建议 in its clause for it to be the citizen's own demand now; otherwise it is
     * usually narrative (之后我又多次去公司要求报销) and only counts as weakly as 应该.
     */
    private static final Set<String> OWN_DEMAND_BEFORE = Set.of("我", "我们", "本人", "现", "现在", "特此", "强烈", "故",
            "因此", "所以", "在此", "再次", "恳切", "坚决", "郑重", "特", "为此", "业主", "村民", "居民", "家长", "全体",
            "广大", "大家", "一致", "们", "在", "此", "这里", "还", "也", "并", "同时", "最后", "迫切", "严正");

    /**
     * Words that make the trigger after them a noun (提出这个请求，不是要求…补发工资: the request is named, and what
     * follows it is no ask of its own).
     */
    private static final Set<String> NAMING_BEFORE = Set.of("这个", "这一", "此项", "这项", "该项", "上述", "一个",
            "个");

    /** Words that report what someone else said: a trigger after them in its clause is theirs (告诉购房者务必付清). */
    private static final Set<String> REPORTING = Set.of("告诉", "扬言", "声称", "宣称", "谎称");

    private static boolean reportedBefore(List<Term> terms, int start, int trigger) {
        for (int j = trigger - 1; j >= 0 && terms.get(j).offset >= start; j--) {
            if (REPORTING.contains(terms.get(j).word)) {
                return true;
            }
        }
        return false;
    }

    private final Segmenter segmenter;

    DemandExtractor(Segmenter segmenter) {
        this.segmenter = segmenter;
    }

    /**
     * The demand of a message, or null when neither the text nor the title asks for anything. The title's demand
     * is taken only when it beats the text's (a specific 请…in the title over a generic or weak one in the text).
     */
    Demand extract(String title, List<Term> titleTerms, String text, List<Term> textTerms) {
        Candidate fromText = best(text, textTerms);
        Candidate fromTitle = title == null ? null : best(title, titleTerms);
        if (fromTitle != null && (fromText == null || strictlyBeats(fromTitle, fromText))) {
            return fromTitle.demand(title);
        }
        return fromText == null ? null : fromText.demand(text);
    }

    private record Candidate(int start, int end, int triggerIndex, int strength, String key) {
        boolean specific() {
            return !key.isEmpty();
        }

        Demand demand(String text) {
            return new Demand(trim(text.substring(start, end)), specific() ? key : null);
        }
    }

    private Candidate best(String text, List<Term> terms) {
        Candidate best = null;
        int lastStart = -1;
        for (int i = 0; i < terms.size(); i++) {
            Term term = terms.get(i);
            Integer strength = TRIGGERS.get(term.word);
            if (strength == null) {
                continue;
            }
            int start = clauseStart(text, term.offset);
            if (isCitedRule(terms, i, start) || i + 1 < terms.size() && terms.get(i + 1).word.equals("的")
                    || i > 0 && NAMING_BEFORE.contains(terms.get(i - 1).word)) {
                continue; // 要求的, 期盼的呼声, 提出这个请求: the trigger word used as a noun
            }
            if (REPORTABLE.contains(term.word) && !onlyOwnDemandWordsBetween(terms, start, i)
                    || reportedBefore(terms, start, i)) {
                strength = 1;
            }
            // Only a request names an action: an obligation (应该, 必须: often a rule quoted), a question (请问)
            // or what someone else demanded (开发商要求…) is no ask of the citizen's, so it gets no phrase.
            boolean asksAction = strength > 1;
            int end = sentenceEnd(text, term.offset + term.word.length(), start);
            if (start == lastStart) {
                continue; // a second trigger in the same clause (希望…尽快) adds nothing
            }
            lastStart = start;
            String phrase = asksAction ? ActionPhrase.of(terms, i + 1, end, segmenter) : null;
            Candidate candidate = new Candidate(start, end, i, strength, phrase == null ? "" : phrase);
            if (best == null || beats(candidate, best)) {
                best = candidate;
            }
        }
        return best;
    }

    /** Later candidates win ties: citizens tend to end with what they want. */
    private static boolean beats(Candidate challenger, Candidate holder) {
        if (challenger.specific() != holder.specific()) {
            return challenger.specific();
        }
        return challenger.strength() >= holder.strength();
    }

    private static boolean strictlyBeats(Candidate challenger, Candidate holder) {
        if (challenger.specific() != holder.specific()) {
            return challenger.specific();
        }
        return challenger.strength() > holder.strength();
    }

    /** Strips white space including the ideographic and no-break spaces the messages are full of. */
    private static String trim(String clause) {
        int from = 0;
        int to = clause.length();
        while (from < to && isSpace(clause.charAt(from))) {
            from++;
        }
        while (to > from && isSpace(clause.charAt(to - 1))) {
            to--;
        }
        return clause.substring(from, to);
    }

    private static boolean isSpace(char c) {
        return Character.isWhitespace(c) || Character.isSpaceChar(c);
    }

    private static boolean onlyOwnDemandWordsBetween(List<Term> terms, int clauseStart, int trigger) {
        for (int j = trigger - 1; j >= 0 && terms.get(j).offset >= clauseStart; j--) {
            if (!OWN_DEMAND_BEFORE.contains(terms.get(j).word)) {
                return false;
            }
        }
        return true;
    }

    /** 要求 after 按照/根据/符合/被… anywhere earlier in its clause (按照国家要求), or used as a noun (要求的). */
    private static boolean isCitedRule(List<Term> terms, int i, int clauseStart) {
        if (!terms.get(i).word.equals("要求")) {
            return false;
        }
        for (int j = i - 1; j >= 0 && terms.get(j).offset >= clauseStart; j--) {
            if (CITED_RULE_BEFORE.contains(terms.get(j).word)) {
                return true;
            }
        }
        return i + 1 < terms.size() && terms.get(i + 1).word.equals("的");
    }

    private static boolean isSentenceEnd(char c) {
        // Ideographic spaces and tabs separate paragraphs in these messages (　　事实与理由如下).
        return c == '。' || c == '！' || c == '？' || c == '!' || c == '?' || c == '；' || c == ';' || c == '\n'
                || c == '\r' || c == '\t' || c == '\u3000';
    }

    private static boolean isClauseBreak(char c) {
        return isSentenceEnd(c) || c == '，' || c == ',' || c == '：' || c == ':';
    }

    private static int clauseStart(String text, int offset) {
        int i = offset;
        while (i > 0 && !isClauseBreak(text.charAt(i - 1))) {
            i--;
        }
        return i;
    }

    /** End of the sentence from {@code from}, cut back to a comma when it would exceed the maximum length. */
    private static int sentenceEnd(String text, int from, int start) {
        int i = from;
        int lastComma = -1;
        while (i < text.length() && !isSentenceEnd(text.charAt(i))) {
            char c = text.charAt(i);
            if (c == '，' || c == ',') {
                if (i - start > MAX_DEMAND_CHARS) {
                    return lastComma > 0 ? lastComma : i;
                }
                lastComma = i;
            }
            i++;
        }
        if (i - start > MAX_DEMAND_CHARS) {
            return lastComma > 0 ? lastComma : Math.min(i, start + MAX_DEMAND_CHARS);
        }
        return i;
    }
}
