package org.minyi.analysis;

import com.hankcs.hanlp.corpus.tag.Nature;
import com.hankcs.hanlp.dictionary.CoreDictionary;
import com.hankcs.hanlp.seg.common.Term;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Places a message mentions and the region it is about. Places are the project's place dictionary, the anonymised
 * A市/A3区 forms the {@link Segmenter} keeps whole, and HanLP's place terms (ns) that look like places: known to
 * HanLP's core dictionary as places, or ending in a place suffix, and not glued to a function word (HanLP's role
 * tagging also yields 向省, 站和柳林镇, 无门).
 *
 * <p>The region is the most specific administrative unit of district, county or city level: districts and
 * counties (区/县/旗, and numbered anonymised cities such as A9市, which are county-level) beat cities (市/州);
 * among equals the most mentioned wins (a title mention counts twice), then the first mentioned. When the title
 * names a region-level place, the message is about that place: only title places, and text places inside them
 * (the anonymisation keeps the city letter: A3区 lies in A市), can be the region. Provinces and towns are places
 * but never the region.
 */
final class PlaceRecognizer {

    /** Words ending in 区 that are not administrative districts. */
    private static final Pattern NOT_A_DISTRICT = Pattern.compile(
            ".*(?:小区|社区|景区|园区|片区|校区|辖区|城区|市区|街区|营区|厂区|矿区|病区|库区)");
    private static final Pattern COUNTY_LEVEL = Pattern.compile(".+[区县旗]|[A-Z]\\d{1,2}市");
    private static final Pattern CITY_LEVEL = Pattern.compile(".+[市州]");
    private static final Pattern ANONYMISED = Pattern.compile("([A-Z])\\d{0,2}[市区县州]");
    private static final Pattern PLACE_SUFFIX = Pattern.compile(
            ".+(?:省|市|区|县|旗|州|镇|乡|村|街道|路|街|巷|河|江|湖|山|岭|桥|湾|港|岛|坪|塘)");
    private static final Pattern SHORT_SUBDISTRICT = Pattern.compile("\\p{IsHan}(?:街道|镇|乡)");
    private static final Pattern GLUED_FUNCTION_WORD = Pattern.compile("^[向的和在对到从与及了是把被给往]|[和及与]");

    record Places(List<String> places, String region) {
    }

    private final DomainDictionary dictionary;

    PlaceRecognizer(DomainDictionary dictionary) {
        this.dictionary = dictionary;
    }

    Places find(List<Term> titleTerms, List<Term> textTerms) {
        Map<String, Integer> mentions = new LinkedHashMap<>();
        count(titleTerms, 2, mentions);
        Map<String, Integer> inTitle = Map.copyOf(mentions);
        count(textTerms, 1, mentions);
        boolean titleNamesRegion = inTitle.keySet().stream().anyMatch(p -> level(p) > 0);
        String region = null;
        int bestLevel = 0;
        int bestMentions = 0;
        for (Map.Entry<String, Integer> place : mentions.entrySet()) {
            int level = level(place.getKey());
            if (level == 0 || (titleNamesRegion && !withinTitle(place.getKey(), inTitle))) {
                continue;
            }
            if (level > bestLevel || (level == bestLevel && place.getValue() > bestMentions)) {
                region = place.getKey();
                bestLevel = level;
                bestMentions = place.getValue();
            }
        }
        // The title is read first, so title places come first in order of mention.
        return new Places(List.copyOf(mentions.keySet()), region);
    }

    private static boolean withinTitle(String place, Map<String, Integer> inTitle) {
        if (inTitle.containsKey(place)) {
            return true;
        }
        var letter = ANONYMISED.matcher(place);
        if (!letter.matches()) {
            return false;
        }
        for (String titlePlace : inTitle.keySet()) {
            var titleLetter = ANONYMISED.matcher(titlePlace);
            if (titleLetter.matches() && titleLetter.group(1).equals(letter.group(1)) && titlePlace.endsWith("市")) {
                return true;
            }
        }
        return false;
    }

    private void count(List<Term> terms, int weight, Map<String, Integer> mentions) {
        for (int i = 0; i < terms.size(); i++) {
            Term term = terms.get(i);
            if (isPlace(term)) {
                mentions.merge(wholeName(terms, i), weight, Integer::sum);
            }
        }
    }

    /**
     * The place at {@code i} with a lone character before it glued back on when the place is a one-character
     * sub-district (云街道, 口镇): HanLP cuts 暮云街道 into 暮 + 云街道, and sub-districts' names have two or more
     * characters before 街道/镇/乡.
     */
    private static String wholeName(List<Term> terms, int i) {
        String word = terms.get(i).word;
        if (i == 0 || !SHORT_SUBDISTRICT.matcher(word).matches()) {
            return word;
        }
        String before = terms.get(i - 1).word;
        boolean loneCharacter = before.length() == 1 && Character.UnicodeScript.of(before.codePointAt(0))
                == Character.UnicodeScript.HAN && !GLUED_FUNCTION_WORD.matcher(before).find();
        return loneCharacter ? before + word : word;
    }

    private boolean isPlace(Term term) {
        String word = term.word;
        // Cheap tests first: this runs for every term of every message.
        boolean tagged = term.nature == Nature.ns || term.nature == Nature.nsf;
        if (word.length() < 2 || !tagged && !dictionary.isPlace(word)) {
            return false;
        }
        if (NOT_A_DISTRICT.matcher(word).matches()) {
            return false;
        }
        if (dictionary.isPlace(word) || ANONYMISED.matcher(word).matches()) {
            return true;
        }
        if (GLUED_FUNCTION_WORD.matcher(word).find()) {
            return false;
        }
        return PLACE_SUFFIX.matcher(word).matches() || isCorePlace(word);
    }

    private static boolean isCorePlace(String word) {
        CoreDictionary.Attribute attribute = CoreDictionary.get(word);
        if (attribute == null) {
            return false;
        }
        for (Nature nature : attribute.nature) {
            if (nature == Nature.ns || nature == Nature.nsf) {
                return true;
            }
        }
        return false;
    }

    private static int level(String place) {
        if (NOT_A_DISTRICT.matcher(place).matches()) {
            return 0;
        }
        if (COUNTY_LEVEL.matcher(place).matches()) {
            return 2;
        }
        return CITY_LEVEL.matcher(place).matches() ? 1 : 0;
    }
}
