package org.minyi.analysis;

import java.util.HashMap;
import java.util.Map;
import java.util.Set;

/**
 * The words of object reading: the heads that name nothing to act on (问题, 工作, 相关部门), who is asked or meant
 * (never an object), generic heads a qualifier makes specific (过街设施), and object words of one thing under
 * different names (违建/违章建筑 → 违章建筑, 不动产证/产权证 → 房产证).
 */
final class ObjectWords {

    /** Objects that are no object: what is left of a courteous or vague ask. */
    static final Set<String> VAGUE = Set.of("问题", "情况", "事情", "事", "此事", "工作", "事宜", "诉求", "要求",
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
            "切身利益", "承诺", "血汗钱",
            // the details of what was said before (能否公布详情): no thing named here
            "详情", "详细情况", "具体情况",
            // what a thing is to be restored to, not the thing (将涵洞恢复原状: the 涵洞 was named before)
            "原状", "原样", "原貌", "难题", "难处", "困扰", "难事", "组织",
            // pieces of a road's name (建设|北路): no thing
            "北路", "南路", "东路", "西路", "中路");

    /** Who is asked to act or who is meant, not what is to be done: never an object. */
    static final Set<String> AGENTS = Set.of("部门", "政府", "领导", "书记", "市长", "公安", "公安机关", "开发商",
            "物业", "物业公司", "公司", "单位", "上级", "主管", "相关部门", "有关部门", "城管", "交警", "执法", "街道",
            "社区", "派出所", "法院", "局", "委员会", "纪委", "人民政府", "办事处", "村委会", "居委会", "学校", "医院",
            "银行", "集团", "有限公司", "管理所", "管理局", "教师", "老师", "劳动者", "民工", "农民工", "驾驶员", "司机",
            "租户", "学生", "军人", "残疾军人", "职工", "员工", "工人", "人员", "投资人", "家长", "孩子", "老人",
            "商家", "商户", "店主", "老板", "企业", "网站", "村民", "责任人", "相关责任人", "网点", "机关", "分子", "腐败分子", "先生", "市府", "社会", "媒体", "新闻媒体");

    /** Qualifiers that say a thing is unlawful: the reason for the ask, not a different thing. */
    static final Set<String> ILLEGAL = Set.of("非法", "违法", "违规", "无证", "黑", "无照", "无证无照", "无牌", "无牌无照");

    /** Generic heads that a qualifier before them makes specific (过街设施, 建设成本资料). */
    static final Set<String> GENERIC_HEADS = Set.of("设施", "工程", "费用", "资金", "路段", "项目", "方案",
            "计划", "标准", "服务", "条件", "文件", "资料", "平台", "制度", "政策", "手续", "规划", "结果", "窗口",
            // a passage or a time is an object only with what it is (消防通道, 地下通道; 末班车时间, 开放时间)
            "通道", "时间",
            // a pipe or a charge is an ask only with what kind (排烟管道, 污水管道; 取件收费, 停车收费)
            "管道", "收费",
            // a list, where money went, what something holds, a sign: only with whose or of what (车位名单, 费用去向,
            // 职责内容, 违停标识)
            "名单", "去向", "内容", "标识", "明细");

    /** Nouns after a head that close it rather than naming it (环境污染问题). */
    static final Set<String> TRAILING_VAGUE = Set.of("问题", "情况", "现象", "事宜", "工作", "事情", "行为",
            "一事", "事件", "整改",
            // 信号灯装置, 公交车数量: the thing is named before the word for its kind or amount
            "装置", "数量", "活动");

    /** Object words of one thing under different names, and the name they are counted under. */
    private static final Map<String, String> OBJECTS = objects();

    private static Map<String, String> objects() {
        Map<String, String> o = new HashMap<>();
        putObject(o, "违章建筑", "违建", "违章建筑", "违法建筑", "违章搭建", "违法建设", "违章建设", "违建房", "违章房",
                "违法搭建", "违规建筑", "违规搭建");
        putObject(o, "房产证", "房产证", "不动产证", "不动产权证", "产权证", "房屋产权证", "房产证书", "不动产登记证",
                "不动产权证书", "房屋所有权证");
        putObject(o, "红绿灯", "红绿灯", "信号灯", "交通信号灯", "红绿灯信号", "交通灯");
        putObject(o, "监控摄像头", "摄像头", "电子摄像头", "监控", "监控摄像头", "电子眼", "监控设备", "摄像机", "电子警察",
                "电子抓拍", "抓拍设备", "电子抓拍设备", "抓拍系统", "违章抓拍");
        putObject(o, "公交线路", "公交", "公交车", "公交线路", "公交车线路", "线路", "公交专线", "专线", "公交路线");
        putObject(o, "工资", "工资", "拖欠工资", "薪资", "工钱", "薪水", "农民工工资", "劳务费", "欠薪");
        putObject(o, "物业费", "物业费", "物业管理费");
        putObject(o, "路灯", "路灯", "街灯");
        putObject(o, "隔音屏障", "隔音屏障", "隔音墙", "隔音板", "隔音设施", "隔音");
        putObject(o, "夜间施工", "夜间施工", "晚上施工", "夜间作业", "深夜施工");
        putObject(o, "道路", "道路", "路", "马路", "路面", "公路", "水泥路", "村道", "主干道", "主路",
                "主干路", "水泥主路", "乡村道路", "村级道路", "通村公路", "进村道路", "道路路面");
        putObject(o, "停车位", "停车位", "车位", "停车场");
        putObject(o, "人行横道", "人行横道", "斑马线");
        putObject(o, "车次", "车次", "班次", "公交车次", "公交班次", "发车班次", "趟次");
        putObject(o, "隔音屏障", "隔音屏");
        putObject(o, "原状", "原状", "原样", "原貌");
        putObject(o, "隔音屏障", "隔音隧道", "隔音罩", "声屏障", "隔音棚");
        putObject(o, "自来水管道", "水管", "自来水管", "自来水管道", "供水管道", "自来水管网");
        putObject(o, "道路", "路面水泥", "道路水泥", "水泥路面", "柏油路", "沥青路", "柏油路面", "沥青路面", "村级公路");
        putObject(o, "公厕", "公厕", "厕所", "公共厕所", "公共卫生间");
        putObject(o, "绿地", "绿地", "绿化带", "绿化", "公共绿地", "街头绿地", "绿化用地", "绿化区");
        putObject(o, "人行天桥", "人行天桥", "过街天桥", "天桥", "行人天桥");
        putObject(o, "桥梁", "桥梁", "桥", "大桥", "小桥", "便桥");
        putObject(o, "房屋", "房屋", "房子", "住房", "商品房", "新房");
        return Map.copyOf(o);
    }

    private static void putObject(Map<String, String> objects, String as, String... names) {
        for (String name : names) {
            objects.put(name, as);
        }
    }

    private ObjectWords() {
    }

    /** The name an object word is counted under (itself when it has no other). */
    static String canonical(String object) {
        return OBJECTS.getOrDefault(object, object);
    }

    /** Whether the object word is one of the known things counted under one name. */
    static boolean isKnown(String object) {
        return OBJECTS.containsKey(object);
    }

    static boolean isAgent(String word) {
        return AGENTS.contains(word) || word.endsWith("局") || word.endsWith("部门") || word.endsWith("公司")
                || word.endsWith("委员会") || word.endsWith("办事处") || word.endsWith("政府") || word.endsWith("集团")
                || word.endsWith("管理所") || word.endsWith("委") || word.endsWith("机关") || word.endsWith("分子")
                || word.endsWith("领导") || word.endsWith("先生") || word.endsWith("书记") || word.endsWith("市长")
                || word.endsWith("局长") || word.endsWith("方面") || word.endsWith("办公室")
                // people by their post (队员, 公务员, 辅警队员): who gets the pay, not what is asked
                || word.length() >= 2 && word.endsWith("员") && !word.equals("动员");
    }
}
