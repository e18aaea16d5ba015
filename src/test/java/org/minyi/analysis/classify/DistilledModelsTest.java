package org.minyi.analysis.classify;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.minyi.MinYiSettings;
import org.minyi.MinYiStack;
import org.minyi.analysis.Analysis;
import org.minyi.analysis.AnalysisPipeline;
import org.minyi.analysis.Sentiment;

/**
 * The shipped n-gram students of the encoder models ({@code minyi.analysis.distilled=true}) through the service's
 * own pipeline with the encoder off: no vector is made, and topic and attitude still come from models that learnt
 * what the encoder models answer. Letters written by us, not taken from any evaluation set.
 */
class DistilledModelsTest {

    private static AnalysisPipeline pipeline;

    @BeforeAll
    static void load() {
        assumeTrue(Files.isRegularFile(Path.of("models/topic", TopicModel.DISTILLED_FILE_NAME)),
                "no distilled students under models/ (minyi train distil --out models)");
        pipeline = MinYiStack.pipeline(MinYiSettings.from(key -> switch (key) {
            case "minyi.encoder.enabled" -> "false";
            case "minyi.analysis.distilled" -> "true";
            default -> null;
        }));
    }

    @Test
    void theEncoderIsOffSoNoVectorIsMade() {
        Analysis analysis = pipeline.analyze("小区路灯坏了", "小区路灯坏了三个月，晚上一片漆黑，希望尽快修复");

        assertThat(analysis.embedding()).isNull();
        assertThat(analysis.topic()).isNotBlank();
    }

    @Test
    void aComplaintIsNegativeAndAPlainQuestionNeutral() {
        assertThat(pipeline.analyze(null, "物业供暖不达标，多次投诉无人处理，还不退钱").sentiment())
                .isEqualTo(Sentiment.NEGATIVE);
        assertThat(pipeline.analyze(null, "请问新生儿医保怎么办理？需要带哪些材料？").sentiment())
                .isEqualTo(Sentiment.NEUTRAL);
    }

    @Test
    void aSchoolQuestionIsEducationAndAWageArrearIsLabour() {
        assertThat(pipeline.analyze("孩子入学", "请问今年小学一年级新生入学报名需要准备哪些材料？学区怎么划分？").topic())
                .isEqualTo("教育文体");
        assertThat(pipeline.analyze("拖欠工资", "我们在工地干了半年，老板一直拖欠农民工工资不发，劳动监察部门能否帮忙追讨？")
                .topic()).isEqualTo("劳动和社会保障");
    }

    /**
     * Letters of thanks or praise are positive, as the teacher answers. The weights do not learn them (8 training
     * letters, no positive teacher answer); the student reads them from the wording ({@link LetterOfThanks}), as
     * chosen by cross-validation (models/sentiment/MODEL_CARD.md).
     */
    @Test
    void thanksAndPraiseArePositive() {
        List<String> thanks = List.of(
                "感谢A3区城管局及时处理小区门口的占道经营问题，现在道路通畅多了，非常感谢！",
                "非常感谢社区工作人员的耐心帮助，帮我们老人办好了医保手续，服务态度特别好，谢谢你们！",
                "感谢交警大队的民警同志，雨天在路口指挥交通，辛苦了，为你们点赞！",
                "衷心感谢市人民医院的医生护士，对我母亲照顾得非常周到，我们全家都很感激。");
        for (String text : thanks) {
            Analysis a = pipeline.analyze(null, text);
            assertThat(a.sentiment()).as("%s (score %.2f)", text, a.sentimentScore()).isEqualTo(Sentiment.POSITIVE);
        }
    }

    /** The three letters of the out-of-domain issue. */
    @Test
    void theIssuesThanksIsPositiveAndItsComplaintsNegative() {
        assertThat(pipeline.analyze(null, "感谢A3区城管局及时处理小区门口的占道经营问题，现在道路通畅多了，非常感谢！").sentiment())
                .isEqualTo(Sentiment.POSITIVE);
        assertThat(pipeline.analyze(null, "物业供暖不达标 还不退钱").sentiment()).isEqualTo(Sentiment.NEGATIVE);
        assertThat(pipeline.analyze(null, "小区路灯坏了三个月，晚上一片漆黑，老人摔倒好几次，希望尽快修复").sentiment())
                .isEqualTo(Sentiment.NEGATIVE);
    }

    /** Complaints and requests that merely close with 谢谢 or open with 感谢 are not positive: the alert must stay. */
    @Test
    void aPoliteComplaintOrQuestionIsNotPositive() {
        List<String> politeComplaints = List.of(
                "小区楼下烧烤店油烟噪音扰民严重，多次投诉无人处理，希望尽快处理，谢谢",
                "我们单位拖欠工资已经半年了，请劳动部门帮忙追讨，谢谢！",
                "感谢领导百忙之中阅读此信。我家门口的道路坑洼不平，下雨积水无法出行，希望尽快维修。",
                "请问公积金提取需要哪些材料？谢谢");
        for (String text : politeComplaints) {
            Analysis a = pipeline.analyze(null, text);
            assertThat(a.sentiment()).as("%s (score %.2f)", text, a.sentimentScore()).isNotEqualTo(Sentiment.POSITIVE);
        }
    }
}
