package org.minyi.analysis;

import java.util.Set;

/**
 * The key a demand is counted under: the verb and its object under their counted names, the verb chosen by the
 * object where the object says what providing it means (增设红绿灯 but 增开公交线路, 提高工资), and one verb for one
 * ask (停止/整治/严查夜间施工 → 查处夜间施工; 整治/取缔麻将馆 → 取缔麻将馆). A construction is built and a fitting
 * fitted whichever verb was written (增设地铁站 = 修建地铁站, 修建停车场 = 增设停车位), a road is opened through (开通
 * 大唐路 → 打通道路), and money named by its verb is paid (赔偿赔偿金 → 发放赔偿金).
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

    /** Endings of what is built (修建), whichever of 增设/修建/新建 the citizen wrote. */
    private static final Set<String> BUILT = Set.of("路", "道", "桥", "桥梁", "站", "沟", "渠", "公园", "广场", "学校", "小学",
            "中学", "幼儿园", "医院", "馆", "球场", "菜市场", "厕所", "公厕", "围墙");

    /** Endings of what is fitted (增设), whichever of 增设/修建 the citizen wrote. */
    private static final Set<String> FITTED = Set.of("停车位", "红绿灯", "路灯", "减速带", "护栏", "栏杆", "摄像头",
            "隔音屏障");

    private static final Set<String> MONEY_ENDINGS = Set.of("金", "款", "费");

    /** The timing of a fitting (红绿灯时间, 信号灯时长), which is what adjusting the fitting means. */
    private static final Set<String> TIMED = Set.of("时间", "时长", "配时");

    private ActionKey() {
    }

    /** The verb and its object under their counted names, the verb chosen by the object where it provides it. */
    static String of(String action, String object) {
        String canonical = ObjectWords.canonical(object);
        String verb = action.equals("建设") ? "修建" : action;
        if (action.equals("增设") || action.equals("增开")) {
            verb = RUNS.contains(canonical) ? "增开" : AMOUNTS.contains(canonical) ? "提高" : "增设";
        }
        if (action.equals("增开") && canonical.equals("道路")) {
            verb = "打通"; // 开通大唐路: a road is opened through, not fitted
        }
        if (action.equals("增开") && canonical.endsWith("通道")) {
            return "开通" + canonical; // 开通消防通道, 开通绿色通道: a passage is opened, not built
        }
        if (action.equals("调整") && TIMED.stream().anyMatch(canonical::endsWith)) {
            String thing = canonical.substring(0, canonical.length() - 2);
            if (ObjectWords.isKnown(thing)) {
                canonical = ObjectWords.canonical(thing); // 调整红绿灯时间 = 调整红绿灯: its timing is what is adjusted
            }
        }
        if (action.equals("增开") && canonical.endsWith("站")) {
            return "开通" + canonical; // 开通兽医站这一站: a stop on a line is opened, not built
        }
        if (verb.equals("增设") && BUILT.stream().anyMatch(canonical::endsWith)) {
            verb = "修建"; // 增设地铁站 = 修建地铁站, 增设通道 = 修建通道: a construction is built
        }
        if (verb.equals("修建") && FITTED.stream().anyMatch(canonical::endsWith)) {
            verb = "增设"; // 修建停车场 = 增设停车位: a fitting is added
        }
        if ((canonical.equals("夜间施工") || canonical.equals("违章建筑")) && Set.of("停止", "取缔").contains(action)
                || canonical.equals("夜间施工") && action.equals("整治")) {
            verb = "查处"; // 停止/整治/严查夜间施工, 制止违章建设: one ask, and 停止违章建筑 says a building stops
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
        if (canonical.startsWith(verb)
                || canonical.contains(verb) && MONEY_ENDINGS.stream().anyMatch(canonical::endsWith)) {
            verb = "发放"; // 赔偿赔偿金, 补偿补偿款: the money named after the verb is paid
        }
        return verb.endsWith(canonical) ? verb : verb + canonical;
    }
}
