package org.minyi.analysis.classify;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.minyi.MinYiSettings;
import org.minyi.MinYiStack;
import org.minyi.analysis.Analysis;
import org.minyi.analysis.AnalysisPipeline;
import org.minyi.analysis.Sentiment;

/**
 * The models shipped under {@code models/}, through the service's own pipeline (encoder on, as by default), on the
 * letters the out-of-domain issue quoted as answered wrongly by the n-gram models. Written by us, not taken from
 * any evaluation set.
 */
class ShippedModelsTest {

    private static AnalysisPipeline pipeline;

    @BeforeAll
    static void load() {
        pipeline = MinYiStack.pipeline(MinYiSettings.from(key -> null));
    }

    @Test
    void thanksIsPositiveAndRaisesNoNegativeAlert() {
        Analysis thanks = pipeline.analyze(null, "感谢A3区城管局及时处理小区门口的占道经营问题，现在道路通畅多了，非常感谢！");
        assertEquals(Sentiment.POSITIVE, thanks.sentiment(), "score " + thanks.sentimentScore());
    }

    /** The letters the distilled student is held to ({@code DistilledModelsTest}), through the teacher. */
    @Test
    void lettersOfThanksArePositiveAndComplaintsClosingWithThanksAreNot() {
        for (String text : List.of(
                "非常感谢社区工作人员的耐心帮助，帮我们老人办好了医保手续，服务态度特别好，谢谢你们！",
                "感谢交警大队的民警同志，雨天在路口指挥交通，辛苦了，为你们点赞！",
                "衷心感谢市人民医院的医生护士，对我母亲照顾得非常周到，我们全家都很感激。")) {
            Analysis a = pipeline.analyze(null, text);
            assertEquals(Sentiment.POSITIVE, a.sentiment(), text + " score " + a.sentimentScore());
        }
        for (String text : List.of(
                "小区楼下烧烤店油烟噪音扰民严重，多次投诉无人处理，希望尽快处理，谢谢",
                "我们单位拖欠工资已经半年了，请劳动部门帮忙追讨，谢谢！",
                "感谢领导百忙之中阅读此信。我家门口的道路坑洼不平，下雨积水无法出行，希望尽快维修。",
                "请问公积金提取需要哪些材料？谢谢")) {
            Analysis a = pipeline.analyze(null, text);
            assertNotEquals(Sentiment.POSITIVE, a.sentiment(), text + " score " + a.sentimentScore());
        }
    }

    @Test
    void aTerseOrPoliteComplaintIsNegative() {
        assertEquals(Sentiment.NEGATIVE, pipeline.analyze(null, "物业供暖不达标 还不退钱").sentiment());
        assertEquals(Sentiment.NEGATIVE,
                pipeline.analyze(null, "小区路灯坏了三个月，晚上一片漆黑，老人摔倒好几次，希望尽快修复").sentiment());
    }

    @Test
    void aPlainQuestionIsNeutral() {
        assertEquals(Sentiment.NEUTRAL, pipeline.analyze(null, "请问新生儿医保怎么办理？需要带哪些材料？").sentiment());
    }

    @Test
    void roadsBetweenVillagesAreTransport() {
        assertEquals("交通运输", pipeline.analyze("通村公路损坏严重",
                "我村通往镇上的村道坑洼不平，桥梁也有裂缝，下雨天无法通行，请求交通部门尽快维修。").topic());
    }
}
