package org.minyi.analysis;

import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Whether a message is about a rural or an urban place: places named in it (…村, …乡, …镇 against …街道, …社区,
 * …小区) count twice, cue words once (村民, 村道, 第三组, 新农合 against 小区, 物业, 业主, city buses, the metro,
 * traffic lights, crossings of named roads); the side with more wins, a tie or nothing says neither. 镇 counts as
 * rural, as the issue asks (村/组/镇/乡 against 小区/社区/街道), though a county town can be quite urban. 城乡, 家乡,
 * 老乡, 城中村, 城镇, 镇痛 and the estates called …新村 are no cues; nor is a bare 街道 (a street, which townships
 * have too): the street office is 街道办 or a place named …街道. The cues follow the labelling guide's area rules
 * (models/labels/GUIDE.md §7) and were checked on a tuning draw read by hand; {@code minyi evaluate area} measures
 * them on a separate evaluation draw.
 */
public final class SettlementCues {

    private static final Pattern RURAL = Pattern.compile(
            "(?<!城中|新)村(?!镇银行)|(?<![城家老])乡(?![村镇]振兴局|镇)|(?<![城坐])镇(?![痛静定压])"
                    + "|[一二三四五六七八九十\\d]{1,3}组|农民|耕地|宅基地|种地|庄稼|农田|新农合|农村合作医疗");
    private static final Pattern URBAN = Pattern.compile("小区|社区|街道办|物业|业主|楼盘|市区|城区|商品房|写字楼"
            + "|楼栋|单元楼|住宅楼|居民楼|电梯|地铁|(?<!城乡)公交(?!进村|下乡)|红绿灯|人行横道|斑马线|过街天桥|高架"
            + "|停车场|安置房|安置小区|[一二三四五六七八九]环路?|交汇|交叉口"
            // a crossing or stretch of a named road: …路口, …大道段 (公路, 道路, 村道 and 国道 are no names)
            + "|(?<![公道马铁线思出网村乡国省县])(?:路|大道)(?:口|段|与|交)");
    private static final Pattern RURAL_PLACE = Pattern.compile(".+(?:村|乡|镇)$");
    private static final Pattern URBAN_PLACE = Pattern.compile(".+(?:街道|社区|小区|路|街)$");
    private static final Pattern NOT_A_VILLAGE = Pattern.compile(".+(?:新村|城中村)$");

    private SettlementCues() {
    }

    /** {@link DemandProfile#RURAL}, {@link DemandProfile#URBAN} or null. */
    public static String of(String text, List<String> places) {
        int rural = count(RURAL, text);
        int urban = count(URBAN, text);
        for (String place : places) {
            if (NOT_A_VILLAGE.matcher(place).matches()) {
                continue;
            }
            if (RURAL_PLACE.matcher(place).matches()) {
                rural += 2;
            } else if (URBAN_PLACE.matcher(place).matches()) {
                urban += 2;
            }
        }
        if (rural == urban) {
            return null;
        }
        return rural > urban ? DemandProfile.RURAL : DemandProfile.URBAN;
    }

    private static int count(Pattern pattern, String text) {
        Matcher m = pattern.matcher(text);
        int n = 0;
        while (m.find()) {
            n++;
        }
        return n;
    }
}
