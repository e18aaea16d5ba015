package org.minyi.insight;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The housing estate a title names ("魅力之城小区", "伊景园滨河苑"), so that two titles naming different estates are
 * never one issue, however alike their complaint: "润芳园小区临街门面油烟直排扰民" and "魅力之城小区临街门面油烟直排扰民"
 * share every word but the estate, and their sentence vectors are close. The name is the first estate suffix with the
 * two Han characters before it (之城小区, 滨河苑, 丽发新城), which is where writers agree however they lead in
 * (劳动东路魅力之城小区, 魅力之城小区); words that are no name (附近小区, 投诉小区) name nothing.
 */
final class EstateNames {

    private static final Pattern ESTATE = Pattern.compile("(\\p{IsHan}{2})(小区|花园|家园|新城|公寓|苑)");
    private static final java.util.Set<String> NO_NAME = java.util.Set.of("投诉", "附近", "我们", "我的", "所在",
            "整个", "老旧", "周边", "关于", "反映", "反应", "咨询", "询问", "请问", "建议", "这个", "该小", "本小", "新建",
            "安置", "农村", "城市", "多个", "部分", "一些", "旁边", "门口", "居民", "业主", "举报", "要求", "希望");

    private EstateNames() {
    }

    /** The estate named in the title, as its suffix and the two characters before; null when none is. */
    static String of(String title) {
        if (title == null) {
            return null;
        }
        Matcher m = ESTATE.matcher(title);
        while (m.find()) {
            if (!NO_NAME.contains(m.group(1))) {
                return m.group(1) + m.group(2);
            }
        }
        return null;
    }

    /** Words before an estate suffix that make it no name (附近小区, 投诉小区). */
    static boolean isNoName(String twoCharacters) {
        return NO_NAME.contains(twoCharacters);
    }

    /** Both name an estate, and not the same one. */
    static boolean differ(String a, String b) {
        return a != null && b != null && !a.equals(b);
    }
}
