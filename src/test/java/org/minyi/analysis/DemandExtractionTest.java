package org.minyi.analysis;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.minyi.message.Message;

class DemandExtractionTest {

    private final AnalysisPipeline pipeline = Pipelines.shared();

    private Analysis analyze(String text) {
        return pipeline.analyze(null, text);
    }

    @Test
    void specificRequestBeatsCourtesyRequest() {
        Analysis a = analyze("楼下烧烤店噪音扰民到凌晨两点。请城管部门取缔占道经营的烧烤摊。希望相关部门尽快处理，盼回复！");
        assertEquals("请城管部门取缔占道经营的烧烤摊", a.demand());
        assertTrue(a.demandKey().contains("取缔"), a.demandKey());
    }

    @Test
    void laterRequestOfSameStrengthWins() {
        assertEquals("希望加装监控摄像头", analyze("小区路灯坏了。希望修好路灯。小区经常失窃，希望加装监控摄像头。").demand());
    }

    @Test
    void demandRunsFromItsClauseToTheEndOfTheSentence() {
        Analysis a = analyze("道路命名规划已经公示，希望能加快完成路名规范，给道路安装好路名牌。门牌十年未换。");
        assertEquals("希望能加快完成路名规范，给道路安装好路名牌", a.demand());
    }

    @Test
    void wordsThatMerelyContainQingAreNoTrigger() {
        assertNull(analyze("我去年申请了廉租房，邀请了朋友帮忙，还请假去办了手续，至今没有消息。").demand());
    }

    @Test
    void citedRuleIsNoDemand() {
        assertNull(analyze("按照国家要求，小区配备了消防设施。符合要求的住户已经入住。").demand());
    }

    @Test
    void aRequestNamedAsANounAsksNothingOfItsOwn() {
        // guide §8 P19: 提出这个请求 names the request; what follows it here is what is not asked
        Analysis a = analyze("我们向书记提出这个请求，不是要求对以往的工资进行补发，过去的事情就算了。");
        assertNull(a.demandKey(), a.demand());
        assertEquals("补发工资", analyze("我们提出请求，要求对拖欠的工资进行补发。").demandKey());
    }

    @Test
    void aBareBanzhengNamesNoCertificate() {
        // guide §8 P19: 办证 is a residence permit, a licence or a property certificate alike
        assertNull(analyze("现在办理居住证要上门核查，希望领导优化办证流程，高效办事。").demandKey());
        assertNull(analyze("请求政府协调优先办证。").demandKey());
        assertEquals("办理房产证", analyze("请求政府协调开发商尽快办理房产证。").demandKey());
    }

    @Test
    void someoneElsesAdviceIsNoDemandOfTheCitizen() {
        assertEquals("请公司支付医疗费", analyze("医生建议我去上级医院检查。请公司支付医疗费。").demand());
    }

    @Test
    void pureQuestionIsAWeakDemandThatAnyExplicitRequestOutranks() {
        assertEquals("请问公积金贷款需要什么材料", analyze("请问公积金贷款需要什么材料？").demand());
        assertEquals("希望尽快修复路灯", analyze("请问路灯为什么还没修好？希望尽快修复路灯。").demand());
    }

    @Test
    void courtesyOnlyDemandHasNoKey() {
        Analysis a = analyze("路灯已经坏了三个月。盼回复！");
        assertEquals("盼回复", a.demand());
        assertNull(a.demandKey());
    }

    @Test
    void noTriggerNoDemand() {
        Analysis a = analyze("小区门口的垃圾已经三天没人清运了，臭气熏天。");
        assertNull(a.demand());
        assertNull(a.demandKey());
    }

    @Test
    void titleRequestIsUsedWhenTheTextAsksForNothingSpecific() {
        Analysis a = pipeline.analyze("请求开放体育馆卫生间", "体育馆卫生间一直锁着，市民很不方便。望领导重视。");
        assertEquals("请求开放体育馆卫生间", a.demand());
        assertTrue(a.demandKey().startsWith("开放"), a.demandKey());
    }

    @Test
    void alikeDemandsInDifferentPlacesShareTheirKey() {
        Analysis a = analyze("希望尽快修复A3区联丰路的路灯。");
        Analysis b = analyze("恳请相关部门尽快修复A5区联丰路的路灯！");
        assertNotNull(a.demandKey());
        assertEquals(a.demandKey(), b.demandKey());
        assertFalse(a.demandKey().contains("尽快") || a.demandKey().contains("A3区"), a.demandKey());
    }

    @Test
    void theKeyIsAnActionPhraseThatDifferentWordingsOfOneAskShare() {
        assertEquals("修复路灯", analyze("小区路灯坏了一个月，希望尽快修好路灯。").demandKey());
        assertEquals("修复路灯", analyze("路灯不亮，请尽快维修路灯。").demandKey());
        assertEquals("修复路灯", analyze("门口的路灯坏了，希望路灯尽快修理。").demandKey());
        assertEquals("退还物业费", analyze("强烈要求开发商立即退还多收的物业费。").demandKey());
        assertEquals("补发工资", analyze("要求公司补发拖欠的工资。").demandKey());
        assertEquals("增开公交线路", analyze("建议增开公交线路到高铁站。").demandKey());
        assertEquals("查处夜间施工", analyze("工地夜间施工噪音扰民，希望相关部门严查夜间施工。").demandKey());
        // 安置 (resettle) is not 安装 (install), 增设 (set up) not 增开 (run more)
        assertEquals("安置失地农民", analyze("恳请政府妥善安置失地农民。").demandKey());
        assertEquals("增设隔音屏障", analyze("建议增设隔音屏障。").demandKey());
    }

    @Test
    void courtesyAloneIsNoAction() {
        assertNull(analyze("请领导重视，尽快解决问题。").demandKey());
        assertNull(analyze("恳请领导帮帮我们。").demandKey());
    }

    @Test
    void keyHasAtMostFourWordsAndNoSpaces() {
        Analysis a = analyze("强烈要求开发商立即退还多收的物业费、停车费、装修押金和电梯维修基金。");
        assertNotNull(a.demandKey());
        assertFalse(a.demandKey().contains(" "));
        List<String> keyWords = pipeline.segmenter().words(a.demandKey());
        assertTrue(keyWords.size() <= 6, "key re-segments into few words: " + keyWords);
    }

    @Test
    void demandNeverCarriesUnmaskedPersonalData() {
        Analysis a = analyze("厨房漏水严重。请物业联系我13812345678尽快维修。");
        assertEquals("请物业联系我【手机号】尽快维修", a.demand());
    }

    @Test
    void realMessagesWithAnExplicitRequest() {
        List<Message> messages = RealMessages.labeled();
        // 154061 ends "求盼尽快下放。"; 277090 asks in its title only ("请加强…监管力度").
        assertTrue(pipeline.analyze(RealMessages.byId(messages, "154061")).demand().contains("下放"));
        Analysis titleOnly = pipeline.analyze(RealMessages.byId(messages, "277090"));
        assertTrue(titleOnly.demand().contains("收费监管"), titleOnly.demand());
        // 23419 asks "…打击黑社会势力" and last "我请求依法保护我们的人身安全…": 保护 names no act to take, so the
        // specific request is the demand
        assertTrue(pipeline.analyze(RealMessages.byId(messages, "23419")).demand().contains("打击黑社会势力"));
    }

    @Test
    void everyRealDemandIsAPieceOfItsOwnMessage() {
        int withDemand = 0;
        int withKey = 0;
        List<Message> messages = RealMessages.labeled();
        for (Message m : messages) {
            Analysis a = pipeline.analyze(m);
            if (a.demand() != null) {
                withDemand++;
                boolean inText = a.maskedText().contains(a.demand())
                        || a.maskedTitle() != null && a.maskedTitle().contains(a.demand());
                assertTrue(inText, m.id() + ": demand not found in its message: " + a.demand());
                assertTrue(a.demand().length() <= DemandExtractor.MAX_DEMAND_CHARS + 1, m.id() + ": " + a.demand());
            }
            if (a.demandKey() != null) {
                withKey++;
                assertFalse(a.demandKey().isBlank());
            }
        }
        System.out.printf("demand found in %d of %d real messages, a specific key in %d%n",
                withDemand, messages.size(), withKey);
    }
}
