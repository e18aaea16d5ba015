package org.minyi.insight;

import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.minyi.index.IndexedMessage;

/**
 * The specific places a message names in its title or text, by kind, so that two messages naming different places
 * of one kind, and none in common, are never one issue however alike their complaint: night work at 恒泰楚壹府 and at
 * 阳光城檀悦, parking at 深业睿城 and at 麓谷小镇, the exits of 星沙大道站 and of 松雅西地省站 read alike and are
 * four, not two, matters.
 *
 * <p>Kinds, each compared only with itself:
 * <ul>
 *   <li>{@link Kind#ESTATE}: housing estates and the building projects that become them, which writers name the same
 *       way (恒泰楚壹府工地, 在建楼盘恒泰楚壹府); a name is its estate suffix with the two Han characters before it, as
 *       the estate rule before it read titles (之城小区, 业睿城, 楚壹府, 中央公园), or the two characters before 工地/项目/
 *       楼盘 (檀悦工地 → 檀悦); 小区 names only in the title, since texts mostly use it as the common noun;</li>
 *   <li>{@link Kind#STATION}: stations, the two characters before 站 (星沙大道站 → 大道站);</li>
 *   <li>{@link Kind#ROAD}: roads and streets the place recogniser found, whole words (中山路, 星沙大道), named in the
 *       title: a text names roads mostly as the writer's address or a landmark;</li>
 *   <li>{@link Kind#COMPANY}: companies and platforms named in the title, the two characters before 公司/集团/平台
 *       once words every company uses are taken off (长沙金科物业服务有限公司 → 金科): texts name the developer, the
 *       property manager and the builder of one matter, and too many words run into 公司 there.</li>
 * </ul>
 * A name needs a word boundary on both sides: 城 in 城管 or 县城, 府 in 政府, 站 in 网站 or 站出来 name nothing, nor do
 * words that are no name (附近小区, 该项目, 物业公司, 12345平台). Names are compared exactly, so one place written two
 * ways (劳动东路魅力之城小区, 魅力之城小区) agrees on the short form, and a message naming several places of a kind
 * links to messages naming any one of them. Over whole periods the index hands out summaries, whose text is the
 * opening {@value org.minyi.index.IndexedMessage#SUMMARY_TEXT} characters: where writers name what they complain of.
 */
final class NamedPlaces {

    /** Kinds of place; two names of different kinds never conflict. */
    enum Kind { ESTATE, STATION, ROAD, COMPANY }

    /** A phase between name and suffix (绿地海外滩二期小区) is part of neither. */
    /** Words before an estate suffix that make it no name (附近小区, 投诉小区). */
    private static final Set<String> NO_NAME = Set.of("投诉", "附近", "我们", "我的", "所在", "整个", "老旧", "周边",
            "关于", "反映", "反应", "咨询", "询问", "请问", "建议", "这个", "该小", "本小", "新建", "安置", "农村", "城市",
            "多个", "部分", "一些", "旁边", "门口", "居民", "业主", "举报", "要求", "希望");
    private static final String PHASE = "(?:[一二三四五六七八九十0-9]{1,2}期)?";
    private static final Pattern ESTATE = Pattern.compile(
            "(\\p{IsHan}{2})" + PHASE + "(小区|花园|家园|新城|公寓|苑|小镇|公馆|山庄|华庭|公园|城|府)");
    /** In a text 小区 is mostly the common noun (出售小区内车位, 周边一小区): there only the rarer suffixes name. */
    private static final Pattern TEXT_ESTATE = Pattern.compile(
            "(\\p{IsHan}{2})" + PHASE + "(花园|家园|新城|公寓|苑|小镇|公馆|山庄|华庭|公园|城|府)");
    /** 城 and 府 end estate names, but also common words: 城管, 城市, 县城, 政府. */
    private static final Pattern ESTATE_WORD_GOES_ON = Pattern.compile("^(?:城[市区管乡镇际建投铁轨关墙中里外]|公园[路街])");
    private static final String NOT_BEFORE_CITY = "县省老进全主京满古都市内出入边筑长卫城乡农";
    private static final String NOT_BEFORE_MANSION = "政首官知王学";
    private static final Set<String> NOT_BEFORE_PARK = Set.of("森林", "湿地", "主题", "体育", "城市", "口袋", "街头",
            "社区", "生态", "文化", "休闲", "滨江", "郊野", "遗址", "小区", "一个", "这个", "建设", "附近");
    private static final Pattern PROJECT = Pattern.compile("(\\p{IsHan}{2})(?:工地|项目|楼盘)");
    private static final Set<String> NOT_A_PROJECT = Set.of("建设", "在建", "施工", "建筑", "附近", "这个", "那个",
            "整个", "一个", "该个", "工程", "改造", "开发", "房产", "地产", "重点", "民生", "扶贫", "市政", "道路", "周边",
            "旁边", "对面", "多个", "有些", "部分", "个别", "这些", "那些", "所有", "相关", "新建", "拆迁", "安置", "棚改",
            "投资", "招商", "合作", "试点", "配套", "公益", "政府", "此类", "同类", "同一", "这种", "该种", "绿化", "提质",
            "亮化", "维修", "小区", "品房", "住房", "房屋", "民房", "一期", "二期", "三期", "临时", "违建", "违法", "违规", "其他", "其它", "本次", "今年", "去年", "明年");
    private static final Pattern STATION = Pattern.compile("(\\p{IsHan}{2})站(?![长点台立岗起着出住稳队在了])");
    private static final String NOT_BEFORE_STATION = "网车油费务作圾运电测铁交点一本该此这那上下首末每各两几哪水泵驿救防卫生"
            + "转检监气站中分岗报空拌基";
    private static final Pattern ROAD = Pattern.compile(".{2,}(?:路|大道|[^道]街)");
    private static final Pattern ANONYMISED = Pattern.compile("[A-Z]\\d{0,2}[市区县州]");
    private static final Pattern COMPANY = Pattern.compile("[\\p{IsHan}A-Za-z0-9]{2,16}?(?=公司|集团|平台)");
    private static final Pattern COMPANY_WORD = Pattern.compile(
            "(?:有限责任|股份有限|有限|责任|股份|分|总|子|物业管理|物业服务|物业|房地产开发|房地产|地产|置业|开发|建设|建筑|"
                    + "工程|科技|实业|投资|发展|管理|服务|网络|信息|金融|贸易|商贸|集团|控股|国际|电子商务|互联网|网上|网贷|"
                    + "借贷|理财|交易|投诉|政务|官方|第三方|举报|热线|公共|综合|运营|[A-Z]市|[A-Z]\\d{0,2}[区县])$");
    private static final Set<String> NOT_A_COMPANY = Set.of("这家", "那家", "一家", "该家", "涉事", "我们", "你们",
            "他们", "小区", "这个", "那个", "一个", "贵司", "本司", "相关", "所属", "其他", "其它", "各大", "多家", "上述",
            "所在", "该司", "业主", "开发", "物业", "正规", "非法", "违法", "正当", "合法", "大型", "国有", "民营", "私营",
            "外地", "本地", "当地");
    private static final String ESTATE_ENDS = "区园城寓苑镇馆庄庭府";
    private static final String PROJECT_ENDS = "地目盘";
    private static final String COMPANY_ENDS = "司团台";
    private static final String FUNCTION_CHARACTERS = "的了在是和与及对向被把给从到由为让请将于跟叫说找一个";

    private final Map<Kind, Set<String>> names;

    private NamedPlaces(Map<Kind, Set<String>> names) {
        this.names = names;
    }

    static NamedPlaces of(IndexedMessage m) {
        return of(m.message().title(), m.message().text(), m.analysis().places());
    }

    /**
     * @param places the places the analysis recognised in title and text (roads are read from them: the recogniser
     *               has their whole names)
     */
    static NamedPlaces of(String title, String text, List<String> places) {
        String written = (title == null ? "" : title) + "\n" + (text == null ? "" : text);
        Map<Kind, Set<String>> names = new EnumMap<>(Kind.class);
        String titleOnly = title == null ? "" : title;
        // This runs for many messages of a period: a pattern is tried only where its suffix's last character is.
        if (hasAny(written, ESTATE_ENDS)) {
            estates(titleOnly, ESTATE, names);
            estates(text == null ? "" : text, TEXT_ESTATE, names);
        }
        if (hasAny(written, PROJECT_ENDS)) {
            projects(written, names);
        }
        if (written.indexOf('站') >= 0) {
            stations(written, names);
        }
        if (hasAny(titleOnly, COMPANY_ENDS)) {
            companies(titleOnly, names);
        }
        for (String place : places) {
            if (titleOnly.contains(place) && ROAD.matcher(place).matches() && !ANONYMISED.matcher(place).lookingAt()) {
                add(names, Kind.ROAD, place);
            }
        }
        return new NamedPlaces(names);
    }

    private static boolean hasAny(String written, String characters) {
        for (int i = 0; i < written.length(); i++) {
            if (characters.indexOf(written.charAt(i)) >= 0) {
                return true;
            }
        }
        return false;
    }

    /** The names of one kind, as compared. */
    Set<String> names(Kind kind) {
        return names.getOrDefault(kind, Set.of());
    }

    /** Some kind of place is named by both, and they name no place of that kind in common. */
    boolean differ(NamedPlaces other) {
        for (Map.Entry<Kind, Set<String>> own : names.entrySet()) {
            Set<String> theirs = other.names.get(own.getKey());
            if (theirs != null && java.util.Collections.disjoint(own.getValue(), theirs)) {
                return true;
            }
        }
        return false;
    }

    private static void estates(String written, Pattern estate, Map<Kind, Set<String>> names) {
        Matcher m = estate.matcher(written);
        for (int from = 0; from < written.length() && m.find(from); from = m.start() + 1) {
            String before = m.group(1);
            String suffix = m.group(2);
            if (NO_NAME.contains(before) || before.charAt(1) == '期'
                    || ESTATE_WORD_GOES_ON.matcher(written).region(m.start(2), written.length()).lookingAt()
                    || suffix.equals("城") && NOT_BEFORE_CITY.indexOf(before.charAt(1)) >= 0
                    || suffix.equals("府") && NOT_BEFORE_MANSION.indexOf(before.charAt(1)) >= 0
                    || suffix.equals("公园") && NOT_BEFORE_PARK.contains(before)
                    || FUNCTION_CHARACTERS.indexOf(before.charAt(1)) >= 0) {
                continue;
            }
            add(names, Kind.ESTATE, before + suffix);
        }
    }

    private static void projects(String written, Map<Kind, Set<String>> names) {
        Matcher p = PROJECT.matcher(written);
        for (int from = 0; from < written.length() && p.find(from); from = p.start() + 1) {
            String before = p.group(1);
            if (!NOT_A_PROJECT.contains(before) && !NO_NAME.contains(before)
                    && FUNCTION_CHARACTERS.indexOf(before.charAt(0)) < 0
                    && FUNCTION_CHARACTERS.indexOf(before.charAt(1)) < 0) {
                add(names, Kind.ESTATE, before);
            }
        }
    }

    private static void stations(String written, Map<Kind, Set<String>> names) {
        Matcher m = STATION.matcher(written);
        for (int from = 0; from < written.length() && m.find(from); from = m.start() + 1) {
            String before = m.group(1);
            if (NOT_BEFORE_STATION.indexOf(before.charAt(1)) < 0 && FUNCTION_CHARACTERS.indexOf(before.charAt(0)) < 0) {
                add(names, Kind.STATION, before + "站");
            }
        }
    }

    private static void companies(String written, Map<Kind, Set<String>> names) {
        Matcher m = COMPANY.matcher(written);
        for (int from = 0; from < written.length() && m.find(from); from = m.end() + 1) {
            String name = m.group();
            // The lazy match starts as far left as it can; take the run right before the suffix.
            Matcher word;
            while (name.length() > 2 && (word = COMPANY_WORD.matcher(name)).find() && word.start() >= 2) {
                name = name.substring(0, word.start());
            }
            if (COMPANY_WORD.matcher(name).matches()) {
                continue;
            }
            String key = name.substring(name.length() - 2);
            if (!NOT_A_COMPANY.contains(key) && FUNCTION_CHARACTERS.indexOf(key.charAt(0)) < 0
                    && FUNCTION_CHARACTERS.indexOf(key.charAt(1)) < 0 && !key.chars().allMatch(Character::isDigit)) {
                add(names, Kind.COMPANY, key);
            }
        }
    }

    private static void add(Map<Kind, Set<String>> names, Kind kind, String name) {
        names.computeIfAbsent(kind, k -> new TreeSet<>()).add(name);
    }

    @Override
    public String toString() {
        return names.toString();
    }
}
