package org.minyi.analysis;

import java.util.Set;

/**
 * The key a demand is counted under: the verb and its object under their counted names, the verb chosen by the
 * object where the object says what providing it means (增设红绿灯 but 增开公交线路, 提高工资), and one verb for one
 * ask (停止/整治/严查夜间施工 → 查处夜间施工; 整治/取缔麻将馆 → 取缔麻将馆).
 */
final class ActionKey {

    /** Objects whose provision is a run of vehicles (增开) rather than a fitting (增设). */
    private static final Set<String> RUNS = Set.of("公交线路", "车次", "班次", "地铁", "夜班车", "高铁", "动车", "航线");

    /** Endings of a business premises that enforcement asks to close (麻将馆, 烧烤店, 洗沙场, 养猪场, 作坊). */
    private static final Set<String> VENUES = Set.of("馆", "店", "厅", "厂", "摊", "窝点", "作坊", "沙场", "砂场",
            "猪场", "养殖场", "网吧", "KTV", "酒吧", "档", "摊点");

    /** Objects that are an amount: more of them is 提高, not 增设. */
    private static final Set<String> AMOUNTS = Set.of("工资", "待遇", "补贴", "养老金", "退休金", "名额", "收入", "津贴",
            "补助", "工资待遇", "标准", "额度", "比例");

    private ActionKey() {
    }

    /** The verb and its object under their counted names, the verb chosen by the object where it provides it. */
    static String of(String action, String object) {
        String canonical = ObjectWords.canonical(object);
        String verb = action;
        if (action.equals("增设") || action.equals("增开")) {
            verb = RUNS.contains(canonical) ? "增开" : AMOUNTS.contains(canonical) ? "提高" : "增设";
        }
        if (canonical.equals("夜间施工") && Set.of("停止", "整治", "取缔").contains(action)) {
            verb = "查处"; // 停止/整治/严查夜间施工: one ask
        }
        if (Set.of("整治", "查处").contains(action) && VENUES.stream().anyMatch(canonical::endsWith)) {
            verb = "取缔"; // 整治/严查/取缔麻将馆: closing the venue is the one ask
        }
        if (action.equals("发放") && canonical.equals("房产证")) {
            verb = "办理";
        }
        if (action.equals("发放") && canonical.equals("工资")) {
            verb = "补发"; // pay owed wages: 支付/结清/发放拖欠工资 are all the one ask 补发工资
        }
        return verb.endsWith(canonical) ? verb : verb + canonical;
    }
}
