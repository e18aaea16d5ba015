package org.minyi.insight;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.minyi.insight.NamedPlaces.Kind;

/** Which places a message names, and when two messages name different places of one kind. */
class NamedPlacesTest {

    private static NamedPlaces named(String title, String text) {
        return NamedPlaces.of(title, text, List.of());
    }

    @Test
    void nightWorkAtTwoBuildingSitesIsTwoMattersEvenWhenOnlyTheTextNamesTheSite() {
        NamedPlaces chuyifu = named("A4区恒泰楚壹府工地施工扰民", "对面的在建楼盘恒泰楚壹府，每天早上6点开始打桩");
        NamedPlaces tanyue = named("夜间施工扰民", "A市A4区中山路48号阳光城檀悦工地夜间施工扰民，该工地长期通宵施工");

        assertTrue(chuyifu.names(Kind.ESTATE).contains("楚壹府"));
        assertTrue(tanyue.names(Kind.ESTATE).contains("檀悦"));
        assertTrue(chuyifu.differ(tanyue));
        assertTrue(tanyue.differ(chuyifu));
    }

    @Test
    void oneSiteNamedAsEstateProjectOrWorksiteIsOnePlace() {
        NamedPlaces site = named("阳光城檀悦工地夜间施工", "");
        NamedPlaces project = named("投诉檀悦项目通宵施工", "");
        NamedPlaces estate = named("恒泰楚壹府夜间施工", "我们住在水印加州小区");
        NamedPlaces worksite = named("楚壹府工地噪音", "");

        assertFalse(site.differ(project));
        assertFalse(estate.differ(worksite));
    }

    @Test
    void parkingAtTwoEstatesIsTwoMattersAndOneEstateWrittenTwoWaysIsOne() {
        NamedPlaces shenye = named("A7县深业睿城小区f区地下车位是否计入公摊面积？", "深业睿城小区f区地下室属于人防工程");
        NamedPlaces shenyeAgain = named("请问A7县深业睿城f区地下车位建设成本由谁承担？", "");
        NamedPlaces lugu = named("投诉A市麓谷小镇物业违规出售人防车位", "但麓谷小镇物业却违法出售小区内人防车位");

        assertFalse(shenye.differ(shenyeAgain));
        assertTrue(shenye.differ(lugu));
        assertEquals(Set.of("麓谷小镇"), lugu.names(Kind.ESTATE));
    }

    @Test
    void aMessageNamingSeveralEstatesLinksWithOneNamingAnyOfThem() {
        NamedPlaces two = named("北辰中央公园夜间施工扰民", "我是书香路保利花园的居民，近期周边一小区北辰中央公园通宵施工");
        NamedPlaces one = named("保利花园旁工地通宵施工", "");

        assertEquals(Set.of("中央公园", "保利花园"), two.names(Kind.ESTATE));
        assertFalse(two.differ(one));
    }

    @Test
    void wordsThatEndLikeAnEstateNameNoEstate() {
        NamedPlaces words = named("城管不作为，县城政府不管", "附近小区和这个项目、建设项目，我们小区的城市公园，森林公园");

        assertEquals(Set.of(), words.names(Kind.ESTATE));
    }

    @Test
    void twoStationsAreTwoMattersAndStationWordsNameNone() {
        NamedPlaces xingsha = named("A市地铁3号线星沙大道站地铁出入口设置极不合理！", "");
        NamedPlaces songya = named("反映A市地铁3号线松雅西地省站西北方向10万民众安全问题", "");
        NamedPlaces words = named("公交站和加油站、收费站", "请在网站上公布，大家站出来，地铁站旁的垃圾站和搅拌站");

        assertEquals(Set.of("大道站"), xingsha.names(Kind.STATION));
        assertTrue(xingsha.differ(songya));
        assertEquals(Set.of(), words.names(Kind.STATION));
        assertFalse(xingsha.differ(words));
    }

    @Test
    void roadsComeWholeFromTheRecognisedPlacesAndRegionsAreNoRoads() {
        NamedPlaces zhongshan = NamedPlaces.of("A4区大道与中山路路面破损", "", List.of("A4区", "中山路", "A4区大道"));
        NamedPlaces laodong = NamedPlaces.of("劳动东路街道路面破损", "", List.of("劳动东路", "街道"));
        NamedPlaces both = NamedPlaces.of("劳动东路、中山路路面破损", "", List.of("劳动东路", "中山路"));
        NamedPlaces address = NamedPlaces.of("路面破损", "我住在劳动东路", List.of("劳动东路"));

        assertEquals(Set.of("中山路"), zhongshan.names(Kind.ROAD));
        assertEquals(Set.of(), address.names(Kind.ROAD), "a road only the text names is an address, not the matter");
        assertTrue(zhongshan.differ(laodong));
        assertFalse(both.differ(zhongshan));
        assertFalse(both.differ(laodong));
    }

    @Test
    void companiesAreNamedWithoutTheWordsEveryCompanyUses() {
        NamedPlaces jinke = named("投诉长沙金科物业服务有限公司乱收费", "");
        NamedPlaces xinyu = named("先锋新宇物业公司违规收取停车费", "");
        NamedPlaces words = named("物业公司不作为，已向12345平台投诉", "");
        NamedPlaces inText = named("乱收费", "长沙金科物业服务有限公司");

        assertEquals(Set.of("金科"), jinke.names(Kind.COMPANY));
        assertEquals(Set.of("新宇"), xinyu.names(Kind.COMPANY));
        assertTrue(jinke.differ(xinyu));
        assertEquals(Set.of(), words.names(Kind.COMPANY));
        assertEquals(Set.of(), inText.names(Kind.COMPANY), "texts name developer, manager and builder of one matter");
    }

    @Test
    void aPhaseBetweenNameAndSuffixIsPartOfNeither() {
        NamedPlaces phase = named("A市至赣州高铁对绿地海外滩二期小区影响太大了", "");
        NamedPlaces estate = named("A4区绿地海外滩小区距长赣高铁最近只有30米不到", "");

        assertEquals(Set.of("外滩小区"), phase.names(Kind.ESTATE));
        assertFalse(phase.differ(estate));
    }

    @Test
    void placesOfDifferentKindsNeverConflictAndMessagesNamingNothingNeverDiffer() {
        NamedPlaces estate = named("丽发新城小区旁搅拌站噪音", "");
        NamedPlaces road = NamedPlaces.of("搅拌站噪音", "", List.of("枫林路"));
        NamedPlaces nothing = named("搅拌站噪音扰民", "");

        assertFalse(estate.differ(road));
        assertFalse(estate.differ(nothing));
        assertFalse(nothing.differ(road));
    }
}
