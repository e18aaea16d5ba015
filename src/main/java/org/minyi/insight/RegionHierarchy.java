package org.minyi.insight;

import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Regions in three levels — 市 (city), 区县 (district or county), 街道/乡镇 (street or township) — so a chart shows one
 * level at a time and never sets A市 beside A3区. A district's city comes from the anonymised Teddy form (A3区 → A市)
 * or from the known districts of 商洛 (商州区 → 商洛市); a name of no known level is left as it is.
 */
public final class RegionHierarchy {

    /** The levels, broadest first. */
    public enum Level {
        CITY, COUNTY, TOWNSHIP;

        public static Level parse(String value) {
            return switch (value == null ? "county" : value.strip().toLowerCase(java.util.Locale.ROOT)) {
                case "city", "市" -> CITY;
                case "county", "district", "区县" -> COUNTY;
                case "township", "street", "街道乡镇" -> TOWNSHIP;
                default -> throw new IllegalArgumentException("unknown region level '" + value
                        + "'; expected city, county or township");
            };
        }
    }

    /** What a message filed under a broader region shows at a narrower level (A市 at the county level). */
    public static final String UNSPLIT_SUFFIX = "（未细分）";

    private static final Pattern ANONYMISED_DISTRICT = Pattern.compile("([A-Z])\\d+[区县市]");
    private static final Pattern CITY = Pattern.compile(".+(?:市|州|盟|地区)");
    private static final Pattern COUNTY = Pattern.compile(".+(?:区|县|旗)");
    private static final Pattern TOWNSHIP = Pattern.compile(".+(?:街道|镇|乡)");
    private static final Map<String, String> KNOWN_CITY = Map.of(
            "商州区", "商洛市", "洛南县", "商洛市", "丹凤县", "商洛市", "商南县", "商洛市", "山阳县", "商洛市",
            "镇安县", "商洛市", "柞水县", "商洛市");

    private RegionHierarchy() {
    }

    /** The level of a region name, or null when the name says none. */
    public static Level levelOf(String region) {
        if (region == null) {
            return null;
        }
        if (ANONYMISED_DISTRICT.matcher(region).matches() || KNOWN_CITY.containsKey(region)) {
            return Level.COUNTY;
        }
        if (TOWNSHIP.matcher(region).matches()) {
            return Level.TOWNSHIP;
        }
        if (COUNTY.matcher(region).matches()) {
            return Level.COUNTY;
        }
        return CITY.matcher(region).matches() ? Level.CITY : null;
    }

    /** The city of a district or county, or null when unknown. */
    public static String cityOf(String region) {
        if (region == null) {
            return null;
        }
        if (levelOf(region) == Level.CITY) {
            return region;
        }
        Matcher m = ANONYMISED_DISTRICT.matcher(region);
        if (m.matches()) {
            return m.group(1) + "市";
        }
        return KNOWN_CITY.get(region);
    }

    /**
     * How a message's region shows at {@code level}: itself when it is of that level, its city at the city level,
     * and a broader region marked {@value #UNSPLIT_SUFFIX} at a narrower level; null when unknown.
     */
    public static String at(String region, Level level) {
        Level own = levelOf(region);
        if (own == null) {
            return region == null ? null : region;
        }
        if (own == level) {
            return region;
        }
        if (level == Level.CITY) {
            String city = cityOf(region);
            return city != null ? city : region + UNSPLIT_SUFFIX;
        }
        return own.ordinal() < level.ordinal() ? region + UNSPLIT_SUFFIX : region;
    }
}
