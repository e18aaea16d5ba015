package org.minyi.analysis;

import com.hankcs.hanlp.seg.common.Term;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Whether a verb and the object read for it make an ask someone can act on. A phrase that fails is no demand rather
 * than a bad one (a list of fewer real asks beats a longer one with fragments). Each rule is there because the top
 * demands of attachment 4 and the raw 921 showed its failure:
 * <ul>
 *   <li>The object is a whole word: it is not cut from a longer one the segmenter split (改签|窗口, 田径|场,
 *       推拉|式, 自行车|专道, 汽车|禁鸣标志), nor the modifier of a later noun (手机|支付闸机, 路灯|维护电话,
 *       调查|结果).</li>
 *   <li>The object names a thing: a place word (校门口), a distinguishing word (非法) or an adjective is none, and
 *       an activity (考试, 调查) is an object only of verbs that act on activities (查处, 取缔, 整治, 停止, 恢复,
 *       取消, 调查, 开放, 办理), and 停止 takes nothing else.</li>
 *   <li>Roads are built, repaired or cleared (not 取缔/增设道路: a road's name read for the thing after it), money is
 *       paid, refunded or disclosed (not 改造…资金).</li>
 *   <li>Verbs that say little by themselves take only the objects that make them an ask: 降低/提高 an amount
 *       (费, 价, 工资, 待遇…), 交付 a home, 安置 people, 办理 a certificate or procedure, 落实 a post, pay or
 *       home, 调查 an event, 赔偿 money or a loss; and, added from the development lists, 降低 a height or a speed
 *       bump, 提高 a frequency, 延长 a time or a line, 保留 a stop or a line, 打通 a road, 补缴 (缴纳) an insurance or
 *       a fund.</li>
 *   <li>A word for the kind or amount of a thing after it (装置, 数量, 活动) closes the object like 问题 does
 *       (信号灯装置, 公交车数量, 传销活动).</li>
 * </ul>
 */
final class WellFormedAsk {

    /** Verbs whose object may be an activity (查处夜间施工, 停止施工, 恢复通车, 办理过户). */
    private static final Set<String> ACTIVITY_VERBS = Set.of("查处", "取缔", "整治", "停止", "恢复", "取消", "调查",
            "开放", "办理");

    /** 停止 stops an activity (停止施工, 停止开采), never a thing (制止住房公积金…的现象). */
    private static final Set<String> ACTIVITY_ONLY = Set.of("停止");

    /** 道路 (also what a road's name is read as) is built, repaired or cleared, not closed or fitted (取缔金帆路…). */
    private static final Set<String> ROAD_VERBS = Set.of("修复", "修建", "修缮", "改造", "清理", "整治", "恢复", "开放",
            "拓宽", "调整", "拆除", "打通");

    /** Money (资金, 款) is paid, refunded, cut or disclosed, not built or refurbished (改造设施资金). */
    private static final Set<String> MONEY_VERBS = Set.of("退还", "发放", "补发", "补缴", "减免", "赔偿", "公开", "降低",
            "提高", "落实", "取消", "调查", "兑现");
    private static final List<String> MONEY = List.of("资金", "经费", "款", "钱");

    /** Verbs that are an ask only with some objects: the endings those objects have. */
    private static final Map<String, List<String>> OBJECT_ENDINGS = Map.ofEntries(
            Map.entry("降低", List.of("费", "价", "价格", "收费", "标准", "门槛", "利率", "比例", "额度", "税", "限速", "房价", "租金",
                    "高度", "减速带")),
            Map.entry("提高", List.of("费", "价", "工资", "待遇", "补贴", "补助", "金", "标准", "收入", "津贴", "额度", "比例", "名额",
                    "限速", "频次", "频率")),
            Map.entry("交付", List.of("房屋", "房子", "住房", "商品房", "安置房", "新房", "房")),
            Map.entry("安置", List.of("户", "民", "人员", "家庭", "职工", "工人", "群众", "居民", "村民", "农民", "老人")),
            Map.entry("办理", List.of("证", "卡", "证书", "户口", "执照", "登记", "过户", "退休", "社保", "医保", "贷款", "入学",
                    "入户", "落户", "营业执照", "公积金", "手续", "网签", "验收")),
            Map.entry("落实", List.of("编制", "待遇", "补贴", "补助", "安置房", "社保", "户口", "学位", "养老保险", "工资", "津贴")),
            Map.entry("调查", List.of("事故", "事件", "案件", "死因", "真相", "案")),
            Map.entry("赔偿", List.of("费", "金", "款", "损失")),
            Map.entry("延长", List.of("时间", "线路", "地铁", "号线", "期限")),
            Map.entry("保留", List.of("站", "站点", "线路", "学校", "校区")),
            Map.entry("打通", List.of("路", "道路", "通道")),
            // 发放 pays money or hands out what is due (讨回公道 is no payment)
            Map.entry("发放", List.of("工资", "费", "费用", "金", "款", "钱", "补贴", "补助", "津贴", "奖励", "待遇", "证",
                    "证书", "差额", "薪", "物资", "补偿", "报酬")),
            Map.entry("建设", List.of("路", "道路", "桥", "桥梁", "天桥", "站", "学校", "小学", "中学", "幼儿园", "医院", "公园",
                    "广场", "馆", "球场", "公厕", "厕所", "停车场", "停车位", "菜市场", "雨棚", "通道")),
            Map.entry("补缴", List.of("社保", "保险", "公积金", "医保", "社会保险费", "社保费")));

    /** Natures of a word that continues the one before it (场/qv, 式/k, 窗/ng, 窗口/s, 专/a). */
    private static final Set<String> CONTINUING = Set.of("q", "qv", "qt", "k", "ng", "g", "s", "b", "vg", "nf", "mq");

    private WellFormedAsk() {
    }

    /**
     * Whether {@code action} on the object whose head noun is {@code terms[noun]}, whose last word is
     * {@code terms[last]} (the noun, or a suffix joined to it: {@link #joinedSuffix}) and whose counted name is
     * {@code object} is an ask.
     */
    static boolean accepts(String action, String object, List<Term> terms, int noun, int last, int verb,
                           boolean known) {
        Term head = terms.get(noun);
        // with its suffix joined the object is a thing whatever its first piece (购房|款, 田径|场)
        String nature = last > noun ? "n" : nature(head);
        if (!known) {
            boolean activity = nature.startsWith("v") || nature.equals("an");
            if (activity && !ACTIVITY_VERBS.contains(action)) {
                return false;
            }
            if (!(nature.startsWith("n") || activity) || nature.equals("ns") || nature.startsWith("nr")) {
                return false; // 校门口/s, 非法/b: a place or a quality, not a thing
            }
        }
        if (ACTIVITY_ONLY.contains(action) && !(nature.startsWith("v") || known)) {
            return false;
        }
        if (object.equals("道路") && !ROAD_VERBS.contains(action)
                || MONEY.stream().anyMatch(object::endsWith) && !MONEY_VERBS.contains(action)) {
            return false;
        }
        List<String> endings = OBJECT_ENDINGS.get(action);
        if (endings != null && endings.stream().noneMatch(object::endsWith)) {
            return false;
        }
        return endsAWord(terms, last, verb);
    }

    /**
     * The one-character suffix the segmenter cut off the object and that completes it (购房|款, 认筹|金, 田径|场,
     * 国土|证, 架空|层), or the verb and suffix written onto it (垃圾|收集|站, 车辆|停放|点: a thing named by what it
     * is for, whose head the segmenter read as a verb; never an action verb: 垃圾|处理 is an ask); null when none.
     */
    static Suffix joinedSuffix(List<Term> terms, int last) {
        if (last + 1 >= terms.size() || !adjacent(terms.get(last), terms.get(last + 1))) {
            return null;
        }
        Term next = terms.get(last + 1);
        if (SUFFIXES.contains(next.word) && !terms.get(last).word.endsWith(next.word)) {
            return new Suffix(next.word, 1);
        }
        boolean verbOfUse = next.word.length() == 2 && nature(next).startsWith("v") && !nature(next).equals("vn")
                && !ActionVerbs.isAction(next.word);
        if (verbOfUse && last + 2 < terms.size() && adjacent(next, terms.get(last + 2))
                && (SUFFIXES.contains(terms.get(last + 2).word) || USE_ENDINGS.contains(terms.get(last + 2).word))) {
            return new Suffix(next.word + terms.get(last + 2).word, 2);
        }
        return null;
    }

    /** What {@link #joinedSuffix} joins to the object: its text and how many terms it spans. */
    record Suffix(String text, int terms) {
    }

    /** One-character heads of a thing named by its use (收集|站, 收集|房, 停放|点). */
    private static final Set<String> USE_ENDINGS = Set.of("房", "点", "处", "所", "间", "台", "机", "器");

    private static final Set<String> SUFFIXES = Set.of("款", "金", "费", "证", "场", "层", "卡", "站", "馆", "厂", "室",
            "池");

    /** The word after the object does not continue it (it ends the clause or starts something else). */
    static boolean endsAWord(List<Term> terms, int last, int verb) {
        if (last < verb || last + 1 >= terms.size() || !adjacent(terms.get(last), terms.get(last + 1))) {
            return true; // read before its verb (路灯能修好), only auxiliaries and adverbs stand between
        }
        Term next = terms.get(last + 1);
        String nature = nature(next);
        boolean bound = next.word.length() == 1 && !LINKS.contains(next.word)
                && (nature.startsWith("v") || nature.startsWith("a") || nature.startsWith("n"));
        if (CONTINUING.contains(nature) || bound) {
            return false; // 田径|场, 推拉|式, 自行车|专, 汽车|禁鸣
        }
        if (nature.startsWith("n") && !ObjectWords.TRAILING_VAGUE.contains(next.word)) {
            return false; // 调查|结果: the head is the noun after
        }
        if (nature.startsWith("v") && !nature.equals("vn") && last + 2 < terms.size()) {
            // 手机|支付|闸机。, 路灯|维护|电话: the object modifies the noun that ends the clause
            int after = last + 2;
            Term following = terms.get(after);
            boolean nounRunToEnd = nature(following).startsWith("n") && adjacent(next, following)
                    && (after + 1 >= terms.size() || isPunctuation(terms.get(after + 1)));
            return !nounRunToEnd || ObjectWords.TRAILING_VAGUE.contains(following.word);
        }
        return true;
    }

    /** Single-character verbs that link the object to where or whom (公交线路到高铁站, 路灯给我们), not bound to it. */
    private static final Set<String> LINKS = Set.of("到", "至", "往", "去", "来", "给", "在", "进", "出", "上", "下", "回",
            "为", "让", "使", "和", "及", "与", "等");


    private static boolean adjacent(Term a, Term b) {
        return a.offset + a.word.length() == b.offset;
    }

    private static boolean isPunctuation(Term term) {
        return term.nature != null && term.nature.startsWith('w');
    }

    private static String nature(Term term) {
        return term.nature == null ? "" : term.nature.toString();
    }
}
