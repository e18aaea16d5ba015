package org.minyi.analysis;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.minyi.message.Message;

class PlacesAndDepartmentsTest {

    private final AnalysisPipeline pipeline = Pipelines.shared();

    @Test
    void anonymisedPlacesComeOutWholeInEveryRealMessage() {
        Pattern anonymised = Pattern.compile("(?<![A-Za-z0-9])[A-Z]\\d{0,2}[市区县]");
        for (Message m : RealMessages.labeled()) {
            Analysis a = pipeline.analyze(m);
            Matcher place = anonymised.matcher(a.maskedText());
            while (place.find()) {
                assertTrue(a.tokens().contains(place.group()), m.id() + ": " + place.group() + " not a token");
                assertTrue(a.places().contains(place.group()), m.id() + ": " + place.group() + " not a place");
            }
        }
    }

    @Test
    void regionIsTheMostSpecificPlaceOfTheMessage() {
        // 188006: "座落在A市A3区联丰路…" — the district, not the city.
        Analysis a = pipeline.analyze(RealMessages.byId(RealMessages.withVotes(), "188006"));
        assertEquals("A3区", a.region());
        assertTrue(a.places().containsAll(List.of("A3区", "A市")), a.places().toString());
        assertTrue(a.departments().containsAll(List.of("税务局", "工商局")), a.departments().toString());
    }

    @Test
    void aSubDistrictTheSegmenterCutsIsNamedWhole() {
        // HanLP cuts 暮云街道 into 暮 + 云街道; a hotspot labelled "云街道" names no place anyone knows.
        Analysis a = pipeline.analyze(new Message("t", "test", null, "丽发新城小区附近的搅拌站噪音严重扰民",
                "我是暮云街道丽发新城小区的业主，投诉小区附近建的搅拌站。", null, null, null, null, null, null));
        assertTrue(a.places().contains("暮云街道"), a.places().toString());
        assertFalse(a.places().contains("云街道"), a.places().toString());
    }

    @Test
    void districtInsideTheTitleCityIsTheRegion() {
        // 139113: title "请I市政府…", text "I市I1区茈湖口镇…": I1区 lies in I市.
        assertEquals("I1区", pipeline.analyze(RealMessages.byId(RealMessages.labeled(), "139113")).region());
    }

    @Test
    void countyOutsideTheTitleCityDoesNotTakeTheRegion() {
        // 117555: title "C市人社局拒不纠错"; the writer's home county M2县 belongs to another city.
        Analysis a = pipeline.analyze(RealMessages.byId(RealMessages.labeled(), "117555"));
        assertEquals("C市", a.region());
        assertTrue(a.places().contains("M2县"));
        assertTrue(a.departments().contains("人社局"));
    }

    @Test
    void departmentNamedWithItsCityIsCountedWithoutIt() {
        // 303508: "E12市卫计局重复征收社会抚养费" — HanLP alone tags 卫计局 as a person name.
        Analysis a = pipeline.analyze(RealMessages.byId(RealMessages.labeled(), "303508"));
        assertEquals("E12市", a.region());
        assertTrue(a.departments().contains("卫计局"), a.departments().toString());
    }

    @Test
    void splitDepartmentNamesAreMerged() {
        Analysis a = pipeline.analyze(null, "长沙市住房和城乡建设局对我们的投诉一直不作为，12345热线也没有回音。");
        assertTrue(a.departments().containsAll(List.of("住房和城乡建设局", "12345热线")), a.departments().toString());
        assertTrue(a.tokens().contains("住房和城乡建设局"), a.tokens().toString());
        assertEquals("长沙市", a.region());
    }

    @Test
    void shangluoDistrictsAreKnown() {
        Analysis a = pipeline.analyze("路灯不亮", "商洛市商州区北新街的路灯一个月没亮了，请商州区城管局尽快维修。");
        assertEquals("商州区", a.region());
        assertTrue(a.places().containsAll(List.of("商洛市", "商州区")), a.places().toString());
        assertTrue(a.departments().contains("城管局"), a.departments().toString());
    }

    @Test
    void bareGovernmentOnlyCountsWithItsPlace() {
        Analysis a = pipeline.analyze(null, "A市人民政府应当重视此事，希望政府给予关怀。");
        assertTrue(a.departments().contains("A市人民政府"), a.departments().toString());
        assertFalse(a.departments().contains("政府"));
        assertFalse(a.departments().contains("人民政府"));
    }

    @Test
    void provinceAloneIsAPlaceButNoRegion() {
        Analysis a = pipeline.analyze(null, "西地省的退休人员今年普调了养老金。");
        assertTrue(a.places().contains("西地省"));
        assertEquals(null, a.region());
    }

    @Test
    void housingEstatesAreNoDistricts() {
        Analysis a = pipeline.analyze(null, "A7县星沙镇泉塘安置小区的路灯坏了。");
        assertEquals("A7县", a.region());
        assertTrue(a.places().contains("星沙镇"), a.places().toString());
        assertFalse(a.places().stream().anyMatch(p -> p.endsWith("小区")), a.places().toString());
    }
}
