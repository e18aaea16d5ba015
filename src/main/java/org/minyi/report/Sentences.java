package org.minyi.report;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.minyi.report.Briefing.Sentence;

/**
 * The sentence templates of a briefing. Every sentence states figures computed from the index, never free text, and
 * a sentence (or clause) whose figure rests on fewer than {@value #MIN_BASIS} messages is left out rather than
 * overstated: "负面占比上升 50%" of two messages says nothing.
 */
final class Sentences {

    /** Fewest messages a stated figure may rest on. */
    static final int MIN_BASIS = 5;

    private Sentences() {
    }

    static boolean enough(Figure figure) {
        return figure != null && figure.basis() >= MIN_BASIS;
    }

    /** 本期共收到留言 N 条，环比上升 x%（上期 M 条），同比下降 y%（去年同期 K 条）。 */
    static Optional<Sentence> volume(Figure now, Figure before, Figure yearAgo) {
        if (!enough(now)) {
            return Optional.empty();
        }
        List<Figure> used = new ArrayList<>(List.of(now));
        StringBuilder text = new StringBuilder("本期共收到留言" + now.shown() + "条");
        if (enough(before)) {
            text.append("，环比").append(change(now.value(), before.value())).append("（上期").append(before.shown())
                    .append("条）");
            used.add(before);
        }
        if (enough(yearAgo)) {
            text.append("，同比").append(change(now.value(), yearAgo.value())).append("（去年同期")
                    .append(yearAgo.shown()).append("条）");
            used.add(yearAgo);
        }
        return Optional.of(new Sentence(text.append("。").toString(), used));
    }

    /** 负面留言占 x%，较上期上升 d 个百分点。 */
    static Optional<Sentence> negativeShare(Figure now, Figure before) {
        if (!enough(now)) {
            return Optional.empty();
        }
        List<Figure> used = new ArrayList<>(List.of(now));
        StringBuilder text = new StringBuilder("负面留言占" + now.shown());
        if (enough(before)) {
            text.append("，较上期").append(points(now.value(), before.value()));
            used.add(before);
        }
        return Optional.of(new Sentence(text.append("。").toString(), used));
    }

    /** 答复率 x%；答复用时中位数 m 天（上期 n 天）。 */
    static Optional<Sentence> replies(Figure rate, Figure median, Figure medianBefore) {
        if (!enough(rate)) {
            return Optional.empty();
        }
        List<Figure> used = new ArrayList<>(List.of(rate));
        StringBuilder text = new StringBuilder("答复率" + rate.shown());
        if (enough(median)) {
            text.append("，已答复留言的答复用时中位数为").append(median.shown()).append("天");
            used.add(median);
            if (enough(medianBefore)) {
                text.append("（上期").append(medianBefore.shown()).append("天）");
                used.add(medianBefore);
            }
        }
        return Optional.of(new Sentence(text.append("。").toString(), used));
    }

    /** “label”：N 条留言（from 至 to），负面占 x%，主要在 regions。热在：why。 */
    static Optional<Sentence> hotspot(String label, Figure count, Figure negative, String span, String regions,
                                      String why, List<Figure> whyFigures) {
        if (!enough(count)) {
            return Optional.empty();
        }
        List<Figure> used = new ArrayList<>(List.of(count, negative));
        used.addAll(whyFigures);
        String text = "“" + label + "”：" + count.shown() + "条留言（" + span + "），负面占" + negative.shown()
                + (regions.isEmpty() ? "" : "，主要在" + regions) + "。" + (why.isEmpty() ? "" : "热在" + why + "。");
        return Optional.of(new Sentence(text, used));
    }

    /** 诉求“key”有 N 条留言提出，如：“example”。 */
    static Optional<Sentence> demand(String key, Figure count, String example) {
        if (!enough(count)) {
            return Optional.empty();
        }
        String quoted = example == null || example.isBlank() ? "" : "，如：“" + shorten(example, 60) + "”";
        return Optional.of(new Sentence("诉求“" + key + "”有" + count.shown() + "条留言提出" + quoted + "。",
                List.of(count)));
    }

    /** “name”负面占比由上期 p（a/b 条）升至 c（x/y 条）。 */
    static Optional<Sentence> attitudeShift(String name, Figure now, Figure before) {
        if (!enough(now) || !enough(before)) {
            return Optional.empty();
        }
        String verb = now.value() >= before.value() ? "升至" : "降至";
        return Optional.of(new Sentence("“" + name + "”的负面占比由上期" + before.shown() + "（" + before.basis()
                + "条中）" + verb + now.shown() + "（" + now.basis() + "条中），" + points(now.value(), before.value())
                + "。", List.of(now, before)));
    }

    /** 答复用时最长的是 agency：中位数 m 天（N 条答复）。 */
    static Optional<Sentence> slowestAgency(String agency, Figure replied, Figure median) {
        if (!enough(replied) || !enough(median)) {
            return Optional.empty();
        }
        return Optional.of(new Sentence("答复用时最长的是" + agency + "：" + replied.shown() + "条答复，中位数"
                + median.shown() + "天。", List.of(replied, median)));
    }

    /** 新出现的诉求“key”：本期 N 条，上期没有。 */
    static Optional<Sentence> newDemand(String key, Figure now, Figure before) {
        if (!enough(now)) {
            return Optional.empty();
        }
        return Optional.of(new Sentence("新出现的诉求“" + key + "”：本期" + now.shown() + "条，上期" + before.shown()
                + "条。", List.of(now, before)));
    }

    /**
     * “domain”在 column 有 N 条留言，答复率仅 x%（总体 y%）；答复用时中位数 m 天（总体 n 天）。Needs voiced, replies rare
     * or slow; the delay clause only when it rests on enough replies.
     */
    static Optional<Sentence> slowReply(String domain, String column, Figure count, Figure replyRate,
                                        Figure overallRate, Figure median, Figure overallMedian) {
        if (!enough(count) || !enough(replyRate)) {
            return Optional.empty();
        }
        List<Figure> used = new ArrayList<>(List.of(count, replyRate));
        StringBuilder text = new StringBuilder("“" + domain + "”在" + column + "有" + count.shown() + "条留言，答复率"
                + replyRate.shown());
        if (enough(overallRate)) {
            text.append("（总体").append(overallRate.shown()).append("）");
            used.add(overallRate);
        }
        if (enough(median) && enough(overallMedian)) {
            text.append("，答复用时中位数").append(median.shown()).append("天（总体").append(overallMedian.shown())
                    .append("天）");
            used.add(median);
            used.add(overallMedian);
        }
        return Optional.of(new Sentence(text.append("。").toString(), used));
    }

    /** “domain”在 column 只有 N 条留言，按该地区留言量与该领域在各地区的占比应有约 E 条，可能是覆盖盲区。 */
    static Optional<Sentence> blindSpot(String domain, String column, Figure observed, Figure expected) {
        if (!enough(observed) || !enough(expected)) {
            return Optional.empty();
        }
        return Optional.of(new Sentence("“" + domain + "”在" + column + "只有" + observed.shown()
                + "条留言，按该地区的留言量与该领域在各地区的占比应有约" + expected.shown() + "条，可能是覆盖盲区。",
                List.of(observed, expected)));
    }

    /**
     * what 的留言由上期 M 条增至 N 条（增加 d 条）。Stated when the larger of the two counts is enough, like a new demand:
     * an exact count of 0 or 3 last period is not an estimate, the change is.
     */
    static Optional<Sentence> countChange(String what, Figure now, Figure before) {
        if (!enough(now) && !enough(before)) {
            return Optional.empty();
        }
        long diff = Math.round(now.value() - before.value());
        if (diff == 0) {
            return Optional.empty();
        }
        return Optional.of(new Sentence(what + "的留言由上期" + before.shown() + "条" + (diff > 0 ? "增至" : "降至")
                + now.shown() + "条（" + (diff > 0 ? "增加" : "减少") + count(Math.abs(diff)) + "条）。",
                List.of(now, before)));
    }

    /** 满意度指数最高的是 a（x，N 条留言），最低的是 b（y，M 条留言）。 */
    static Optional<Sentence> satisfactionRange(String best, Figure bestIndex, Figure bestMessages, String worst,
                                                Figure worstIndex, Figure worstMessages) {
        if (!enough(bestMessages) || !enough(worstMessages) || best.equals(worst)) {
            return Optional.empty();
        }
        return Optional.of(new Sentence("满意度指数最高的是" + best + "（" + bestIndex.shown() + "，" + bestMessages.shown()
                + "条留言），最低的是" + worst + "（" + worstIndex.shown() + "，" + worstMessages.shown() + "条留言）。",
                List.of(bestIndex, bestMessages, worstIndex, worstMessages)));
    }

    /** 上升 12.5% / 下降 3.0% / 持平. */
    static String change(double now, double before) {
        if (before == 0) {
            return "无可比基数";
        }
        double pct = (now - before) / before * 100;
        if (Math.abs(pct) < 0.05) {
            return "持平";
        }
        return (pct > 0 ? "上升" : "下降") + String.format(Locale.ROOT, "%.1f%%", Math.abs(pct));
    }

    /** 上升 2.3 个百分点. */
    static String points(double now, double before) {
        double pp = (now - before) * 100;
        if (Math.abs(pp) < 0.05) {
            return "持平";
        }
        return (pp > 0 ? "上升" : "下降") + String.format(Locale.ROOT, "%.1f个百分点", Math.abs(pp));
    }

    static String count(long n) {
        return String.format(Locale.ROOT, "%,d", n);
    }

    static String percent(double share) {
        return String.format(Locale.ROOT, "%.1f%%", share * 100);
    }

    /** An index or an expected count, to one decimal. */
    static String decimal(double value) {
        return String.format(Locale.ROOT, "%.1f", value);
    }

    static String days(double days) {
        return String.format(Locale.ROOT, "%.1f", days);
    }

    static String shorten(String text, int max) {
        String flat = text.replaceAll("\\s+", " ").strip();
        return flat.length() <= max ? flat : flat.substring(0, max) + "…";
    }
}
