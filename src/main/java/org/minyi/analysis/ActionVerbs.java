package org.minyi.analysis;

import java.util.HashMap;
import java.util.Map;

/**
 * The verbs that name an action someone can take, each with the form it is counted under: wordings of one act meet
 * (修/修理/维修 → 修复, 退/退回/返还 → 退还, 支付/补发/结清 → 发放). A verb not listed names no action.
 */
final class ActionVerbs {

    /** Verbs of action and the form each is counted under. */
    private static final Map<String, String> ACTIONS = actions();

    private static Map<String, String> actions() {
        Map<String, String> a = new HashMap<>();
        // 修缮/翻修 of a road or a house is the same ask as its repair
        put(a, "修复", "修", "修理", "维修", "修复", "修好", "抢修", "修一修", "检修", "修缮", "翻修", "修护", "整修");
        put(a, "退还", "退", "退还", "退回", "返还", "归还", "退款", "退费", "退还给");
        // 讨回/追讨 what is owed is the ask that it be paid (讨回工伤赔偿金, 追讨工资)
        put(a, "发放", "补发", "发放", "支付", "结清", "清偿", "付清", "偿还", "兑付", "讨回", "追讨");
        // 缴纳 of an insurance asked of an employer: that it be paid in (only insurance and funds: WellFormedAsk)
        put(a, "补缴", "补缴", "缴纳", "缴交");
        put(a, "兑现", "兑现");
        put(a, "增开", "增开", "加开", "开通", "开辟");
        put(a, "增设", "增设", "加设", "设置", "设立", "配置", "配备", "安装", "加装", "装", "增加", "增建");
        put(a, "开放", "开放");
        put(a, "查处", "查处", "严查", "查办", "严惩", "惩处", "处罚", "处理掉", "打击", "严厉打击", "严打");
        put(a, "取缔", "取缔", "关停", "关闭");
        put(a, "整治", "整治", "治理", "整顿", "清查");
        put(a, "拆除", "拆除", "拆", "拆掉");
        put(a, "清理", "清理", "清除", "清运", "清扫", "疏通");
        put(a, "安置", "安置");
        // 建设 and 建 are mostly nouns here (国家中心城市建设): they count apart, only with a construction for object
        // (WellFormedAsk), and are then 修建 (ActionKey)
        put(a, "修建", "修建", "增修", "新建", "兴建", "铺设", "硬化");
        put(a, "建设", "建设", "建", "建好", "建成", "建造");
        put(a, "改造", "改造", "提质改造");
        put(a, "恢复", "恢复");
        put(a, "拓宽", "拓宽", "加宽");
        put(a, "打通", "打通");
        // 延长 a time (末班车时间, 开放时间) or a line; 保留 a stop or a line someone means to take away
        put(a, "延长", "延长");
        put(a, "保留", "保留");
        put(a, "公开", "公开", "公布", "公示", "通报");
        put(a, "调查", "调查", "核查", "彻查", "查明", "调查清楚");
        put(a, "停止", "停止", "制止", "禁止", "叫停", "阻止");
        put(a, "取消", "取消", "撤销", "废除");
        put(a, "调整", "调整", "更改", "变更", "优化");
        put(a, "降低", "降低", "减少", "下调");
        put(a, "减免", "减免", "免除");
        put(a, "提高", "提高", "上调", "加大");
        put(a, "赔偿", "赔偿", "补偿");
        put(a, "搬迁", "搬迁", "迁移", "迁走", "搬走", "撤走");
        put(a, "办理", "办理", "审批");
        put(a, "落实", "落实", "执行");
        put(a, "交付", "交付", "交房");
        // 保护 is left out: what is to be protected is rights, groups or the environment, no act (保护弱势群体)
        // verbs written with their object (请求修路): counted whole when no other object follows
        put(a, "修建道路", "修路");
        return Map.copyOf(a);
    }

    private static void put(Map<String, String> actions, String as, String... verbs) {
        for (String verb : verbs) {
            actions.put(verb, as);
        }
    }

    private ActionVerbs() {
    }

    /** The counted form of the verb, or null when it names no action. */
    static String countedAs(String word) {
        return ACTIONS.get(word);
    }

    /**
     * Verbs that carry their object (修路): the whole ask when nothing else follows them. A bare 办证 names no
     * certificate (a residence permit, a licence and a property certificate are all 办证), so it is none.
     */
    static boolean carriesObject(String counted) {
        return SELF_CONTAINED.contains(counted);
    }

    private static final java.util.Set<String> SELF_CONTAINED = java.util.Set.of("修建道路");

    static boolean isAction(String word) {
        return ACTIONS.containsKey(word);
    }
}
