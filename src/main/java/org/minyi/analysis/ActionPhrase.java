package org.minyi.analysis;

import static org.minyi.analysis.ActionObject.DISPOSAL;
import static org.minyi.analysis.ActionObject.disposalObject;
import static org.minyi.analysis.ActionObject.hasNounAfter;
import static org.minyi.analysis.ActionObject.objectAfter;
import static org.minyi.analysis.ActionObject.objectBefore;
import static org.minyi.analysis.ActionTerms.adjacent;
import static org.minyi.analysis.ActionTerms.isActionWord;
import static org.minyi.analysis.ActionTerms.isPunctuation;
import static org.minyi.analysis.ActionTerms.modifiesNoun;
import static org.minyi.analysis.ActionTerms.nature;

import com.hankcs.hanlp.seg.common.Term;
import java.util.List;
import java.util.Set;

/**
 * What a demand asks to be done, as a short action phrase that someone can act on: one normalised verb and the
 * noun phrase it acts on (修复路灯, 退还物业费, 发放工资, 增开公交线路, 查处夜间施工).
 *
 * <p>Rules, each there because the hand check found its failure:
 * <ul>
 *   <li>A verb is a whole segmented word, never a verb that only modifies a noun compound (维修 of 维修基金, 整改 of
 *       整改方案, 修建 of 修建性详细规划): there the compound is a noun.</li>
 *   <li>The object is the whole noun phrase the verb governs, read up to its head (Chinese noun phrases end in
 *       their head): 农民工工资, never 农民工; a phrase that is a place or an organisation (凉塘东路, 某某有限公司)
 *       or a kind of person (教师, 驾驶员) is no object.</li>
 *   <li>Only what is asked counts: a negated verb (不予办理, 未修复) or what follows 否则/导致/因为 (the sanction or
 *       harm complained of) is no ask.</li>
 *   <li>Vague asks give no phrase: 解决问题, 处理一下, 查处违法行为, 保护环境.</li>
 *   <li>A verb and object that do not make a well-formed ask give no phrase ({@link WellFormedAsk}: an object cut
 *       from a longer word, a place or quality, a weak verb without the object that makes it an ask).</li>
 * </ul>
 * Added from the development lists of attachment 4 and the raw 921 (models/labels/GUIDE.md §8):
 * <ul>
 *   <li>A verb written right before another action verb yields to it (优化拓宽四车道 → 拓宽, 取缔关停 → 关停).</li>
 *   <li>A verb followed by 在/于 and a 的 describes where a thing stands (拆除修建在门前的围墙): no ask of its own.</li>
 *   <li>A 是否/有没有 after the object asks whether something is so (彻查…招投标是否存在猫腻), not for an act.</li>
 *   <li>After 因 the clause gives a cause (因修路占地的矛盾); 未经 negates like 未.</li>
 *   <li>A plain noun before a head of three or more characters only qualifies it (雨水排水沟 = 排水沟, 景观效果图 =
 *       效果图); a generic head keeps its qualifier and is content through it (运营时间, 消防通道).</li>
 *   <li>A place list closed by 等/等地 qualifies the thing after its 的 (和平广场等地的绿化带 → 绿化带).</li>
 *   <li>A verb that carries its object (修路) is the whole ask when no object follows; a bare 办证 names no
 *       certificate and is none.</li>
 *   <li>对/对于/将/把 mark the object before its verb (对该垃圾站进行搬迁, 对违建予以拆除); 进行/予以 are never part of
 *       it; any other preposition before the nouns (按设计方案进行改造) or a personal pronoun (拖欠我们工资给予查处)
 *       makes them no object of this verb.</li>
 *   <li>A verb followed by 和/及/或 shares the object of the last verb (停止和拆除在建垃圾站); after 到/至/为/成/出/给
 *       comes where a thing goes, not what (调整到…旁边, 清除出教师队伍); what follows 还/让/使 is the hoped-for
 *       result (整顿还我们一片蓝天).</li>
 *   <li>不要/别 earlier in the clause asks that it not be done (不要在小区建垃圾中转站); a verb followed by 在/于 and
 *       another verb has that verb inside its object (查处在开发区旁建搅拌站); 时 after the object quotes a rule's
 *       condition (请求行政机关支付补助金时，…).</li>
 *   <li>建设/建 build only as verbs (建设/vn is the noun: 违章建设, 城市建设) and only a construction.</li>
 *   <li>非法/违法/违规/无证/黑 before a thing is why it is asked, not another thing (非法围墙 = 围墙); before an
 *       activity it stays (非法营运).</li>
 *   <li>是否/是不是/要不要 before the verb in its clause asks whether the act is due (是否应该发放加班费), not for it;
 *       a polite 可以/能 after the 是否 keeps the request (是否可以增设红绿灯).</li>
 *   <li>After 告诉/扬言/声称/宣称/谎称 the clause reports what someone else said (告诉购房者务必付清首付款): no ask.</li>
 *   <li>管道 and 收费 are generic heads: an ask only with what kind (排烟管道, 取件收费), see {@link ObjectWords}; a
 *       one-character object counts only as a known thing (修护这段危险路 → 修复道路, 桥 → 桥梁).</li>
 * </ul>
 * The verbs are {@link ActionVerbs}, the object a verb acts on {@link ActionObject} (with the words of object reading
 * in {@link ObjectWords}), how a term reads {@link ActionTerms}, and the counted key, where wordings of one ask meet,
 * {@link ActionKey}.
 */
final class ActionPhrase {

    /** Words after which the clause tells what was done or will be done to the citizen, not what they ask. */
    static final Set<String> NO_LONGER_ASKED = Set.of("否则", "不然", "要不然", "要不", "以免", "以防", "导致",
            "造成", "致使", "以致", "因为", "因", "由于", "结果", "却", "但", "但是", "可是", "然而", "并且", "而且",
            // a condition and its consequence (不买车位就取消购房资格), a purpose (为了提高幸福感)
            "如果", "假如", "若", "一旦", "就", "为了", "以便", "从而", "进而", "更能",
            // what someone else said or was told (然后告诉购房者三天内务必付清首付款): reported, not asked
            "告诉", "扬言", "声称", "宣称", "谎称");

    /** Negations that turn the verb after them into what was not done (未修复) or asked not to be done. */
    private static final Set<String> NEGATIONS = Set.of("不", "未", "没", "没有", "别", "不要", "不予", "不再", "无法",
            "不能", "不得", "拒绝", "拒不", "未经", "不肯", "不给", "不让", "从未", "尚未", "还未", "迟迟不", "一直不");

    /** Verbs whose object is people (安置失地农民): a person is their object, not who is to act. */
    private static final Set<String> PEOPLE_VERBS = Set.of("安置");

    private ActionPhrase() {
    }

    /**
     * The action phrase of the clause from {@code from} (the word after the trigger) to {@code end} (a character
     * offset), or null.
     */
    static String of(List<Term> terms, int from, int end, Segmenter segmenter) {
        for (int i = from; i < terms.size() && terms.get(i).offset < end; i++) {
            if (NO_LONGER_ASKED.contains(terms.get(i).word)) {
                return null;
            }
            // HanLP cuts some verbs in two (增 开, 加 开): the pair is tried first
            boolean pair = i + 1 < terms.size() && adjacent(terms.get(i), terms.get(i + 1))
                    && ActionVerbs.isAction(terms.get(i).word + terms.get(i + 1).word);
            String action = pair ? ActionVerbs.countedAs(terms.get(i).word + terms.get(i + 1).word)
                    : isActionWord(terms.get(i)) ? ActionVerbs.countedAs(terms.get(i).word) : null;
            int next = i + (pair ? 2 : 1);
            if (action == null || isNegated(terms, i, from) || isQuestionedBefore(terms, i, from)
                    || modifiesNoun(terms, next, i) || isModifier(terms, next, i) || isFollowedByAction(terms, next)) {
                continue;
            }
            if (next < terms.size() && REFERENCES.contains(terms.get(next).word)) {
                return null; // 严查此事: what is asked was said before, not here
            }
            if (next < terms.size() && PLACED.contains(terms.get(next).word) && actionLater(terms, next, end)) {
                return null; // 查处在开发区旁建沥青搅拌站: what is to be done there follows, inside this verb's object
            }
            boolean ofPeople = PEOPLE_VERBS.contains(action);
            if (next < terms.size() && COORDINATING.contains(terms.get(next).word)) {
                continue; // 严查和审核…, 停止和拆除在建垃圾站: the object comes after the last verb
            }
            ActionObject.Head object = disposalObject(terms, from, i, ofPeople, segmenter);
            // 调整到万科魅力之城旁边, 清除出教师队伍: after 到/至/为/成/出 comes where it goes, not what
            boolean whereAfter = next < terms.size() && TARGETS.contains(terms.get(next).word);
            if (object == null && whereAfter) {
                object = objectBefore(terms, from, i, ofPeople, segmenter);
            } else if (object == null && !hasNounAfter(terms, next, end)) {
                object = objectBefore(terms, from, i, ofPeople, segmenter);
            } else if (object == null) {
                boolean inClause = i > from && ActionVerbs.isAction(terms.get(i - 1).word);
                object = objectAfter(terms, next, end, ofPeople, inClause, segmenter);
            }
            if (object == null && ActionVerbs.carriesObject(action) && !hasNounAfter(terms, next, end)) {
                return action; // 请求修路: the verb names its object
            }
            if (object != null) {
                int noun = indexOf(terms, object.last());
                if (asksWhether(terms, noun + 1, end)) {
                    return null; // 彻查…铺设柏油工程招投标是否存在猫腻: a question about the thing, not an ask to act on it
                }
                WellFormedAsk.Suffix suffix = WellFormedAsk.joinedSuffix(terms, noun);
                String text = suffix == null ? object.text() : object.text() + suffix.text();
                String canonical = ObjectWords.canonical(text);
                boolean known = ObjectWords.isKnown(text);
                int last = suffix == null ? noun : noun + suffix.terms();
                if (!WellFormedAsk.accepts(action, canonical, terms, noun, last, i, known)) {
                    return null;
                }
                if (action.equals("修复") && terms.get(i).word.equals("修") && !pair
                        && CONSTRUCTIONS.stream().anyMatch(canonical::endsWith)) {
                    action = "修建"; // 修水泥路, 修一条便道: a bare 修 of a road or a ditch builds it
                }
                return manner(terms, from, i) + ActionKey.of(action, text);
            }
        }
        return null;
    }

    /**
     * A verb written right before another action verb yields to it (优化拓宽四车道, 取缔关停窝点): the later verb is
     * the one that governs the object.
     */
    private static boolean isFollowedByAction(List<Term> terms, int next) {
        return next < terms.size() && adjacent(terms.get(next - 1), terms.get(next))
                && isActionWord(terms.get(next)) && !modifiesNoun(terms, next + 1, next);
    }

    private static final Set<String> WHETHER_OR_WHEN = Set.of("是否", "有没有", "时", "的时候", "时候");

    /**
     * 是否/有没有 after the object: the clause asks whether something is so, not for it to be done; 时 after it
     * (请求行政机关支付补助金时，…): a rule's condition quoted, not an ask.
     */
    private static boolean asksWhether(List<Term> terms, int from, int end) {
        for (int i = from; i < terms.size() && terms.get(i).offset < end; i++) {
            if (isPunctuation(terms.get(i))) {
                return false;
            }
            if (WHETHER_OR_WHEN.contains(terms.get(i).word)) {
                return true;
            }
        }
        return false;
    }

    private static final Set<String> WHETHER_BEFORE = Set.of("是否", "是不是", "应否", "要不要", "该不该", "有没有");

    /** After 是否 the polite forms ask for the act (是否可以增设, 能否开通): a request, not a question. */
    private static final Set<String> POLITE_ASK = Set.of("可以", "可", "能", "能够", "可否", "能否");

    /**
     * 是否/是不是/要不要 earlier in the clause before the verb (一是是否应该发放加班费): the clause asks whether the
     * act is due, not for it — unless a polite 可以/能 follows the 是否 (是否可以增设红绿灯 is a request).
     */
    private static boolean isQuestionedBefore(List<Term> terms, int verb, int from) {
        for (int j = verb - 1; j >= from && !isPunctuation(terms.get(j)); j--) {
            if (POLITE_ASK.contains(terms.get(j).word)) {
                return false;
            }
            if (WHETHER_BEFORE.contains(terms.get(j).word)) {
                return true;
            }
        }
        return false;
    }

    private static final Set<String> COORDINATING = Set.of("和", "及", "与", "或", "或者", "并", "、");
    private static final Set<String> TARGETS = Set.of("到", "至", "为", "成", "出", "给");

    /** What a bare 修 builds rather than repairs. */
    private static final Set<String> CONSTRUCTIONS = Set.of("路", "道", "沟", "渠", "桥", "桥梁", "公园", "广场", "场", "馆", "站",
            "学校", "小学", "围墙");

    /** How or where it is to be done, when that is the ask (往北修建高铁, 网上办理居住证): kept before the verb. */
    static final Set<String> MANNERS = Set.of("往北", "往南", "往东", "往西", "北移", "南移", "网上", "线上",
            "异地", "就近", "免费", "分期");

    /** Words that may stand between a manner and its verb (可以在网上办理, 能否网上直接办理). */
    private static final Set<String> BEFORE_VERB = Set.of("在", "可以", "可", "能", "能够", "直接", "统一", "也");

    /**
     * The manner written before the verb (网上办理, 可以在网上办理), with only 在, a modal or an adverb between
     * them; "" when there is none.
     */
    private static String manner(List<Term> terms, int from, int verb) {
        for (int j = verb - 1; j >= from && j >= verb - 3; j--) {
            String word = terms.get(j).word;
            if (MANNERS.contains(word)) {
                return word;
            }
            if (!BEFORE_VERB.contains(word) && !nature(terms.get(j)).equals("d")) {
                return "";
            }
        }
        return "";
    }

    private static int indexOf(List<Term> terms, Term term) {
        for (int i = 0; i < terms.size(); i++) {
            if (terms.get(i) == term) {
                return i;
            }
        }
        throw new IllegalArgumentException("not a term of the clause: " + term);
    }

    /** Words after which a verb only describes (公开的回复, 交房后, 审批的合法性) or is itself a noun. */
    private static boolean isModifier(List<Term> terms, int next, int verb) {
        if (next < terms.size() && (terms.get(next).word.equals("的") || TIME_AFTER.contains(terms.get(next).word))) {
            return true;
        }
        if (next < terms.size() && PLACED.contains(terms.get(next).word) && deBefore(terms, next, 8)) {
            return true; // 拆除修建在我们门面前的围墙: 修建在…的 describes the wall, the ask is elsewhere
        }
        // 将禁止违停的金属棍子换成…: the verb right after 将/把 is inside the noun phrase 将 governs
        return verb > 0 && DISPOSAL.contains(terms.get(verb - 1).word);
    }

    private static final Set<String> PLACED = Set.of("在", "于");

    private static boolean actionLater(List<Term> terms, int from, int end) {
        for (int i = from; i < terms.size() && terms.get(i).offset < end && !isPunctuation(terms.get(i)); i++) {
            if (isActionWord(terms.get(i))) {
                return true;
            }
        }
        return false;
    }

    /** A 的 within {@code span} words after {@code from}, before any punctuation. */
    private static boolean deBefore(List<Term> terms, int from, int span) {
        for (int i = from; i < terms.size() && i < from + span && !isPunctuation(terms.get(i)); i++) {
            if (terms.get(i).word.equals("的")) {
                return true;
            }
        }
        return false;
    }

    private static final Set<String> TIME_AFTER = Set.of("后", "前", "时", "以后", "之后", "以前", "之前", "期间", "中");
    private static final Set<String> REFERENCES = Set.of("此事", "此", "这", "这事", "该事", "此类", "上述", "这些",
            "这种", "其");

    private static final Set<String> ASKED_NOT = Set.of("不要", "别", "不准", "不许", "切勿", "勿");

    /** Words before a verb that tell it is under way or done (正在修建的公园), not asked. */
    private static final Set<String> UNDER_WAY = Set.of("正在", "已经", "已", "曾", "曾经", "刚", "刚刚", "在建");

    private static boolean isNegated(List<Term> terms, int verb, int from) {
        // 不要在小区建垃圾中转站, 不要拆除五一桥来建廊桥: a 不要 earlier in the clause asks that it not be done
        for (int j = verb - 1; j >= from && !isPunctuation(terms.get(j)); j--) {
            if (ASKED_NOT.contains(terms.get(j).word)) {
                return true;
            }
        }
        return verb - 1 >= from && (NEGATIONS.contains(terms.get(verb - 1).word)
                || UNDER_WAY.contains(terms.get(verb - 1).word))
                || verb - 2 >= from && NEGATIONS.contains(terms.get(verb - 2).word)
                && Set.of("能", "会", "予", "得", "给", "再", "及时", "按时").contains(terms.get(verb - 1).word);
    }

}
