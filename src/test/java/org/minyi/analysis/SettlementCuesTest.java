package org.minyi.analysis;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

/** Urban or rural from places and cue words. */
class SettlementCuesTest {

    @Test
    void aVillageRoadIsRural() {
        assertThat(SettlementCues.of("我们村的村道坑坑洼洼，村民出行困难。", List.of())).isEqualTo(DemandProfile.RURAL);
    }

    @Test
    void aHousingEstateWithItsPropertyManagerIsUrban() {
        assertThat(SettlementCues.of("小区物业不作为，业主投诉无门。", List.of())).isEqualTo(DemandProfile.URBAN);
    }

    @Test
    void placesCountTwiceAgainstCueWords() {
        assertThat(SettlementCues.of("门口的路灯坏了，物业说不归他们管。", List.of("白沙镇", "柳林村")))
                .isEqualTo(DemandProfile.RURAL);
    }

    @Test
    void wordsThatOnlyLookRuralAreNoCues() {
        assertThat(SettlementCues.of("城乡统筹，家乡的老乡都关心。", List.of())).isNull();
    }

    @Test
    void aTieOrNothingSaysNeither() {
        assertThat(SettlementCues.of("路灯坏了。", List.of())).isNull();
        assertThat(SettlementCues.of("村里和小区都缺路灯。", List.of())).isNull();
    }

    @Test
    void cityBusesTheMetroAndTrafficLightsAreUrban() {
        assertThat(SettlementCues.of("128路公交车次太少，每趟要等二十分钟。", List.of())).isEqualTo(DemandProfile.URBAN);
        assertThat(SettlementCues.of("请问地铁四号线何时试运营？", List.of())).isEqualTo(DemandProfile.URBAN);
        assertThat(SettlementCues.of("泉水路口的红绿灯时间太短。", List.of())).isEqualTo(DemandProfile.URBAN);
    }

    @Test
    void aCrossingOrStretchOfANamedRoadIsUrbanButAVillageRoadIsNot() {
        assertThat(SettlementCues.of("三一大道与车站北路交汇处经常堵车。", List.of())).isEqualTo(DemandProfile.URBAN);
        assertThat(SettlementCues.of("迎新路段违停严重。", List.of())).isEqualTo(DemandProfile.URBAN);
        assertThat(SettlementCues.of("这条公路口子太窄。", List.of())).isNull();
    }

    @Test
    void ruralCooperativeMedicalInsuranceIsRural() {
        assertThat(SettlementCues.of("新农合大病医疗怎么报销？", List.of())).isEqualTo(DemandProfile.RURAL);
    }

    @Test
    void estatesCalledNewVillageAndWordsThatOnlyContainTownAreNoRuralCues() {
        assertThat(SettlementCues.of("竹园新村住宅楼前开了液化气站。", List.of("竹园新村"))).isEqualTo(DemandProfile.URBAN);
        assertThat(SettlementCues.of("城镇燃气管理条例怎么执行？五天靠镇痛剂度过。", List.of())).isNull();
    }

    @Test
    void aBareStreetIsNoStreetOffice() {
        assertThat(SettlementCues.of("小横垅乡整改街道乱象，占道经营。", List.of())).isEqualTo(DemandProfile.RURAL);
        assertThat(SettlementCues.of("请街道办管一管。", List.of())).isEqualTo(DemandProfile.URBAN);
    }
}
