package org.minyi.analysis.classify;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class GovernmentMessageCuesTest {

    private static final String POLITE_COMPLAINT = "尊敬的领导您好！我们小区楼下的烧烤店每天营业到凌晨两点，噪音扰民，"
            + "希望相关部门尽快处理，谢谢！";
    private static final String THANKS = "感谢街道工作人员上门帮我们办好了社保，服务热情周到，为你们点赞！";
    private static final String QUESTION = "请问在本市办理居住证需要哪些材料？社区可以代办吗？";
    private static final String HOTEL_REVIEW = "酒店前台服务很好，房间干净，就是隔音差，晚上有噪音，希望改进。";

    @Test
    void aPoliteComplaintIsNegativeEvenWhenTheClassifierReadsItAsPraise() {
        GovernmentMessageCues.Reading reading = GovernmentMessageCues.read(POLITE_COMPLAINT);

        assertThat(reading.problems()).contains("噪音", "扰民");
        assertThat(reading.complaintEvidence()).isGreaterThanOrEqualTo(GovernmentMessageCues.COMPLAINT_EVIDENCE);
        assertThat(reading.adjust(0.8)).isLessThanOrEqualTo(-0.4);
    }

    @Test
    void aComplaintTheClassifierAlreadyFindsVeryNegativeKeepsItsScore() {
        assertThat(GovernmentMessageCues.read(POLITE_COMPLAINT).adjust(-0.95)).isEqualTo(-0.95);
    }

    @Test
    void thanksWithoutAProblemArePositive() {
        assertThat(GovernmentMessageCues.read(THANKS).adjust(-0.6)).isGreaterThanOrEqualTo(0.5);
    }

    @Test
    void aPureQuestionIsShrunkIntoTheNeutralBand() {
        GovernmentMessageCues.Reading reading = GovernmentMessageCues.read(QUESTION);

        assertThat(reading.problems()).isEmpty();
        assertThat(Math.abs(reading.adjust(-0.9))).isLessThan(0.3);
        assertThat(Math.abs(reading.adjust(0.9))).isLessThan(0.3);
    }

    @Test
    void hotelReviewsPassThroughUnchangedThoughTheyMentionNoise() {
        GovernmentMessageCues.Reading reading = GovernmentMessageCues.read(HOTEL_REVIEW);

        assertThat(reading.addressedToGovernment()).isFalse();
        assertThat(reading.adjust(0.7)).isEqualTo(0.7);
    }

    @Test
    void theExplanationNamesTheCuesThatDecided() {
        assertThat(GovernmentMessageCues.read(POLITE_COMPLAINT).toString()).contains("扰民").contains("希望");
        assertThat(GovernmentMessageCues.read(HOTEL_REVIEW).toString()).contains("domain layer off");
    }

    @Test
    void noHotelReviewHasItsSignChangedSoTheHotelAccuracyIsTheClassifiers() {
        List<LabelledText> reviews = LabelledCsv.read(SharedData.require(SharedData.HOTEL), LabelledCsv.Columns.GUESS);
        for (LabelledText review : reviews) {
            GovernmentMessageCues.Reading reading = GovernmentMessageCues.read(review.text());
            assertThat(reading.adjust(0.5)).as(review.text()).isPositive();
            assertThat(reading.adjust(-0.5)).as(review.text()).isNegative();
        }
    }
}
