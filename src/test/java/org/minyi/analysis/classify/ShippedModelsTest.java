package org.minyi.analysis.classify;

import static org.junit.jupiter.api.Assertions.assertEquals;

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
