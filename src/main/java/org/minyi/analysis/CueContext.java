package org.minyi.analysis;

import java.util.regex.Pattern;

/**
 * Where a group or age cue stands, and what that makes of it: the rules by which a word that names a group is yet
 * no evidence that the people concerned belong to it ({@code models/labels/GUIDE.md} §4.1). Each rule was written
 * from the training split's false answers; the held-out split only measures them.
 */
final class CueContext {

    /** Characters before a cue in which a negation cancels it. */
    private static final int NEGATION_WINDOW = 3;
    private static final Pattern NEGATION = Pattern.compile("不是|并非|并不是|非|没有|不属于|无");
    /** A negation reaches over a list: 不是低保户、特困户、残疾户 denies all three. */
    private static final Pattern NEGATED_LIST = Pattern.compile(
            "(?:不是|并非|不属于|没有)(?:[^，。！？；、,.!?;]{1,6}、)+$");
    private static final int LIST_WINDOW = 20;
    /** Characters before a cue in which a word for the writer makes the cue about them. */
    private static final int SELF_WINDOW = 8;
    private static final Pattern SELF = Pattern.compile("我|本人|咱|家里|家中|自己|作为");
    /** Words that make what follows in the clause the party complained about (举报个体户占道), not the writer. */
    private static final Pattern REPORTED = Pattern.compile("举报|容留|无证|违规|非法");
    /** A wrong done to the people named after it: they are the victims, not the party reported (举报…拖欠农民工工资). */
    private static final Pattern WRONGED = Pattern.compile("拖欠|强制|克扣|欺|殴打|侵害|侵占|逼|要求|威胁");
    private static final int CLAUSE_WINDOW = 40;
    private static final Pattern CLAUSE_END = Pattern.compile("[，。！？；：,!?;:\\n]");
    /** Characters before a cue in which a word of possibility makes it a fear, not a fact (可能终身残疾). */
    private static final int HYPOTHESIS_WINDOW = 4;
    private static final Pattern HYPOTHESIS = Pattern.compile("可能|恐怕|或将|以免|防止|避免");
    /**
     * An age that is a rule's limit, not a person's: 40周岁以下, 65岁时, 晋到了60岁, 年满60岁; and the retirement age
     * (男60岁退休, 延长60岁退休), unless the writer gives it as their own (今年60岁退休).
     */
    private static final Pattern LIMIT_AFTER = Pattern.compile("^(?:以下|以上|以内|之前|之后|前|后|时|左右|退休)");
    private static final Pattern LIMIT_BEFORE = Pattern.compile("(?:到了?|至|满|超过|不到|未满|不满|低于|高于)$");
    private static final Pattern OWN_AGE_BEFORE = Pattern.compile("现年|今年|已满|已年满|已经|我|平均年龄");
    /** A limit that names the old as the people concerned (60岁以上的老人, 年满90岁的老人) is an age after all. */
    private static final Pattern NAMES_THE_OLD = Pattern.compile("^.{0,4}?(?:老人|老年人)");
    /** A numeral just before an age makes it a range guessed about others: 三四十岁, 七，八十岁, 60-70岁. */
    private static final Pattern RANGE_BEFORE = Pattern.compile("[一二三四五六七八九十\\d][，,、\\-~－—至到]?$");

    /** Characters either side of a generation word in which the writer's child makes the writer a parent. */
    private static final int CHILD_WINDOW = 30;
    private static final Pattern CHILD = Pattern.compile("孩子|小孩|子女|儿子|女儿");
    /** A writer who identifies by a real-name report (实名举报) gives their age as identification, not as the need. */
    private static final Pattern NAMED_REPORT = Pattern.compile("实名举报");

    /** Words of schooling as a matter: schools, places, enrolment, the education office. */
    private static final Pattern SCHOOL_MATTER = Pattern.compile("学校|学位|招生|学区|入学|转学|教育局|老师|就读|升学");

    /** An old parent given as the reason for the writer's own ask (因父母年事已高想迁户口; 父亲八十岁需要人照顾). */
    private static final Pattern BECAUSE_BEFORE = Pattern.compile("(?:因|因为|由于)$");
    private static final Pattern CARE_AFTER = Pattern.compile("^[^。！？!?]{0,10}?(?:需要人照顾|需人照顾|要人照顾)");

    /**
     * Old family named as the writer's dependants or as waiting on the writer (为了家中的老人, 家中老人怎么办,
     * 家里老人和孩子都企盼我们回家): the writer's burden in the writer's own ask, not the elders' need (C17).
     */
    private static final Pattern DEPENDANT_BEFORE = Pattern.compile("(?:为了|赡养|供养|养活|抚养|照顾|上有)$");
    private static final Pattern DEPENDANT_AFTER = Pattern.compile(
            "^[^。！？!?，,]{0,6}?(?:怎么办|企盼|期盼|盼着|盼望|等着|指望|要养|要人养|靠我)");
    /** Death in the same sentence: the age or parent is of someone who died; the need is the survivors' (C18). */
    private static final Pattern DIED_BEFORE = Pattern.compile("(?:终年|享年|去世时|死亡时|离世时)$");
    private static final Pattern DIED_AFTER = Pattern.compile("^[^。！？!?]{0,80}?(?:去世|逝世|病故|死亡|身亡|遇难|过世|离世)");
    /** Someone else's parent (户主的父亲, 他母亲, 其父): not the writer's own people (C19). */
    private static final Pattern OTHERS_BEFORE = Pattern.compile("(?:他|她|其|户主|对方|邻居|业主|别人|他人)的?$");
    /** A parent's retirement the writer stepped into (父亲退休替补, 顶替父亲退休): the writer's job history (C20). */
    private static final Pattern TOOK_OVER_AFTER = Pattern.compile("^(?:替补|顶替|顶职|接班)");
    private static final Pattern TOOK_OVER_BEFORE = Pattern.compile("(?:顶替|接替|替补)$");
    /** A stillbirth: the baby is the mother's matter, no infant whose need is raised (C21). */
    private static final Pattern STILLBIRTH = Pattern.compile("胎死|死胎|死产|引产|胎停|停止胎心|胎心消失");

    /** A head count (一万多学生, 中学生4700余人): a population described, not people whose need is raised. */
    private static final Pattern COUNT_BEFORE = Pattern.compile(
            "(?:\\d+|[两二三四五六七八九十百千万]+|一[十百千万][一二三四五六七八九十百千万]*)(?:多|余)?(?:名|个|位)?$");
    private static final Pattern COUNT_AFTER = Pattern.compile("^\\d+(?:多|余)?(?:人|名)");

    /** Kindergarten as the schooling spoken of, and no school from primary on (guide D8, K1). */
    private static final Pattern KINDERGARTEN = Pattern.compile("幼儿园|幼教|入园|托班|小班|中班|大班");
    private static final Pattern SCHOOL = Pattern.compile("小学|中学|初中|高中|大学|学院|职校|中专|[一二三四五六]年级|初[一二三]|高[一二三]");

    /** A group used as a yardstick or a comparison, not as the people concerned (低于低保, 父辈那代农民工; K3). */
    private static final Pattern YARDSTICK_BEFORE = Pattern.compile(
            "(?:低于|不如|不及|比|相当于|高于|按照|参照|父辈|上一辈|老一辈|那代|那一代)[^，。！？,.!?]{0,2}$");

    private CueContext() {
    }

    /** The message's schooling is kindergarten only: 幼儿园 and the like, and no primary school or above. */
    static boolean kindergartenOnly(String text) {
        return KINDERGARTEN.matcher(text).find() && !SCHOOL.matcher(text).find();
    }

    /** The cue follows a word of comparison: a yardstick (工资低于低保) or another generation (父辈那代农民工). */
    static boolean yardstick(String text, int start) {
        return YARDSTICK_BEFORE.matcher(before(text, start, 6)).find();
    }

    /** The cue is counted as a population (一万多学生, 学生4700余人), not met as the people concerned. */
    static boolean headCount(String text, int start, int end) {
        return COUNT_BEFORE.matcher(before(text, start, 6)).find()
                || COUNT_AFTER.matcher(after(text, end, 8)).find();
    }

    /** The cue stands next to a 、 : one of a list of kinds of people (居住户、经营户和集资单位), not the writer's own. */
    static boolean inAList(String text, int start, int end) {
        return start > 0 && text.charAt(start - 1) == '、' || end < text.length() && text.charAt(end) == '、';
    }

    /** An old parent (or their age, start … end) given as the reason for the writer's own ask: the writer's need. */
    static boolean reasonForTheWritersAsk(String text, int start, int end) {
        return BECAUSE_BEFORE.matcher(before(text, start, 2)).find()
                || CARE_AFTER.matcher(after(text, end, 16)).find();
    }

    /** Old family (start … end) named as the writer's dependants or as waiting on the writer: the writer's burden. */
    static boolean dependants(String text, int start, int end) {
        return DEPENDANT_BEFORE.matcher(before(text, start, 3)).find()
                || DEPENDANT_AFTER.matcher(after(text, end, 16)).find();
    }

    /** An age or parent (start … end) of someone who died, said in the same sentence. */
    static boolean ofTheDead(String text, int start, int end) {
        return DIED_BEFORE.matcher(before(text, start, 4)).find()
                || DIED_AFTER.matcher(after(text, end, 90)).find();
    }

    /** A parent (starting at start) said to be someone else's: 户主的父亲, 他母亲. */
    static boolean someoneElsesParent(String text, int start) {
        return OTHERS_BEFORE.matcher(before(text, start, 3)).find();
    }

    /** A parent's retirement (start … end) the writer stepped into: 父亲退休替补, 顶替父亲退休. */
    static boolean tookOverARetirement(String text, int start, int end) {
        return TOOK_OVER_BEFORE.matcher(before(text, start, 2)).find()
                || TOOK_OVER_AFTER.matcher(after(text, end, 2)).find();
    }

    /** The message is about a stillbirth: a baby spoken of there is the mother's matter. */
    static boolean stillbirth(String text) {
        return STILLBIRTH.matcher(text).find();
    }

    /** The message speaks of schooling as a matter (学校, 学位, 入学 …), not only of a child who goes to school. */
    static boolean speaksOfSchooling(String text) {
        return SCHOOL_MATTER.matcher(text).find();
    }

    /** The writer's child spoken of close to the cue: the child is whose stage is raised. */
    static boolean besideAChild(String text, int start, int end) {
        return CHILD.matcher(text.substring(Math.max(0, start - CHILD_WINDOW), Math.min(text.length(),
                end + CHILD_WINDOW))).find();
    }

    /** A real-name report of someone else: the writer's age there identifies them. */
    static boolean namedReport(String text) {
        return NAMED_REPORT.matcher(text).find();
    }

    /** A negation just before the cue, or before the list the cue stands in. */
    static boolean negated(String text, int start) {
        if (NEGATION.matcher(before(text, start, NEGATION_WINDOW)).find()) {
            return true;
        }
        return NEGATED_LIST.matcher(before(text, start, LIST_WINDOW)).find();
    }

    /** A word for the writer (我, 本人, 家里 …) closely before the cue. */
    static boolean aboutTheWriter(String text, int start) {
        return SELF.matcher(before(text, start, SELF_WINDOW)).find();
    }

    /** The cue is part of a document's name in book-title marks (《…生活困难补助…通知》): a policy, not a person. */
    static boolean inDocumentName(String text, int start) {
        int open = text.lastIndexOf('《', start);
        return open >= 0 && text.lastIndexOf('》', start) < open && text.indexOf('》', start) > 0;
    }

    /** The cue names the party reported in its clause (举报…个体户, 无证商户), and no word for the writer is between. */
    static boolean reportedParty(String text, int start) {
        String clause = clauseBefore(text, start);
        var reported = REPORTED.matcher(clause);
        int last = -1;
        while (reported.find()) {
            last = reported.end();
        }
        if (last < 0) {
            return false;
        }
        String between = clause.substring(last);
        return !SELF.matcher(between).find() && !WRONGED.matcher(between).find();
    }

    /** A word of possibility just before the cue: a fear, not a fact. */
    static boolean hypothetical(String text, int start) {
        return HYPOTHESIS.matcher(before(text, start, HYPOTHESIS_WINDOW)).find();
    }

    /** An age (cue at start … end) that is a limit in a rule or a range guessed about others, not a person's age. */
    static boolean notAPersonsAge(String text, int start, int end) {
        if (RANGE_BEFORE.matcher(before(text, start, 4)).find()) {
            return true;
        }
        String after = after(text, end, 8);
        if (OWN_AGE_BEFORE.matcher(before(text, start, 8)).find() || NAMES_THE_OLD.matcher(after).find()) {
            return false;
        }
        return LIMIT_AFTER.matcher(after).find() || LIMIT_BEFORE.matcher(before(text, start, 4)).find();
    }

    /**
     * Up to {@code window} characters before {@code start}, spaces left out: texts may space their words (缴到 六十岁,
     * 男满 60 周岁, a segmented export), and a rule reads the words around a cue, not the spacing. Line breaks are kept:
     * they end a clause.
     */
    private static String before(String text, int start, int window) {
        StringBuilder kept = new StringBuilder(window);
        for (int i = start - 1; i >= 0 && kept.length() < window; i--) {
            if (!isSpace(text.charAt(i))) {
                kept.append(text.charAt(i));
            }
        }
        return kept.reverse().toString();
    }

    /** Up to {@code window} characters from {@code end} on, spaces left out (see {@link #before}). */
    private static String after(String text, int end, int window) {
        StringBuilder kept = new StringBuilder(window);
        for (int i = end; i < text.length() && kept.length() < window; i++) {
            if (!isSpace(text.charAt(i))) {
                kept.append(text.charAt(i));
            }
        }
        return kept.toString();
    }

    private static boolean isSpace(char c) {
        return c == ' ' || c == '\t' || c == '\u3000' || c == '\u00a0';
    }

    private static String clauseBefore(String text, int start) {
        String before = before(text, start, CLAUSE_WINDOW);
        var end = CLAUSE_END.matcher(before);
        int from = 0;
        while (end.find()) {
            from = end.end();
        }
        return before.substring(from);
    }
}
