package org.minyi.analysis;

import com.hankcs.hanlp.seg.common.Term;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * What a demand asks to be done, as a short action phrase that someone can act on: one normalised verb and what it
 * acts on (修复路灯, 退还物业费, 补发工资, 增开公交线路, 查处夜间施工). Wordings of one ask meet in one phrase: 修/修理/
 * 维修/修好 are all 修复, 退/退回/返还 are 退还, 严查/查办/严惩 are 查处. The object is the first one or two nouns the
 * verb governs, or, for "路灯尽快修好", the nouns just before it when they are no agent (部门, 书记, 开发商). A clause
 * with no known action verb, or whose object is only courtesy (问题, 情况), has no phrase: it stays a generic demand
 * rather than a fragment like "帮帮" or "感". 解决 (solve), 保障 and 维护 (uphold) are no action here: what they
 * take is nearly always vague (解决实际问题, 维护人民利益).
 */
final class ActionPhrase {

    private static final int MAX_OBJECT_NOUNS = 2;
    private static final int MAX_OBJECT_CHARS = 8;
    private static final int LOOK_BACK = 3;

    /** Verbs of action and the form each is counted under. */
    private static final Map<String, String> ACTIONS = actions();

    private static Map<String, String> actions() {
        Map<String, String> a = new HashMap<>();
        put(a, "修复", "修", "修理", "维修", "修复", "修好", "抢修", "修一修", "检修");
        put(a, "修缮", "修缮", "翻修");
        put(a, "退还", "退", "退还", "退回", "返还", "归还", "退款", "退费", "退还给");
        put(a, "补发", "补发", "补缴");
        put(a, "发放", "发放", "发");
        put(a, "支付", "支付", "结清", "清偿", "付清", "偿还");
        put(a, "兑现", "兑现");
        put(a, "增开", "增开", "加开", "开通", "开辟");
        put(a, "增设", "增设", "加设");
        put(a, "开放", "开放");
        put(a, "增加", "增加", "加大", "扩大");
        put(a, "查处", "查处", "严查", "查办", "严惩", "惩处", "处罚", "处理掉", "打击");
        put(a, "取缔", "取缔", "关停", "关闭");
        put(a, "整治", "整治", "治理", "整顿", "清查");
        put(a, "整改", "整改");
        put(a, "拆除", "拆除", "拆", "拆掉");
        put(a, "清理", "清理", "清除", "清运", "清扫", "疏通");
        put(a, "安装", "安装", "加装", "装");
        put(a, "安置", "安置");
        put(a, "设置", "设置", "设立", "配置", "配备");
        // 建设 and 建 are left out: mostly nouns here (国家中心城市建设), not asks
        put(a, "修建", "修建", "新建", "兴建", "铺设", "硬化");
        put(a, "改造", "改造", "提质改造");
        put(a, "恢复", "恢复");
        put(a, "公开", "公开", "公布", "公示", "通报");
        put(a, "调查", "调查", "核查", "核实", "彻查", "查明", "调查清楚");
        put(a, "停止", "停止", "制止", "禁止", "叫停", "阻止");
        put(a, "规范", "规范");
        put(a, "监管", "监管", "监督", "管理", "管控");
        put(a, "取消", "取消", "撤销", "废除");
        put(a, "调整", "调整", "更改", "变更", "优化");
        put(a, "降低", "降低", "减少", "下调");
        put(a, "减免", "减免", "免除");
        put(a, "提高", "提高", "上调");
        put(a, "赔偿", "赔偿", "补偿");
        put(a, "搬迁", "搬迁", "迁移", "迁走", "搬走", "撤走");
        put(a, "办理", "办理", "办", "落户", "审批");
        put(a, "落实", "落实", "执行");
        put(a, "交付", "交付", "交房");
        put(a, "保护", "保护");
        put(a, "发放证件", "办证");
        return Map.copyOf(a);
    }

    private static void put(Map<String, String> actions, String as, String... verbs) {
        for (String verb : verbs) {
            actions.put(verb, as);
        }
    }

    /** Objects that are no object: what is left of a courteous or vague ask. */
    private static final Set<String> VAGUE = Set.of("问题", "情况", "事情", "事", "此事", "工作", "事宜", "诉求", "要求",
            "意见", "建议", "力度", "措施", "办法", "部门", "政府", "领导", "相关部门", "有关部门", "我们", "大家", "群众",
            "老百姓", "百姓", "市民", "居民", "业主", "权益", "利益", "合法权益", "公道", "说法", "答复", "回复",
            "实际", "民生", "上级", "人民", "上述", "实事", "广大", "民众", "职能", "步伐", "责任", "行政", "处理",
            "核实", "了解", "给予", "信息", "相关", "有关", "规定", "政策", "手续", "程序", "原因", "结果", "情况下");

    /** Who is asked to act, not what is to be done: never an object found before the verb. */
    private static final Set<String> AGENTS = Set.of("部门", "政府", "领导", "书记", "市长", "公安", "公安机关", "开发商",
            "物业", "物业公司", "公司", "单位", "上级", "主管", "相关部门", "有关部门", "城管", "交警", "执法", "街道",
            "社区", "派出所", "法院", "局", "委员会");

    private ActionPhrase() {
    }

    /**
     * The action phrase of the clause from {@code from} (the word after the trigger) to {@code end} (a character
     * offset), or null.
     */
    static String of(List<Term> terms, int from, int end, Segmenter segmenter) {
        for (int i = from; i < terms.size() && terms.get(i).offset < end; i++) {
            // HanLP cuts some verbs in two (增 开, 加 开): the pair is tried first
            boolean pair = i + 1 < terms.size() && ACTIONS.containsKey(terms.get(i).word + terms.get(i + 1).word);
            String action = pair ? ACTIONS.get(terms.get(i).word + terms.get(i + 1).word) : ACTIONS.get(terms.get(i).word);
            if (action == null) {
                continue;
            }
            String object = objectAfter(terms, i + (pair ? 2 : 1), end, segmenter);
            if (object == null) {
                object = objectBefore(terms, from, i, segmenter);
            }
            if (object != null) {
                return action.endsWith(object) ? action : action + object;
            }
        }
        return null;
    }

    /** The first nouns after the verb, one or two that stand together ("公交" "线路"). */
    private static String objectAfter(List<Term> terms, int from, int end, Segmenter segmenter) {
        StringBuilder object = new StringBuilder();
        int nouns = 0;
        for (int i = from; i < terms.size() && terms.get(i).offset < end; i++) {
            Term term = terms.get(i);
            if (isObjectNoun(term, segmenter)) {
                object.append(term.word);
                nouns++;
                if (nouns == MAX_OBJECT_NOUNS || object.length() >= MAX_OBJECT_CHARS) {
                    break;
                }
            } else if (nouns > 0) {
                break; // the object ended
            } else if (isPunctuation(term) || ACTIONS.containsKey(term.word)) {
                break; // another clause or another action: this verb has no object of its own
            }
        }
        return nouns == 0 ? null : object.toString();
    }

    /** "路灯尽快修好": the nouns right before the verb, after the trigger. */
    private static String objectBefore(List<Term> terms, int from, int verb, Segmenter segmenter) {
        StringBuilder object = new StringBuilder();
        int nouns = 0;
        for (int i = verb - 1; i >= from && nouns < MAX_OBJECT_NOUNS && i >= verb - LOOK_BACK; i--) {
            Term term = terms.get(i);
            if (AGENTS.contains(term.word) || term.word.endsWith("局") || term.word.endsWith("部门")) {
                return null; // "请上级主管部门彻查": the nouns before the verb are who should act
            }
            if (isObjectNoun(term, segmenter)) {
                object.insert(0, term.word);
                nouns++;
            } else if (nouns > 0 || isPunctuation(term)) {
                break;
            }
        }
        return nouns == 0 ? null : object.toString();
    }

    private static boolean isObjectNoun(Term term, Segmenter segmenter) {
        String nature = term.nature == null ? "" : term.nature.toString();
        boolean nounLike = nature.startsWith("n") || nature.equals("b") || nature.equals("vn");
        if (!nounLike || nature.startsWith("ns") || nature.startsWith("nr") || nature.equals("nx")) {
            return false; // places and names say where or who, not what
        }
        return term.word.length() > 1 && segmenter.isContent(term) && !VAGUE.contains(term.word);
    }

    private static boolean isPunctuation(Term term) {
        return term.nature != null && term.nature.startsWith('w');
    }
}
