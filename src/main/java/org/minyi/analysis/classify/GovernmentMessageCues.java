package org.minyi.analysis.classify;

import java.util.ArrayList;
import java.util.List;

/**
 * The domain layer for messages to government, applied after the classifier (trained on hotel reviews) has scored
 * a text. A classifier that learnt from reviews reads polite complaints (希望…尽快解决, 谢谢领导) as praise; here a
 * message that reports a problem is a complaint whatever its courtesy.
 *
 * <p>It acts only on texts that name someone or something of public administration or public services (领导,
 * 街道, 业主, 12345, 补贴, 公交…) and use no hotel-review words (酒店, 房间, 前台…: hotels stand opposite the 市政府
 * and lodge 领导, so review words win). On such a text, in this order:
 * <ol>
 *   <li><b>complaint</b>: evidence = number of distinct problem cues (投诉, 扰民, 漏水, 不作为…), plus half a point
 *       per request frame (希望, 尽快, 整改…, at most two) when there is a problem cue at all; evidence ≥
 *       {@value #COMPLAINT_EVIDENCE} makes the score at most −(0.4 + 0.1·min(evidence, 6)), so it is negative
 *       however polite the wording;</li>
 *   <li><b>thanks</b>: a gratitude cue (感谢, 表扬, 点赞…) and no problem cue makes the score at least +0.5;</li>
 *   <li><b>question or suggestion</b>: a question frame (请问, 咨询, 是否…), or a suggestion/request with no problem
 *       cue, shrinks the score to a quarter, into the neutral band: asking how to apply is neither praise nor
 *       complaint;</li>
 *   <li>otherwise the classifier's score stands.</li>
 * </ol>
 * Only rules 1 and 2 can change a score's sign; on the hotel reviews no text reaches them (see the model card).
 * The cue lists and thresholds were written by hand and tuned on hand-checks 1 and 2 only (see the model card).
 * Matching is on the raw text, so it does not depend on the segmenter.
 */
final class GovernmentMessageCues {

    static final double COMPLAINT_EVIDENCE = 1.5;

    private static final List<String> ADDRESSED = List.of("领导", "政府", "书记", "市长", "县长", "镇长", "局长",
            "相关部门", "有关部门", "主管部门", "职能部门", "街道", "社区", "居委会", "村委", "12345", "业主", "市民",
            "居民", "村民", "城管", "开发商", "住建", "派出所", "交警", "教育局", "政策", "补贴", "社保", "医保",
            "公积金", "户口", "户籍", "拆迁", "征收", "违建", "整改", "查处", "老百姓", "百姓", "群众", "幼儿园",
            "编制", "物业费", "小区", "物业", "公交", "地铁", "道路", "路口", "红绿灯", "学校", "学生", "中考", "高考",
            "房价", "安置", "农民", "村", "乡", "县", "市政", "楼盘", "规划");

    // Words of hotel reviews: a text using them is a review (hotels sit opposite the 市政府 and lodge 领导).
    private static final List<String> REVIEW = List.of("酒店", "宾馆", "饭店", "房间", "前台", "服务员", "早餐",
            "携程", "性价比", "大堂", "客房", "标间", "大床");

    private static final List<String> PROBLEMS = List.of("投诉", "举报", "扰民", "噪音", "噪声", "违规", "违建",
            "违章", "违法", "非法", "私自", "私搭", "不作为", "推诿", "踢皮球", "拖欠", "乱收费", "污染", "隐患",
            "苦不堪言", "臭", "漏水", "堵塞", "拥堵", "欺诈", "欺骗", "骗", "虚假", "强行", "强制", "刁难", "超标",
            "危房", "置之不理", "不闻不问", "敷衍", "无果", "烂尾", "停工", "维权", "损失", "故障", "扬尘", "占道",
            "脏乱", "垃圾", "吵", "不合理", "不公平", "霸王", "侵犯", "侵占", "无人管理", "无人处理", "没人管",
            "不管", "未解决", "没有解决", "得不到", "一直没有", "至今", "迟迟", "多次", "严重", "困扰", "倒行逆施",
            "偷税", "潜逃", "反锁", "缩水", "裂缝", "塌陷", "危险", "事故", "乱象", "乱挤", "错乱", "心寒",
            "担惊受怕", "质疑", "异议", "不满", "拒绝", "不受理", "失修", "恶劣", "无法", "不能正常", "坑", "整治", "小偷", "不肯", "跟不上", "到底", "谎言", "暴涨", "太慢",
            "迟到", "误车", "误导", "为什么不能", "不方便", "不便");

    private static final List<String> SUGGESTIONS = List.of("建议", "提议", "意见");

    private static final List<String> REQUESTS = List.of("希望", "恳请", "请求", "要求", "督促", "尽快", "尽早",
            "早日", "及时", "整改", "查处", "彻查", "解决", "拆除", "处理", "落实", "重视", "关注");

    private static final List<String> QUESTIONS = List.of("请问", "咨询", "想问", "问一下", "想了解", "是否", "能否",
            "可否", "何时", "什么时候", "怎么办", "如何", "怎样", "吗？", "吗?", "多少");

    private static final List<String> THANKS = List.of("感谢", "谢谢", "表扬", "点赞", "致谢", "锦旗", "辛苦了",
            "赞扬", "称赞", "好评", "感激");

    /** What the layer found in a text; the lists name the matched cues, so a decision can be explained. */
    record Reading(List<String> addressedTo, boolean review, List<String> problems, List<String> requests,
                   List<String> questions, List<String> suggestions, List<String> thanks) {

        boolean addressedToGovernment() {
            return !addressedTo.isEmpty() && !review;
        }

        double complaintEvidence() {
            return problems.isEmpty() ? 0 : problems.size() + 0.5 * Math.min(2, requests.size());
        }

        @Override
        public String toString() {
            if (!addressedToGovernment()) {
                return review ? "review vocabulary: domain layer off" : "not addressed to government: domain layer off";
            }
            return "addressed " + addressedTo + "; problems " + problems + "; requests " + requests + "; questions "
                    + questions + "; suggestions " + suggestions + "; thanks " + thanks;
        }

        /** The classifier's score as this layer changes it (unchanged for texts not addressed to government). */
        double adjust(double classifierScore) {
            if (!addressedToGovernment()) {
                return classifierScore;
            }
            double evidence = complaintEvidence();
            if (evidence >= COMPLAINT_EVIDENCE) {
                return Math.min(classifierScore, -(0.4 + 0.1 * Math.min(evidence, 6)));
            }
            if (!thanks.isEmpty() && problems.isEmpty()) {
                return Math.max(classifierScore, 0.5);
            }
            if (!questions.isEmpty() || (problems.isEmpty() && (!suggestions.isEmpty() || !requests.isEmpty()))) {
                return classifierScore / 4;
            }
            return classifierScore;
        }
    }

    private GovernmentMessageCues() {
    }

    static Reading read(String text) {
        String t = text == null ? "" : text;
        boolean review = !found(REVIEW, t).isEmpty();
        return new Reading(found(ADDRESSED, t), review, found(PROBLEMS, t), found(REQUESTS, t), found(QUESTIONS, t),
                found(SUGGESTIONS, t), found(THANKS, t));
    }

    private static List<String> found(List<String> cues, String text) {
        List<String> found = new ArrayList<>();
        for (String cue : cues) {
            if (text.contains(cue)) {
                found.add(cue);
            }
        }
        return List.copyOf(found);
    }
}
