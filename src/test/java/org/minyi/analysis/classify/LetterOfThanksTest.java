package org.minyi.analysis.classify;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * A letter is thanks only when thanks or praise is its point (labelling guide A4): letters written by us, not taken
 * from any data set.
 */
class LetterOfThanksTest {

    @Test
    void thanksOrPraiseThatIsThePointIsRead() {
        List<String> thanks = List.of(
                "感谢A3区城管局及时处理小区门口的占道经营问题，现在道路通畅多了，非常感谢！",
                "非常感谢社区工作人员的耐心帮助，帮我们老人办好了医保手续，服务态度特别好，谢谢你们！",
                "感谢交警大队的民警同志，雨天在路口指挥交通，辛苦了，为你们点赞！",
                "衷心感谢市人民医院的医生护士，对我母亲照顾得非常周到，我们全家都很感激。",
                "表扬A5区教育局，新学期开学准备工作做得很好，为你们点赞！");
        for (String text : thanks) {
            assertThat(LetterOfThanks.isThanks(text)).as("%s: %s", text, LetterOfThanks.read(text)).isTrue();
        }
    }

    @Test
    void aComplaintOrQuestionClosingWithThanksIsNot() {
        assertThat(LetterOfThanks.isThanks("小区楼下烧烤店油烟噪音扰民严重，多次投诉无人处理，希望尽快处理，谢谢")).isFalse();
        assertThat(LetterOfThanks.isThanks("我们单位拖欠工资已经半年了，请劳动部门帮忙追讨，谢谢！")).isFalse();
        assertThat(LetterOfThanks.isThanks("请问公积金提取需要哪些材料？谢谢")).isFalse();
    }

    @Test
    void thanksOpeningAComplaintOrFollowedByATurnIsNot() {
        assertThat(LetterOfThanks.isThanks("感谢领导百忙之中阅读此信。我家门口的道路坑洼不平，下雨积水无法出行，希望尽快维修。"))
                .isFalse();
        assertThat(LetterOfThanks.isThanks("感谢城管局上次的处理，但是烧烤摊又回来了，非常感谢！")).isFalse();
    }

    @Test
    void aClosingThanksAloneIsNoEvidence() {
        assertThat(LetterOfThanks.isThanks("小区路灯已经修好了，谢谢")).isFalse();
        assertThat(LetterOfThanks.isThanks(null)).isFalse();
    }

    @Test
    void theReadingNamesWhatItFound() {
        LetterOfThanks.Reading reading = LetterOfThanks.read("感谢交警大队，辛苦了，请尽快处理路口拥堵");

        assertThat(reading.opening()).isTrue();
        assertThat(reading.praise()).contains("辛苦了");
        assertThat(reading.blockers()).contains("请", "尽快");
        assertThat(reading.thanks()).isFalse();
    }
}
