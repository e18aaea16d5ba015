package org.minyi.analysis;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Groups (老年人, 残疾人, 流动人口/外来务工 …) and life stages (婴幼儿 … 老年) a message gives evidence for, found by cue
 * words and a few context rules taken from the labelling guide's evidence lists ({@code models/labels/GUIDE.md} §4–5):
 * a cue counts only when no negation stands just before it (不是老人, 并非低保户), a parent counts as old only with an
 * age or 年迈/退休 beside them, an age in years places the person in a stage (60 and over: 老年). Each finding keeps
 * the words that are its evidence. Precision comes first: a cue that names a group only sometimes (企业, 学生家长)
 * is left out, and the guide's rule that the group must be the writer or the people whose need is raised (not a
 * passing mention) is approximated by where and how often the evidence stands: a label is kept when its evidence is
 * in the title, is met twice or more, follows a word for the writer (我, 我们, 本人, 家里 …) closely, or is a cue
 * that speaks of the writer's own people by itself (an age, 我公司, a parent said to be old). A cue is no evidence
 * where {@link CueContext} finds it denied, inside a document's name, naming the party reported, or a fear; ages
 * that are a rule's limit or a guessed range are no one's age (GUIDE.md §4.1 lists every rule).
 */
public final class LifeSituationCues {

    /** One rule: a pattern, the groups and stages a match is evidence for, and the kind of cue it is. */
    private record Cue(Pattern pattern, List<String> groups, List<String> stages, Kind kind) {
    }

    private enum Kind {
        PLAIN,
        /**
         * Names people in passing more often than not (商户, 小朋友, 学生): counts in the title, after a word for the
         * writer, or when met three times or more (then the letter's subject); twice proves nothing by itself.
         */
        WEAK,
        /** A generation (80后, 年轻人): not evidence beside the writer's child, whose stage is then the one raised. */
        GENERATION,
        /**
         * A child's schooling (孩子上学, 读小学): evidence (学生 and the child's stage) only when the message is about
         * schooling (in the title, or schools, places or enrolment are spoken of), not a pupil met in passing.
         */
        SCHOOLING
    }

    /**
     * A label's evidence so far: how often met, its first occurrence strong by itself and its first of a cue that is
     * not weak (repetition of weak cues alone proves nothing). The evidence shown is the one that made the label.
     */
    private static final class Tally {
        int count;
        DemandProfile.Evidence firstStrong;
        DemandProfile.Evidence firstFirm;
        DemandProfile.Evidence first;

        DemandProfile.Evidence evidence() {
            if (firstStrong != null) {
                return firstStrong;
            }
            if (count >= 2 && firstFirm != null) {
                return firstFirm;
            }
            return count >= SUBJECT_COUNT ? first : null;
        }
    }

    /** What the text gives evidence for: each label once, with its first evidence. */
    public record Found(List<DemandProfile.Evidence> groups, List<DemandProfile.Evidence> stages) {
        public List<String> groupLabels() {
            return groups.stream().map(DemandProfile.Evidence::label).toList();
        }

        public List<String> stageLabels() {
            return stages.stream().map(DemandProfile.Evidence::label).toList();
        }
    }

    private static final String ELDERLY = "老年人";
    private static final String OLD_AGE = "老年";
    private static final String INFANT = "婴幼儿";
    /** Marks evidence strong by itself (an age, a parent said to be old, 我公司). */
    private static final String STRONG = "!";
    /** How often a weak cue must be met to be the subject of the letter rather than a passing mention. */
    private static final int SUBJECT_COUNT = 3;
    /** Marks evidence of a weak cue. */
    private static final String WEAK = "?";
    private static final Pattern AGE = Pattern.compile("(\\d{2,3})\\s*(?:周)?岁");
    private static final Pattern CHINESE_AGE = Pattern.compile("([四五六七八九])十(?:[一二三四五六七八九])?多?岁");
    /** A parent is old only with an age or a word of age beside: 我父亲年迈, 母亲七十岁, 父母退休. */
    private static final Pattern OLD_PARENT = Pattern.compile(
            "(?:父亲|母亲|父母|爸爸|妈妈|老父|老母|公公|婆婆|岳父|岳母)[^，。！？,.!?]{0,6}?(?:年迈|年事已高|年老|高龄|退休|"
                    + "[六七八九]十多?岁|[6-9]\\d\\s*岁)");

    /*
     * The guide's evidence words, less those that on the training split of the hand labels named the group in
     * passing more often than not (幼儿园, 摊贩, 外省, 考生, 毕业生, 年迈 …: readers did not mark them), and 老人
     * only as the writer's own (家里老人, 我家老人). Figures: minyi evaluate groups.
     */
    private static final List<Cue> CUES = List.of(
            cue("老年人|高龄老人|空巢老人|留守老人|孤寡老人|老年(?!代步车|车)|年事已高", List.of(ELDERLY), List.of(OLD_AGE)),
            cue("(?:我家|家里|家中|我们家|自家)的?老人", List.of(ELDERLY + STRONG), List.of(OLD_AGE + STRONG)),
            // not 退休后 alone: employees speak of their pension 退休后, which is their future (K2)
            cue("(?<!离)退休(?:教师|老师|人员|工人|干部|老人|员工|军人)|(?<![我人])已退休", List.of(ELDERLY),
                    List.of(OLD_AGE)),
            cue("(?:我|本人)(?:已经?)?退休", List.of(ELDERLY + STRONG), List.of(OLD_AGE + STRONG)),
            // 离退休人员/教师: a category of staff and its offices, the writer's own only when said so
            weak("离退休(?:教师|老师|人员|工人|干部|老人|员工|军人)", List.of(ELDERLY), List.of(OLD_AGE)),
            cue("残疾|残障|盲人|聋哑|(?<!灯)失明|残联", List.of("残疾人"), List.of()),
            cue("低保|特困|五保|贫困户|建档立卡|困难家庭|困难户|生活困难|经济困难|家庭困难|生活艰难|三无人员|扶贫户|贫困家庭",
                    List.of("低保/困难家庭"), List.of()),
            cue("退伍|退役军人|退役士兵|复员军人|转业(?:军人|士官|干部)|老兵|军转干部|伤残军人", List.of("退役军人"),
                    List.of()),
            cue("外地人|外来务工|外来工|外地户口|外地户籍|外市户口|非本地户籍|非本地户口|随迁子女|居住证(?!明)|暂住证|外地打工|"
                    + "外来人口|流动人口|异地务工|新市民", List.of("流动人口/外来务工"), List.of()),
            cue("农民工|建筑工人|泥瓦工", List.of("农民工"), List.of()),
            cue("个体户|个体工商户|小商贩|小商小贩|摊主", List.of("个体工商户"), List.of()),
            weak("(?<!工)商户|经营户|店主(?!营)", List.of("个体工商户"), List.of()),
            weak("外来人员", List.of("流动人口/外来务工"), List.of()),
            // the firm as a landmark (在我公司边上有个站点) is where the writer works, not the firm's need
            cue("(?:我公司|本公司|我司)(?!边上|附近|旁边|门口|对面|楼下)", List.of("企业" + STRONG), List.of()),
            weak("民营企业|中小企业|小微企业|私营企业|私企|民企", List.of("企业"), List.of()),
            cue("孕妇|产妇|孕期|待产|哺乳期|准妈妈", List.of("妇女儿童"), List.of()),
            // a baby just born (分娩一个宝宝, 生宝宝): the mother's matter, the baby's stage is not what is raised
            cue("(?:生|分娩|产下?)(?:了|一个|个)?宝宝", List.of("妇女儿童"), List.of()),
            cue("新生儿|婴儿(?!车)|女婴|男婴|婴幼儿|(?<!(?:生|分娩|产下?)(?:了|一个|个)?)宝宝|几个月大|[一二三四五六七八九十\\d]+个月(?:大)?的(?:孩子|小孩|宝宝)",
                    List.of("妇女儿童"), List.of(INFANT)),
            cue("留守儿童", List.of("妇女儿童"), List.of("儿童")),
            weak("小朋友", List.of("妇女儿童"), List.of("儿童")),
            schooling("读小学|上小学|小学的孩子|(?<![高初])[一二三四五六]年级(?:的)?(?:学生|孩子|小孩)", List.of("儿童")),
            cue("幼升小", List.of("学生"), List.of("儿童")),
            cue("小学生", List.of("学生"), List.of("儿童")),
            cue("(?<![初高])中学生", List.of("学生"), List.of("青少年/学生")),
            // 学生 alone: of any age, so no stage; things and offices named after students are not people
            weak("广大学生|(?<![小中大]|初中|高中|本科|艺术|在校)学生(?!证|卡|会|处|公寓|宿舍|食堂|时代|时期)", List.of("学生"),
                    List.of()),
            // 小升初: pupils leaving primary school, read by some as children and by others as juniors: no stage
            cue("小升初", List.of("学生"), List.of()),
            cue("初中生(?!源)|高中生(?!源)|读初中|上初中|读高中|上高中|初[一二三](?:的)?学生|高[一二三](?:的)?学生|在校生|艺术生",
                    List.of("学生"), List.of("青少年/学生")),
            cue("(?<!广)大学生(?!人才|就业|创业|村官)|本科生", List.of("学生"), List.of()),
            // 大学生人才/就业/创业 policies are for graduates starting work: young adults, no longer students
            cue("大学生(?=人才|就业|创业)", List.of(), List.of("青年")),
            schooling("(?:孩子|小孩|子女)(?:上学|读书|入学|就读|就学|升学)", List.of()),
            cue("应届生|应届毕业|刚毕业(?!的?(?:初中|高中|小学))|大学毕业|本科毕业|研究生毕业|新婚", List.of(),
                    List.of("青年")),
            generation("年轻人|青年人|80后|90后", List.of("青年")),
            cue("中年", List.of(), List.of("中年")));

    private LifeSituationCues() {
    }

    private static Cue cue(String regex, List<String> groups, List<String> stages) {
        return new Cue(Pattern.compile(regex), groups, stages, Kind.PLAIN);
    }

    private static Cue weak(String regex, List<String> groups, List<String> stages) {
        return new Cue(Pattern.compile(regex), groups, stages, Kind.WEAK);
    }

    private static Cue schooling(String regex, List<String> stages) {
        return new Cue(Pattern.compile(regex), List.of("学生"), stages, Kind.SCHOOLING);
    }

    private static Cue generation(String regex, List<String> stages) {
        return new Cue(Pattern.compile(regex), List.of(), stages, Kind.GENERATION);
    }

    /**
     * The groups and stages a message gives evidence for, in order of first evidence.
     *
     * @param text        title and text as the pipeline reads them ({@link TitleAndText})
     * @param titleLength how many leading characters of {@code text} are the title (0 without one)
     */
    public static Found find(String text, int titleLength) {
        List<DemandProfile.Evidence> found = new ArrayList<>();
        boolean stillbirth = CueContext.stillbirth(text);
        for (Cue cue : CUES) {
            Matcher m = cue.pattern().matcher(text);
            while (m.find()) {
                if (noEvidence(text, m.start())
                        || cue.kind() == Kind.GENERATION && CueContext.besideAChild(text, m.start(), m.end())) {
                    continue;
                }
                // old family as the writer's dependants (为了家中的老人): the writer's burden, not the elders' need
                if (cue.groups().contains(ELDERLY + STRONG) && CueContext.dependants(text, m.start(), m.end())) {
                    continue;
                }
                boolean weak = cue.kind() == Kind.WEAK || CueContext.inAList(text, m.start(), m.end())
                        || CueContext.headCount(text, m.start(), m.end());
                String mark = weak ? WEAK : "";
                if (cue.kind() == Kind.SCHOOLING && m.start() >= titleLength && !CueContext.speaksOfSchooling(text)) {
                    continue;
                }
                for (String g : cue.groups()) {
                    found.add(new DemandProfile.Evidence("g:" + g + mark, m.group(), m.start()));
                }
                for (String s : cue.stages()) {
                    // a baby in a stillbirth is the mother's matter (C21), as a baby just born is (C12)
                    if (!(s.equals(INFANT) && stillbirth)) {
                        found.add(new DemandProfile.Evidence("s:" + s + mark, m.group(), m.start()));
                    }
                }
            }
        }
        Matcher parent = OLD_PARENT.matcher(text);
        while (parent.find()) {
            if (CueContext.reasonForTheWritersAsk(text, parent.start(), parent.end())
                    || CueContext.someoneElsesParent(text, parent.start())
                    || CueContext.tookOverARetirement(text, parent.start(), parent.end())
                    || CueContext.ofTheDead(text, parent.start(), parent.end())) {
                continue;
            }
            // a parent in a list (儿女尚小、父母又年老) describes people in general, as any listed cue (C15)
            String mark = CueContext.inAList(text, parent.start(), parent.end()) ? WEAK : STRONG;
            found.add(new DemandProfile.Evidence("g:" + ELDERLY + mark, parent.group(), parent.start()));
            found.add(new DemandProfile.Evidence("s:" + OLD_AGE + mark, parent.group(), parent.start()));
        }
        addAges(text, found);
        found.sort(java.util.Comparator.comparingInt(DemandProfile.Evidence::start));
        Map<String, Tally> tallies = new LinkedHashMap<>();
        for (DemandProfile.Evidence e : found) {
            boolean strong = e.label().endsWith(STRONG);
            boolean weak = e.label().endsWith(WEAK);
            String key = strong || weak ? e.label().substring(0, e.label().length() - 1) : e.label();
            Tally tally = tallies.computeIfAbsent(key, k -> new Tally());
            DemandProfile.Evidence evidence = new DemandProfile.Evidence(key.substring(2), e.cue(), e.start());
            tally.count++;
            if (tally.first == null) {
                tally.first = evidence;
            }
            if (!weak && tally.firstFirm == null) {
                tally.firstFirm = evidence;
            }
            if (tally.firstStrong == null && (strong || e.start() < titleLength
                    || CueContext.aboutTheWriter(text, e.start()))) {
                tally.firstStrong = evidence;
            }
        }
        List<DemandProfile.Evidence> groups = new ArrayList<>();
        List<DemandProfile.Evidence> stages = new ArrayList<>();
        boolean kindergartenOnly = CueContext.kindergartenOnly(text);
        tallies.forEach((key, tally) -> {
            DemandProfile.Evidence evidence = tally.evidence();
            // children in kindergarten are not pupils (guide D8): their 上学 gives 儿童, not the group 学生
            if (evidence != null && !(kindergartenOnly && key.equals("g:学生"))) {
                (key.startsWith("g:") ? groups : stages).add(evidence);
            }
        });
        groups.sort(java.util.Comparator.comparingInt(DemandProfile.Evidence::start));
        stages.sort(java.util.Comparator.comparingInt(DemandProfile.Evidence::start));
        return new Found(List.copyOf(groups), List.copyOf(stages));
    }

    /**
     * A cue that is denied, part of a document's name, the party reported, a fear rather than a fact, or a yardstick
     * (低于低保, 父辈那代农民工).
     */
    private static boolean noEvidence(String text, int start) {
        return CueContext.negated(text, start) || CueContext.inDocumentName(text, start)
                || CueContext.reportedParty(text, start) || CueContext.hypothetical(text, start)
                || CueContext.yardstick(text, start);
    }

    /**
     * An age in years (六十多岁, 45岁): 60 and over is 老年 (and 老年人), 40–59 中年; none in a real-name report of
     * someone else, where the writer's age is their identification.
     */
    private static void addAges(String text, List<DemandProfile.Evidence> found) {
        if (CueContext.namedReport(text)) {
            return;
        }
        Matcher digits = AGE.matcher(text);
        while (digits.find()) {
            addAge(Integer.parseInt(digits.group(1)), digits.group(), digits.start(), text, found);
        }
        Matcher chinese = CHINESE_AGE.matcher(text);
        while (chinese.find()) {
            int tens = "四五六七八九".indexOf(chinese.group(1).charAt(0)) + 4;
            addAge(tens * 10, chinese.group(), chinese.start(), text, found);
        }
    }

    private static void addAge(int years, String cue, int start, String text, List<DemandProfile.Evidence> found) {
        if (years > 110 || CueContext.negated(text, start) || CueContext.notAPersonsAge(text, start,
                start + cue.length()) || CueContext.reasonForTheWritersAsk(text, start, start + cue.length())
                || CueContext.ofTheDead(text, start, start + cue.length())) {
            return;
        }
        if (years >= 60) {
            found.add(new DemandProfile.Evidence("g:" + ELDERLY + STRONG, cue, start));
            found.add(new DemandProfile.Evidence("s:" + OLD_AGE + STRONG, cue, start));
        } else if (years >= 40) {
            found.add(new DemandProfile.Evidence("s:中年" + STRONG, cue, start));
        }
    }

}
