package org.minyi.analysis;

import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Whether a message is about a rural or an urban place: places named in it (…村, …乡, …镇 against …街道, …社区,
 * …小区) count twice, cue words once (村民, 村道, 第三组 against 小区, 物业, 业主); the side with more wins, a tie or
 * nothing says neither. 镇 counts as rural, as the issue asks (村/组/镇/乡 against 小区/社区/街道), though a county town
 * can be quite urban. 城乡, 家乡, 老乡 and 城中村 are no cues.
 */
public final class SettlementCues {

    private static final Pattern RURAL = Pattern.compile(
            "(?<!城中)村(?!镇银行)|(?<![城家老])乡(?!村振兴局)|镇|[一二三四五六七八九十\\d]{1,3}组|农民|耕地|宅基地|种地|庄稼|农田");
    private static final Pattern URBAN = Pattern.compile("小区|社区|街道|物业|业主|楼盘|市区|城区|商品房|写字楼|楼栋|单元楼");
    private static final Pattern RURAL_PLACE = Pattern.compile(".+(?:村|乡|镇)$");
    private static final Pattern URBAN_PLACE = Pattern.compile(".+(?:街道|社区|小区|路|街)$");

    private SettlementCues() {
    }

    /** {@link DemandProfile#RURAL}, {@link DemandProfile#URBAN} or null. */
    public static String of(String text, List<String> places) {
        int rural = count(RURAL, text);
        int urban = count(URBAN, text);
        for (String place : places) {
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
