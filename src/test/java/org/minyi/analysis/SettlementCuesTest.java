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
}
