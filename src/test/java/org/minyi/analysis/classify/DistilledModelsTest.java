package org.minyi.analysis.classify;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;
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
}
