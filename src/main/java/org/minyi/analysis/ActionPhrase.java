package org.minyi.analysis;

import com.hankcs.hanlp.seg.common.Term;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
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
 *   <li>Wordings of one ask meet in one key: verbs (修/修理/维修 → 修复, 退/退回/返还 → 退还, 支付/补发/结清 →
 *       发放) and objects (违建/违章建筑 → 违章建筑, 不动产证/产权证 → 房产证) are normalised, and verbs that
 *       provide something take the object's verb (安装/增加/设置红绿灯 → 增设红绿灯, 增加/开通公交线路 →
 *       增开公交线路).</li>
 * </ul>
 */
final class ActionPhrase {

    private static final int MAX_OBJECT_CHARS = 8;
    private static final int LOOK_BACK = 3;

    /** Verbs of action and the form each is counted under. */
    private static final Map<String, String> ACTIONS = actions();

    private static Map<String, String> actions() {
        Map<String, String> a = new HashMap<>();
        put(a, "修复", "修", "修理", "维修", "修复", "修好", "抢修", "修一修", "检修");
        put(a, "修缮", "修缮", "翻修");
        put(a, "退还", "退", "退还", "退回", "返还", "归还", "退款", "退费", "退还给");
        put(a, "发放", "补发", "发放", "支付", "结清", "清偿", "付清", "偿还", "兑付");
        put(a, "补缴", "补缴");
        put(a, "兑现", "兑现");
        put(a, "增开", "增开", "加开", "开通", "开辟");
        put(a, "增设", "增设", "加设", "设置", "设立", "配置", "配备", "安装", "加装", "装", "增加", "增建");
        put(a, "开放", "开放");
        put(a, "查处", "查处", "严查", "查办", "严惩", "惩处", "处罚", "处理掉", "打击");
        put(a, "取缔", "取缔", "关停", "关闭");
        put(a, "整治", "整治", "治理", "整顿", "清查");
        put(a, "拆除", "拆除", "拆", "拆掉");
        put(a, "清理", "清理", "清除", "清运", "清扫", "疏通");
        put(a, "安置", "安置");
        // 建设 and 建 are left out: mostly nouns here (国家中心城市建设), not asks
        put(a, "修建", "修建", "增修", "新建", "兴建", "铺设", "硬化");
        put(a, "改造", "改造", "提质改造");
        put(a, "恢复", "恢复");
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
        put(a, "办理房产证", "办证");
        return Map.copyOf(a);
    }

    private static void put(Map<String, String> actions, String as, String... verbs) {
        for (String verb : verbs) {
            actions.put(verb, as);
        }
    }

    /** Nouns that make the verb before them a modifier: 维修基金, 整改方案, 改造项目, 交付条件, 修建性规划. */
    private static final Set<String> COMPOUND_HEADS = Set.of("基金", "资金", "方案", "计划", "项目", "条件", "单位",
            "人员", "部位", "工程", "规划", "性", "工作", "进度", "措施", "行动", "期限", "范围", "标准", "费用", "记录",
            "结果", "情况", "过程", "期间", "时间", "政策", "办法", "通知", "文件", "机构", "部门", "平台", "企业",
            "公司", "许可证", "手续", "程序", "流程", "意见", "要求", "费", "机会", "模式", "成本");

    /** Words after which the clause tells what was done or will be done to the citizen, not what they ask. */
    private static final Set<String> NO_LONGER_ASKED = Set.of("否则", "不然", "要不然", "要不", "以免", "以防", "导致",
            "造成", "致使", "以致", "因为", "由于", "结果", "却", "但", "但是", "可是", "然而", "并且", "而且",
            // a condition and its consequence (不买车位就取消购房资格), a purpose (为了提高幸福感)
            "如果", "假如", "若", "一旦", "就", "为了", "以便", "从而", "进而", "更能");

    /** Negations that turn the verb after them into what was not done (未修复) or asked not to be done. */
    private static final Set<String> NEGATIONS = Set.of("不", "未", "没", "没有", "别", "不要", "不予", "不再", "无法",
            "不能", "不得", "拒绝", "拒不", "不肯", "不给", "不让", "从未", "尚未", "还未", "迟迟不", "一直不");

    /** Objects that are no object: what is left of a courteous or vague ask. */
    private static final Set<String> VAGUE = Set.of("问题", "情况", "事情", "事", "此事", "工作", "事宜", "诉求", "要求",
            "意见", "建议", "力度", "措施", "办法", "部门", "政府", "领导", "相关部门", "有关部门", "我们", "大家", "群众",
            "老百姓", "百姓", "市民", "居民", "业主", "权益", "利益", "合法权益", "公道", "说法", "答复", "回复",
            "实际", "民生", "上级", "人民", "上述", "实事", "广大", "民众", "职能", "步伐", "责任", "行政", "处理",
            "核实", "了解", "给予", "信息", "相关", "有关", "规定", "政策", "手续", "程序", "原因", "结果", "情况下",
            "违法行为", "行为", "违规行为", "环境", "生活", "路段", "企业", "流程", "态度", "文件", "项目", "职责",
            "损失", "条款", "现象", "地方", "平台", "缴费", "交通", "方案", "计划", "条件", "行动", "人员",
            "单位", "定义", "理由", "历史", "部位", "现状", "秩序", "管理", "监管",
            "制度", "机制", "标准", "服务", "质量", "安全", "隐患", "风险", "影响", "困难", "矛盾", "纠纷", "真相",
            "事实", "情形", "东西", "时间", "期限", "进度", "方式", "方面", "地区", "区域", "范围", "水平", "力量",
            "作用", "效率", "能力", "负担", "压力", "道路交通", "生产", "经营", "发展", "建设", "投资",
            "投资建设", "市场", "乱象", "违法", "违规", "行业", "产业", "经济", "资源", "条例", "法律", "法规", "数量", "机会", "明文", "资质", "城区", "县城", "车辆",
            "装置", "小区", "农村", "保障", "部分", "幸福感", "人流", "邻里", "村里", "违约责任",
            "案情", "合法性", "专项", "全额", "背景", "观点", "思想", "意识", "手段", "领域", "前提",
            "指示", "一级", "个人", "模式", "场所", "追责", "监督", "宣传", "哪天", "好事", "人身", "有关方面",
            // what the dev lists of attachment 4 and the raw 921 showed as objects that name no thing to act on
            "终点", "约束", "害群之马", "霸王", "霸权", "犯罪", "权力", "权利", "义务", "结论", "日期", "报告", "子女",
            "患者", "不作为", "维权", "判决", "大环境", "身体", "家庭", "现金", "事故", "违章", "家园",
            "切身利益", "承诺", "血汗钱");

    /** Who is asked to act or who is meant, not what is to be done: never an object. */
    private static final Set<String> AGENTS = Set.of("部门", "政府", "领导", "书记", "市长", "公安", "公安机关", "开发商",
            "物业", "物业公司", "公司", "单位", "上级", "主管", "相关部门", "有关部门", "城管", "交警", "执法", "街道",
            "社区", "派出所", "法院", "局", "委员会", "纪委", "人民政府", "办事处", "村委会", "居委会", "学校", "医院",
            "银行", "集团", "有限公司", "管理所", "管理局", "教师", "老师", "劳动者", "民工", "农民工", "驾驶员", "司机",
            "租户", "学生", "军人", "残疾军人", "职工", "员工", "工人", "人员", "投资人", "家长", "孩子", "老人",
            "商家", "商户", "店主", "老板", "企业", "网站", "村民", "责任人", "相关责任人", "网点", "机关", "分子", "腐败分子", "先生", "市府", "社会", "媒体", "新闻媒体");

    /** Object words of one thing under different names, and the name they are counted under. */
    private static final Map<String, String> OBJECTS = objects();

    private static Map<String, String> objects() {
        Map<String, String> o = new HashMap<>();
        putObject(o, "违章建筑", "违建", "违章建筑", "违法建筑", "违章搭建", "违法建设", "违章建设", "违建房", "违章房",
                "违法搭建", "违规建筑", "违规搭建");
        putObject(o, "房产证", "房产证", "不动产证", "不动产权证", "产权证", "房屋产权证", "房产证书", "不动产登记证",
                "不动产权证书", "房屋所有权证");
        putObject(o, "红绿灯", "红绿灯", "信号灯", "交通信号灯", "红绿灯信号", "交通灯");
        putObject(o, "监控摄像头", "摄像头", "电子摄像头", "监控", "监控摄像头", "电子眼", "监控设备", "摄像机");
        putObject(o, "公交线路", "公交", "公交车", "公交线路", "公交车线路", "线路", "公交专线", "专线", "公交路线");
        putObject(o, "工资", "工资", "拖欠工资", "薪资", "工钱", "薪水", "农民工工资", "劳务费", "欠薪");
        putObject(o, "物业费", "物业费", "物业管理费");
        putObject(o, "路灯", "路灯", "街灯");
        putObject(o, "隔音屏障", "隔音屏障", "隔音墙", "隔音板", "隔音设施", "隔音");
        putObject(o, "夜间施工", "夜间施工", "晚上施工", "夜间作业", "深夜施工");
        putObject(o, "道路", "道路", "路", "马路", "路面", "公路", "水泥路", "村道");
        putObject(o, "停车位", "停车位", "车位", "停车场");
        putObject(o, "人行横道", "人行横道", "斑马线");
        putObject(o, "车次", "车次", "班次", "公交车次", "公交班次", "发车班次", "趟次");
        putObject(o, "隔音屏障", "隔音屏");
        putObject(o, "原状", "原状", "原样", "原貌");
        putObject(o, "隔音屏障", "隔音隧道", "隔音罩", "声屏障", "隔音棚");
        putObject(o, "自来水管道", "水管", "自来水管", "自来水管道", "供水管道", "自来水管网");
        putObject(o, "道路", "路面水泥", "道路水泥", "水泥路面", "柏油路", "沥青路", "柏油路面", "沥青路面", "村级公路");
        putObject(o, "房屋", "房屋", "房子", "住房", "商品房", "新房");
        return Map.copyOf(o);
    }

    private static void putObject(Map<String, String> objects, String as, String... names) {
        for (String name : names) {
            objects.put(name, as);
        }
    }

    /** Verbs whose object is people (安置失地农民): a person is their object, not who is to act. */
    private static final Set<String> PEOPLE_VERBS = Set.of("安置");

    /** Objects whose provision is a run of vehicles (增开) rather than a fitting (增设). */
    private static final Set<String> RUNS = Set.of("公交线路", "车次", "班次", "地铁", "夜班车", "高铁", "动车", "航线");

    /** Endings of a business premises that enforcement asks to close (麻将馆, 烧烤店, 洗沙场, 养猪场, 作坊). */
    private static final Set<String> VENUES = Set.of("馆", "店", "厅", "厂", "摊", "窝点", "作坊", "沙场", "砂场",
            "猪场", "养殖场", "网吧", "KTV", "酒吧", "档", "摊点");

    /** Objects that are an amount: more of them is 提高, not 增设. */
    private static final Set<String> AMOUNTS = Set.of("工资", "待遇", "补贴", "养老金", "退休金", "名额", "收入", "津贴",
            "补助", "工资待遇", "标准", "额度", "比例");

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
                    && ACTIONS.containsKey(terms.get(i).word + terms.get(i + 1).word);
            String action = pair ? ACTIONS.get(terms.get(i).word + terms.get(i + 1).word) : ACTIONS.get(terms.get(i).word);
            int next = i + (pair ? 2 : 1);
            if (action == null || isNegated(terms, i, from) || modifiesNoun(terms, next, i) || isModifier(terms, next, i)) {
                continue;
            }
            if (next < terms.size() && REFERENCES.contains(terms.get(next).word)) {
                return null; // 严查此事: what is asked was said before, not here
            }
            boolean ofPeople = PEOPLE_VERBS.contains(action);
            Head object = disposalObject(terms, from, i, ofPeople, segmenter);
            if (object == null && !hasNounAfter(terms, next, end)) {
                object = objectBefore(terms, from, i, ofPeople, segmenter);
            } else if (object == null) {
                object = objectAfter(terms, next, end, ofPeople, segmenter);
            }
            if (object != null) {
                String canonical = OBJECTS.getOrDefault(object.text(), object.text());
                boolean known = OBJECTS.containsKey(object.text());
                if (!WellFormedAsk.accepts(action, canonical, terms, indexOf(terms, object.last()), i, known)) {
                    return null;
                }
                if (action.equals("修复") && terms.get(i).word.equals("修") && !pair
                        && CONSTRUCTIONS.stream().anyMatch(canonical::endsWith)) {
                    action = "修建"; // 修水泥路, 修一条便道: a bare 修 of a road or a ditch builds it
                }
                String manner = i - 1 >= from && MANNERS.contains(terms.get(i - 1).word) ? terms.get(i - 1).word : "";
                return manner + phrase(action, object.text());
            }
        }
        return null;
    }

    /** What a bare 修 builds rather than repairs. */
    private static final Set<String> CONSTRUCTIONS = Set.of("路", "道", "沟", "渠", "桥", "公园", "广场", "场", "馆", "站",
            "学校", "小学", "围墙");

    /** How or where it is to be done, when that is the ask (往北修建高铁, 网上办理居住证): kept before the verb. */
    private static final Set<String> MANNERS = Set.of("往北", "往南", "往东", "往西", "北移", "南移", "网上", "线上",
            "异地", "就近", "免费", "分期");

    private static int indexOf(List<Term> terms, Term term) {
        for (int i = 0; i < terms.size(); i++) {
            if (terms.get(i) == term) {
                return i;
            }
        }
        throw new IllegalArgumentException("not a term of the clause: " + term);
    }

    /** Whether the word is an action verb (what comes after an object read before its verb: 路灯尽快修好). */
    static boolean isAction(String word) {
        return ACTIONS.containsKey(word);
    }

    /** Words after which a verb only describes (公开的回复, 交房后, 审批的合法性) or is itself a noun. */
    private static boolean isModifier(List<Term> terms, int next, int verb) {
        if (next < terms.size() && (terms.get(next).word.equals("的") || TIME_AFTER.contains(terms.get(next).word))) {
            return true;
        }
        // 将禁止违停的金属棍子换成…: the verb right after 将/把 is inside the noun phrase 将 governs
        return verb > 0 && DISPOSAL.contains(terms.get(verb - 1).word);
    }

    private static final Set<String> TIME_AFTER = Set.of("后", "前", "时", "以后", "之后", "以前", "之前", "期间", "中");
    private static final Set<String> DISPOSAL = Set.of("将", "把");
    private static final Set<String> REFERENCES = Set.of("此事", "此", "这", "这事", "该事", "此类", "上述", "这些",
            "这种", "其");

    /** 将电表箱迁移到配电间: the object stands between 将/把 and the verb. */
    private static Head disposalObject(List<Term> terms, int from, int verb, boolean ofPeople, Segmenter segmenter) {
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

    private static boolean hasNounAfter(List<Term> terms, int from, int end) {
        for (int i = from; i < terms.size() && terms.get(i).offset < end && !endsObject(terms, i); i++) {
            if (isNounLike(terms, i)) {
                return true;
            }
        }
        return false;
    }

    /** The verb and its object under their counted names, the verb chosen by the object where it provides it. */
    static String phrase(String action, String object) {
        String canonical = OBJECTS.getOrDefault(object, object);
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

    private static boolean adjacent(Term a, Term b) {
        return a.offset + a.word.length() == b.offset;
    }

    /** Words before a verb that tell it is under way or done (正在修建的公园), not asked. */
    private static final Set<String> UNDER_WAY = Set.of("正在", "已经", "已", "曾", "曾经", "刚", "刚刚", "在建");

    private static boolean isNegated(List<Term> terms, int verb, int from) {
        return verb - 1 >= from && (NEGATIONS.contains(terms.get(verb - 1).word)
                || UNDER_WAY.contains(terms.get(verb - 1).word))
                || verb - 2 >= from && NEGATIONS.contains(terms.get(verb - 2).word)
                && Set.of("能", "会", "予", "得", "给", "再", "及时", "按时").contains(terms.get(verb - 1).word);
    }

    /** 维修 of 维修基金: the verb written together with a noun it modifies. */
    private static boolean modifiesNoun(List<Term> terms, int next, int verb) {
        return next < terms.size() && adjacent(terms.get(verb), terms.get(next))
                && COMPOUND_HEADS.contains(terms.get(next).word);
    }

    /**
     * The noun phrase after the verb, read to its head. Its extent runs to the next comma, action or clause end;
     * when a 的 in it is followed by nouns, what stands before the 的 only qualifies the head (多收的物业费,
     * 人行道上搭建的违章建筑), else the first run of nouns is the phrase. Null when there is no noun or the phrase
     * is vague, a place, an organisation or a person.
     */
    private static Head objectAfter(List<Term> terms, int from, int end, boolean ofPeople, Segmenter segmenter) {
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
        boolean qualifies = firstEnd < extentEnd && (nature(terms.get(firstEnd)).startsWith("f")
                || QUALIFYING.contains(terms.get(firstEnd).word));
        if (firstHead != null && !qualifies) {
            return firstHead;
        }
        for (int i = firstEnd; i + 1 < extentEnd; i++) {
            if (terms.get(i).word.equals("的") && isNounLike(terms, i + 1)) {
                return head(terms.subList(i + 1, runEnd(terms, i + 1, extentEnd)), ofPeople, segmenter);
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

    /** Words after a noun run that make it a qualifier of a later head (小区的路灯, 县城到双江口的公交车). */
    private static final Set<String> QUALIFYING = Set.of("的", "到", "至", "往", "在", "里", "内", "外", "之间");

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
        return comma || NO_LONGER_ASKED.contains(term.word) || ACTIONS.containsKey(term.word) && !isNounLike(terms, i);
    }

    /**
     * "路灯尽快修好": the nouns right before the verb, after the trigger, with only adverbs or auxiliaries between
     * them and the verb (not 小学门口修建…: a place where, not what).
     */
    private static Head objectBefore(List<Term> terms, int from, int verb, boolean ofPeople, Segmenter segmenter) {
        if (verb - 1 >= from && isNounLike(terms, verb - 1) && !nonNounBetween(terms, from, verb - 1)) {
            return null; // 请市府批示彻查, 要求校区退款: right after the trigger and right before the verb is who acts
        }
        List<Term> run = new ArrayList<>();
        for (int i = verb - 1; i >= from && i >= verb - LOOK_BACK; i--) {
            Term term = terms.get(i);
            if (isNounLike(terms, i)) {
                run.addFirst(term);
            } else if (!run.isEmpty()) {
                String n = nature(term);
                if (n.startsWith("p") || n.startsWith("m") || n.startsWith("q") || n.startsWith("f")
                        || n.startsWith("v")) {
                    return null; // 向社会开放, 到村里调查, 一个案情通报, 按合同执行: not what is acted on
                }
                break;
            } else if (!(nature(term).startsWith("d") || AUXILIARIES.contains(term.word))) {
                break;
            }
        }
        return head(run, ofPeople, segmenter);
    }

    /** Whether some word that is no noun stands between {@code from} and {@code last}. */
    private static boolean nonNounBetween(List<Term> terms, int from, int last) {
        for (int i = from; i < last; i++) {
            if (!isNounLike(terms, i)) {
                return true;
            }
        }
        return false;
    }

    /** Words that may stand between an object and its verb (路灯能够尽快修好, 违建予以拆除). */
    private static final Set<String> AUXILIARIES = Set.of("能", "能够", "要", "可以", "予以", "给予", "进行", "被", "得到",
            "予", "得", "早日", "尽快", "尽早", "及时", "马上", "立即", "全部", "彻底", "依法", "坚决", "好", "一下");

    /** An object read: its words as written and its last word (whose nature and neighbour tell what it is). */
    record Head(String text, Term last) {
    }

    /** The head of a noun run, its last one or two words; null for a run that is no object. */
    private static Head head(List<Term> nouns, boolean ofPeople, Segmenter segmenter) {
        List<Term> run = new ArrayList<>(nouns);
        while (!run.isEmpty() && TRAILING_VAGUE.contains(run.getLast().word)) {
            run.removeLast(); // 环境污染问题: the problem is what is named before it
        }
        if (run.isEmpty()) {
            return null;
        }
        Term last = run.getLast();
        String nature = nature(last);
        boolean person = AGENTS.contains(last.word) || nature.startsWith("nnt") || nature.startsWith("nnd");
        if (isName(last) || isAgent(last.word) && !(ofPeople && person) || person && !ofPeople) {
            return null;
        }
        if (run.size() >= 2 && isName(run.get(run.size() - 2)) && adjacent(run.get(run.size() - 2), last)) {
            // a noun written onto a place or a name is part of it (凉塘东路, 某某驾驶员培训)
            return last.word.endsWith("路") || last.word.endsWith("街") || last.word.endsWith("大道")
                    ? new Head("道路", last) : null;
        }
        if (VAGUE.contains(last.word) && !GENERIC_HEADS.contains(last.word) && !(run.size() >= 2
                && OBJECTS.containsKey(run.get(run.size() - 2).word + last.word))) {
            return null; // 国际业主, 宣传力度: the head says nothing to act on, whatever qualifies it
        }
        String object = last.word;
        if (run.size() >= 2) {
            Term before = run.get(run.size() - 2);
            String two = before.word + last.word;
            if (OBJECTS.containsKey(two)) {
                return new Head(two, last);
            }
            boolean qualifier = isObjectWord(before, segmenter)
                    || nature(before).equals("vn") && !VAGUE.contains(before.word); // 整改方案, not 相关效果图
            if (!isName(before) && !isAgent(before.word) && qualifier
                    && !OBJECTS.containsKey(last.word) && two.length() <= MAX_OBJECT_CHARS) {
                object = two; // 过街设施, 夜间施工: a generic head with what it is
            }
        }
        if (object.length() < 2 || !segmenter.isContent(last) || VAGUE.contains(object)
                || GENERIC_HEADS.contains(object)) {
            return null;
        }
        return new Head(object, last);
    }

    /** Generic heads that a qualifier before them makes specific (过街设施, 建设成本资料). */
    private static final Set<String> GENERIC_HEADS = Set.of("设施", "工程", "费用", "资金", "路段", "项目", "方案",
            "计划", "标准", "服务", "条件", "文件", "资料", "平台", "制度", "政策", "手续", "规划", "结果", "窗口");

    private static boolean isAgent(String word) {
        return AGENTS.contains(word) || word.endsWith("局") || word.endsWith("部门") || word.endsWith("公司")
                || word.endsWith("委员会") || word.endsWith("办事处") || word.endsWith("政府") || word.endsWith("集团")
                || word.endsWith("管理所") || word.endsWith("委") || word.endsWith("机关") || word.endsWith("分子")
                || word.endsWith("领导") || word.endsWith("先生") || word.endsWith("书记") || word.endsWith("市长")
                || word.endsWith("局长") || word.endsWith("方面") || word.endsWith("办公室");
    }

    /** Nouns, and an action word only where it modifies a noun (整改 of 整改方案). */
    private static boolean isNounLike(List<Term> terms, int i) {
        Term term = terms.get(i);
        if (ACTIONS.containsKey(term.word)) {
            return modifiesNoun(terms, i + 1, i);
        }
        String nature = nature(term);
        return nature.startsWith("n") || nature.equals("b") || nature.equals("vn");
    }

    private static final Set<String> TRAILING_VAGUE = Set.of("问题", "情况", "现象", "事宜", "工作", "事情", "行为",
            "一事", "事件", "整改");

    /** Places, names and organisations say where or who, not what. */
    private static boolean isName(Term term) {
        String nature = nature(term);
        return nature.startsWith("ns") || nature.startsWith("nr") || nature.equals("nx") || nature.startsWith("nt")
                || nature.equals("nz") && term.word.length() > 4;
    }

    private static boolean isObjectWord(Term term, Segmenter segmenter) {
        return term.word.length() > 1 && segmenter.isContent(term) && !VAGUE.contains(term.word);
    }

    private static String nature(Term term) {
        return term.nature == null ? "" : term.nature.toString();
    }

    private static boolean isPunctuation(Term term) {
        return term.nature != null && term.nature.startsWith('w');
    }
}
