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

    @Test
    void aNegationReachesOverTheListItStandsBefore() {
        assertThat(find("我不是低保户、特困户、残疾户，只是想咨询补助政策。").groups()).isEmpty();
    }

    @Test
    void aCueInsideADocumentsNameIsAPolicyNotAPerson() {
        assertThat(find("根据《关于做好生活困难补助发放工作的通知》，请问补助何时发放？补助标准是多少？").groupLabels())
                .doesNotContain("低保/困难家庭");
    }

    @Test
    void thePartyReportedIsNotTheWritersGroupButTheWrongedAre() {
        assertThat(LifeSituationCues.find("举报市场个体户占道经营", 10).groupLabels()).isEmpty();
        assertThat(find("街边无证商户占道，小区门口的商户也乱搭乱建。").groupLabels()).isEmpty();
        assertThat(LifeSituationCues.find("举报某公司拖欠农民工工资", 12).groupLabels()).containsExactly("农民工");
    }

    @Test
    void aFearIsNotAFact() {
        assertThat(find("我在工地摔断了腿，极有可能终身残疾。").groupLabels()).isEmpty();
    }

    @Test
    void anAgeThatIsARulesLimitOrAGuessedRangeIsNoOnesAge() {
        assertThat(find("公开遴选的年龄已放宽到40周岁以下。").stageLabels()).isEmpty();
        assertThat(find("做满服务时长，65岁时可免费入住。").stageLabels()).isEmpty();
        assertThat(find("欠钱的人年纪都不大（三四十岁），就是不还。").stageLabels()).isEmpty();
    }

    @Test
    void theRetirementAgeIsARulesLimitUnlessTheWriterGivesItAsTheirOwn() {
        assertThat(find("国家政策规定男职工60岁退休，单位却让我们提前离岗。").stageLabels()).isEmpty();
        assertThat(find("高级政工师是否符合延长60岁退休的政策？").stageLabels()).isEmpty();
        assertThat(find("本人今年60岁退休，副处级待遇一直没有落实。").stageLabels()).containsExactly("老年");
    }

    @Test
    void spacesBetweenWordsDoNotHideTheWordsAroundACue() {
        assertThat(find("医疗保险 缴到 六十岁 为止 中间 不能 中断").stageLabels()).isEmpty();
        assertThat(find("参保 后 男满 60 周岁 女年满 55 周岁 办理 退休 手续").stageLabels()).isEmpty();
        assertThat(find("公司 50 60 岁 的 职工 单位 改制 后 无人 管").stageLabels()).isEmpty();
        assertThat(find("我 今年 66 岁 ， 养老金 一直 没有 发放").stageLabels()).containsExactly("老年");
    }

    @Test
    void anAgeLimitThatNamesTheOldOrAnAverageAgeStillCounts() {
        assertThat(find("请问60岁以上的老人还要交医保吗？").stageLabels()).containsExactly("老年");
        assertThat(find("这栋楼的住户平均年龄达到60岁以上，没有电梯。").groupLabels()).containsExactly("老年人");
    }

    @Test
    void thingsNamedAfterPeopleAreNotThosePeople() {
        assertThat(find("人行道太窄，推婴儿车没法走，推婴儿车只能走机动车道。").groups()).isEmpty();
        assertThat(find("路灯失明半年了，路灯失明无人管。").groups()).isEmpty();
        assertThat(find("电动老年代步车为何不能上牌？老年代步车很多。").groups()).isEmpty();
        assertThat(find("我有二十四个月的居住证明，能否购房？").groups()).isEmpty();
        assertThat(find("楼下饭店主营烧烤，我家里油烟很大。").groups()).isEmpty();
    }

    @Test
    void aWeakCueCountsForTheWriterOrAsTheLettersSubjectNotTwiceInPassing() {
        assertThat(find("路修好了，但没考虑居民和商户停车，商户门口也没有车位。").groups()).isEmpty();
        assertThat(find("我们商户的门面被封了三个月。").groupLabels()).containsExactly("个体工商户");
        assertThat(find("学校收费，学生家长不满，学生被要求补课，学生很累。").groupLabels()).containsExactly("学生");
    }

    @Test
    void retiredStaffAsACategoryOfOfficesIsNotTheWritersOwnAge() {
        assertThat(find("材料转到了离退休人员管理服务中心，离退休人员管理服务中心也不管。").groups()).isEmpty();
        assertThat(find("本人是离退休干部，医药费报销难。").groupLabels()).containsExactly("老年人");
    }

    @Test
    void aGenerationBesideTheWritersChildIsTheParentNotTheNeed() {
        assertThat(find("作为一名80后，孩子马上要上幼儿园了，想咨询入园政策。").stageLabels()).doesNotContain("青年");
        assertThat(find("我是一个80后，毕业后一直在这里工作，想买首套房。").stageLabels()).containsExactly("青年");
    }

    @Test
    void aBabyJustBornIsTheMothersMatterNotTheBabysStage() {
        LifeSituationCues.Found found = find("我在外地医院分娩一个宝宝，回来申请生育保险报销被拒。");

        assertThat(found.groupLabels()).containsExactly("妇女儿童");
        assertThat(found.stageLabels()).isEmpty();
        assertThat(find("我家几个月的宝宝夜里总被噪音吵醒。").stageLabels()).containsExactly("婴幼儿");
    }

    @Test
    void aPupilMetInPassingIsNoEvidenceUnlessSchoolingIsTheMatter() {
        LifeSituationCues.Found found = find("楼上开了麻将馆，我家小孩正读小学，每晚被吵得睡不着。");

        assertThat(found.stageLabels()).isEmpty();
        assertThat(found.groupLabels()).isEmpty();
        assertThat(find("我家小孩正读小学，想转学到离家近的学校。").groupLabels()).containsExactly("学生");
    }

    @Test
    void aCueInAListOfKindsOfPeopleCountsOnlyAsAWeakOne() {
        assertThat(find("这样做侵害了住户、经营户和单位的权益，经营户、住户都不满。").groups()).isEmpty();
    }

    @Test
    void anOldParentGivenAsTheReasonForTheWritersOwnAskIsTheWritersNeed() {
        assertThat(find("现因父母年事已高，想将户口迁回老家。").groups()).isEmpty();
        assertThat(find("我父亲现年86岁，需要人照顾，户口能否不迁出？").groups()).isEmpty();
        assertThat(find("我父母年迈多病，看病报销难。").groupLabels()).containsExactly("老年人");
    }

    @Test
    void inARealNameReportTheWritersAgeIdentifiesThem() {
        assertThat(find("我叫某某，现年46岁，实名举报邻居违建。").stageLabels()).isEmpty();
    }

    @Test
    void theFirmAsALandmarkIsWhereTheWriterWorksNotTheFirmsNeed() {
        assertThat(find("新开的公交线路在我公司边上有一个站。").groups()).isEmpty();
        assertThat(find("我公司被拖欠货款两年。").groupLabels()).containsExactly("企业");
    }

    @Test
    void graduatesPoliciesAndSchoolLeaversAreNotMistakenForStudentsOrYoungAdults() {
        LifeSituationCues.Found talent = find("作为一名大学生人才，想咨询购房补贴。");
        assertThat(talent.groupLabels()).doesNotContain("学生");
        assertThat(talent.stageLabels()).containsExactly("青年");
        assertThat(find("我是一名刚毕业的初中生，想了解录取分数线。").stageLabels()).doesNotContain("青年");
    }

    @Test
    void theEvidenceShownIsTheOneThatMadeTheLabel() {
        LifeSituationCues.Found found = find("附近的商户都有意见，我作为商户也深受其害。");

        assertThat(found.groups()).containsExactly(new DemandProfile.Evidence("个体工商户", "商户", 13));
    }

    @Test
    void aHeadCountDescribesAPopulationNotThePeopleConcerned() {
        assertThat(find("学院有一万多学生，周边却没有商圈，一万多学生吃饭难。").groups()).isEmpty();
        assertThat(find("工地噪音会对广大学生带来影响，广大学生无法休息。").groups()).isEmpty();
    }

    @Test
    void aChildEnteringKindergartenIsAChildButNoPupil() {
        LifeSituationCues.Found kindergarten = find("我家孩子入学的事：小区配套幼儿园不招本小区的孩子，孩子上学无门。");
        assertThat(kindergarten.groupLabels()).doesNotContain("学生");
        LifeSituationCues.Found primary = find("我家孩子入学的事：小区对口小学不招本小区的孩子，孩子上学无门。");
        assertThat(primary.groupLabels()).contains("学生");
    }

    @Test
    void aPensionAfterRetirementIsTheFutureOfPeopleStillAtWork() {
        assertThat(find("我们是在职职工，担心退休后养老金太低。").groupLabels()).doesNotContain("老年人");
        assertThat(find("我退休后一直住在这里，养老金被停发。").groupLabels()).contains("老年人");
    }

    @Test
    void aGroupUsedAsAYardstickIsNoEvidence() {
        assertThat(find("工资低于低保标准，怎么生活？").groupLabels()).doesNotContain("低保/困难家庭");
        assertThat(find("我们不想像父辈那代农民工一样漂泊，希望公积金贷款放宽。").groupLabels()).doesNotContain("农民工");
        assertThat(find("我家是低保户，今年低保被取消了。").groupLabels()).contains("低保/困难家庭");
    }

    @Test
    void aFirstYearOfSeniorHighIsNoPrimaryGrade() {
        LifeSituationCues.Found found = find("我是高一年级学生，学校强制补课收费，请教育局查处。");
        assertThat(found.stageLabels()).doesNotContain("儿童");
    }
    @Test
    void oldFamilyNamedAsTheWritersDependantsIsTheWritersBurdenNotTheEldersNeed() {
        assertThat(find("工资拖欠半年，家里的老人和孩子都企盼我们回家过年。").stageLabels()).doesNotContain("老年");
        assertThat(find("经费只够发到七月，孩子学费怎么办？家中老人怎么办？").stageLabels()).doesNotContain("老年");
        assertThat(find("请给我们一个摊位，为了家中的老人和孩子。").groupLabels()).doesNotContain("老年人");
        // elders at home harmed by the matter itself are still the people concerned
        assertThat(find("工地夜间施工，家里的老人每晚都靠安眠药入睡。").stageLabels()).containsExactly("老年");
    }

    @Test
    void theAgeOfSomeoneWhoDiedIsNoLifeStageOfThePeopleConcerned() {
        assertThat(find("消防通道被堵，父亲错过抢救，终年54岁。").stageLabels()).isEmpty();
        assertThat(find("我父亲今年54岁，晚上外出时被车撞倒当场死亡，抚恤金至今未发。").stageLabels()).isEmpty();
        assertThat(find("我今年54岁，下岗多年找不到工作。").stageLabels()).containsExactly("中年");
    }

    @Test
    void someoneElsesOldParentIsNotTheWritersOwnPeople() {
        assertThat(find("户主的父亲是退休人员，却分到了廉租房，我的申请被退回。").stageLabels()).doesNotContain("老年");
        assertThat(find("我父亲退休后看病报销难。").stageLabels()).containsExactly("老年");
    }

    @Test
    void aParentsRetirementTheWriterSteppedIntoIsTheWritersJobHistory() {
        assertThat(find("1989年父亲退休替补进厂，后来企业改制失业，社保怎么办？").stageLabels()).isEmpty();
    }

    @Test
    void anOldParentInAListDescribesPeopleInGeneral() {
        assertThat(find("有些人离婚或丧偶，儿女尚小、父母又年老体弱，生活困难。").stageLabels()).doesNotContain("老年");
    }

    @Test
    void aBabyInAStillbirthIsTheMothersMatterNotAnInfantsNeed() {
        LifeSituationCues.Found found = find("我孕38周时宝宝没怎么动，次日胎死腹中，医院置之不理。");
        assertThat(found.stageLabels()).doesNotContain("婴幼儿");
        assertThat(find("我家宝宝出生三个月了，医保怎么办理？").stageLabels()).containsExactly("婴幼儿");
    }
}
