package org.minyi.analysis;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** Groups and life stages only with evidence, and the evidence kept. */
class LifeSituationCuesTest {

    private static LifeSituationCues.Found find(String text) {
        return LifeSituationCues.find(text, 0);
    }

    @Test
    void aGroupNamedOutrightIsFoundWithItsWordsAndPlace() {
        LifeSituationCues.Found found = find("本人是残疾人，申请残疾证半年没有下文。");

        assertThat(found.groups()).containsExactly(new DemandProfile.Evidence("残疾人", "残疾", 3));
    }

    @Test
    void aNegationJustBeforeTheCueCancelsIt() {
        assertThat(find("我们不是低保户，也没有残疾，只是想问政策。").groups()).isEmpty();
    }

    @Test
    void aParentIsOldOnlyWithAnAgeOrAWordOfAgeBeside() {
        assertThat(find("我父亲年迈多病，看病报销难。").groupLabels()).containsExactly("老年人");
        assertThat(find("我父亲年迈多病，看病报销难。").stageLabels()).containsExactly("老年");
        assertThat(find("我父亲在工地上班，工资被拖欠。").groupLabels()).doesNotContain("老年人");
    }

    @Test
    void anAgeInYearsPlacesTheWriterInALifeStage() {
        assertThat(find("我今年66岁，养老金一直没有发放。").stageLabels()).containsExactly("老年");
        assertThat(find("我今年45岁，下岗后找不到工作。").stageLabels()).containsExactly("中年");
        assertThat(find("楼高30层。").stageLabels()).isEmpty();
    }

    @Test
    void aPassingMentionOfTheElderlyIsNoEvidenceButTheWritersOwnIs() {
        assertThat(find("路口红绿灯太短，老人过马路很危险。").groupLabels()).isEmpty();
        assertThat(find("家里老人常年卧床，申请护理补贴。").groupLabels()).containsExactly("老年人");
    }

    @Test
    void aMigrantWorkerOwedWagesOnASiteIsBothGroupsEvidenceInOrder() {
        LifeSituationCues.Found found = find("我们外来务工的农民工在工地干了一年，工资被拖欠。");

        assertThat(found.groupLabels()).containsExactly("流动人口/外来务工", "农民工");
        assertThat(found.groups().get(1).cue()).isEqualTo("农民工");
    }

    @Test
    void aPupilIsAStudentAndAChild() {
        LifeSituationCues.Found found = find("我家孩子读小学，学校离家太远。");

        assertThat(found.groupLabels()).contains("学生");
        assertThat(found.stageLabels()).containsExactly("儿童");
    }

    @Test
    void eachLabelIsGivenOnceWithItsFirstEvidence() {
        LifeSituationCues.Found found = find("低保户生活困难，低保金太少。");

        assertThat(found.groups()).hasSize(1);
        assertThat(found.groups().getFirst().start()).isZero();
        assertThat(found.groups().getFirst().cue()).isEqualTo("低保");
    }
}
