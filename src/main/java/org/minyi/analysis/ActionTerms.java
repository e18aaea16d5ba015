package org.minyi.analysis;

import com.hankcs.hanlp.seg.common.Term;
import java.util.List;
import java.util.Set;

/**
 * How a term of a demand clause reads for {@link ActionPhrase} and {@link ActionObject}: an action verb, a noun, a
 * name or place, punctuation — by HanLP's nature tag and a few word lists.
 */
final class ActionTerms {

    /** Nouns that make the verb before them a modifier: 维修基金, 整改方案, 改造项目, 交付条件, 修建性规划. */
    static final Set<String> COMPOUND_HEADS = Set.of("基金", "资金", "方案", "计划", "项目", "条件", "单位",
            "人员", "部位", "工程", "规划", "性", "工作", "进度", "措施", "行动", "期限", "范围", "标准", "费用", "记录",
            "结果", "情况", "过程", "期间", "时间", "政策", "办法", "通知", "文件", "机构", "部门", "平台", "企业",
            "公司", "许可证", "手续", "程序", "流程", "意见", "要求", "费", "机会", "模式", "成本");

    /** Words that may stand between an object and its verb (路灯能够尽快修好, 违建予以拆除). */
    static final Set<String> AUXILIARIES = Set.of("能", "能够", "要", "可以", "予以", "给予", "进行", "被", "得到",
            "予", "得", "早日", "尽快", "尽早", "及时", "马上", "立即", "全部", "彻底", "依法", "坚决", "好", "一下");

    static boolean adjacent(Term a, Term b) {
        return a.offset + a.word.length() == b.offset;
    }

    /** 维修 of 维修基金: the verb written together with a noun it modifies. */
    static boolean modifiesNoun(List<Term> terms, int next, int verb) {
        return next < terms.size() && adjacent(terms.get(verb), terms.get(next))
                && COMPOUND_HEADS.contains(terms.get(next).word);
    }

    /** An action verb as used here: 建设 tagged as a noun (违章建设, 医院建设) is the noun, not the act. */
    static boolean isActionWord(Term term) {
        return ActionVerbs.isAction(term.word)
                && !("建设".equals(ActionVerbs.countedAs(term.word)) && nature(term).equals("vn"));
    }

    /** Nouns, and an action word only where it modifies a noun (整改 of 整改方案). */
    static boolean isNounLike(List<Term> terms, int i) {
        Term term = terms.get(i);
        if (isActionWord(term)) {
            return modifiesNoun(terms, i + 1, i);
        }
        if (AUXILIARIES.contains(term.word)) {
            return false; // 对黑网吧进行取缔: 进行/vn stands between the object and its verb, it is none
        }
        String nature = nature(term);
        return nature.startsWith("n") || nature.equals("b") || nature.equals("vn");
    }

    /** Places, names and organisations say where or who, not what. */
    static boolean isName(Term term) {
        String nature = nature(term);
        return nature.startsWith("ns") || nature.startsWith("nr") || nature.equals("nx") || nature.startsWith("nt")
                || nature.equals("nz") && term.word.length() > 4;
    }

    static String nature(Term term) {
        return term.nature == null ? "" : term.nature.toString();
    }

    static boolean isPunctuation(Term term) {
        return term.nature != null && term.nature.startsWith('w');
    }

    private ActionTerms() {
    }
}
