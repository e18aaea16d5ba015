package org.minyi.insight.forecast;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.minyi.index.MessageFilter;
import org.minyi.index.MessageIndex;

/**
 * Counts per service domain or per region and the forecast ahead with 80 % and 95 % bands (damped-trend exponential
 * smoothing, seasonal once two seasons are known; conformal bands from its out-of-sample errors, see
 * {@link ConformalBands}), for a chart that draws the history solid and the forecast dashed. A last period that is
 * not over (the current week or month, or data that stop before its end) is left out of the history: its part count
 * would drag the forecast down; the forecast starts with that period instead. Regions are forecast
 * only where the counts allow: on average at least {@value #MIN_REGION_PER_WEEK} messages a week over the whole
 * timeline (so about 8.7 a month), the same regions weekly and monthly.
 */
public final class DemandForecast {

    /** A region needs this many messages a week on average to be forecast: below, the bands are mostly noise. */
    public static final double MIN_REGION_PER_WEEK = 2.0;

    /**
     * One domain or region ({@code domain} names it either way, for the clients written before regions): the counts
     * of every period, then the periods ahead with their forecast and bands.
     */
    public record Series(String domain, double total, double[] actual, List<LocalDate> ahead, double[] point,
                         double[] low80, double[] high80, double[] low95, double[] high95) {
    }

    /**
     * The shared axis of past periods and every series, largest first; {@code left} counts the regions left out
     * for too few messages; {@code partial} is the period left out because it is not over (null when none).
     */
    public record Answer(String interval, String by, String method, List<LocalDate> periods, List<Series> series,
                         int left, LocalDate partial) {
    }

    private DemandForecast() {
    }

    public static Answer of(MessageIndex index, MessageFilter filter, PeriodCounts.Interval interval, ZoneId zone,
                            int horizon, int domains) {
        return of(index, filter, interval, zone, horizon, domains, PeriodCounts.By.DOMAIN, Locale.CHINESE);
    }

    public static Answer of(MessageIndex index, MessageFilter filter, PeriodCounts.Interval interval, ZoneId zone,
                            int horizon, int limit, PeriodCounts.By by, Locale language) {
        return of(index, filter, interval, zone, horizon, limit, by, language, LocalDate.now(zone));
    }

    /** @param today the day the forecast is made: a period not over by then is left out */
    public static Answer of(MessageIndex index, MessageFilter filter, PeriodCounts.Interval interval, ZoneId zone,
                            int horizon, int limit, PeriodCounts.By by, Locale language, LocalDate today) {
        PeriodCounts counted = PeriodCounts.of(index, filter, interval, zone, by);
        PeriodCounts all = counted.withoutPartialLast(interval, today);
        PeriodCounts counts = by == PeriodCounts.By.REGION ? all.busierThan(MIN_REGION_PER_WEEK * interval.weeks())
                : all;
        Forecaster model = new DampedTrendForecaster(interval.season());
        Bands bands = new ConformalBands();
        List<LocalDate> ahead = new ArrayList<>();
        LocalDate next = counts.periods().isEmpty() ? null : counts.periods().getLast();
        for (int h = 0; h < horizon && next != null; h++) {
            next = interval.next(next);
            ahead.add(next);
        }
        List<Map.Entry<String, double[]>> largest = counts.counts().entrySet().stream()
                .sorted((a, b) -> Double.compare(Arrays.stream(b.getValue()).sum(), Arrays.stream(a.getValue()).sum()))
                .limit(limit).toList();
        List<Series> series = new ArrayList<>();
        for (Map.Entry<String, double[]> e : largest) {
            double[] y = e.getValue();
            double total = Arrays.stream(y).sum();
            if (y.length < 2) {
                series.add(new Series(e.getKey(), total, y, List.of(), new double[0], new double[0], new double[0],
                        new double[0], new double[0]));
                continue;
            }
            Ahead a = bands.ahead(y, model, horizon);
            series.add(new Series(e.getKey(), total, y, ahead, a.point(), a.low80(), a.high80(), a.low95(),
                    a.high95()));
        }
        return new Answer(interval.name().toLowerCase(Locale.ROOT), by.name().toLowerCase(Locale.ROOT),
                method(by, language), counts.periods(), List.copyOf(series),
                all.counts().size() - counts.counts().size(), all.partialLeftOut(counted));
    }

    /** The method in words, Chinese unless English was asked for. */
    static String method(PeriodCounts.By by, Locale language) {
        boolean english = Locale.ENGLISH.getLanguage().equals(language.getLanguage());
        String regions = by == PeriodCounts.By.REGION
                ? (english ? String.format(" Regions (district or county) are forecast only with at least %.0f"
                + " messages a week on average.", MIN_REGION_PER_WEEK)
                : String.format("地区（区县）平均每周至少 %.0f 条留言才做预测。", MIN_REGION_PER_WEEK))
                : "";
        return english
                ? "Damped-trend exponential smoothing (Holt–Winters, seasonal once two full seasons are known). Bands:"
                + " split-conformal quantiles of its out-of-sample errors at every earlier origin, per step ahead,"
                + " scaled by the Poisson spread √forecast, with the finite-sample (n+1) correction, never narrower"
                + " than the Poisson spread itself, whole counts, never below zero. The last period is left out when"
                + " it is not over (the current week or month, or data that stop before its end): its part count"
                + " would drag the forecast down; the forecast starts with it. Backtest: minyi evaluate"
                + " forecast." + regions
                : "阻尼趋势指数平滑（Holt–Winters，已有两个完整季节周期时加入季节项）。区间：分步计算模型在此前每个预测起点上的"
                + "样本外误差，按泊松离散度 √预测值 标准化后取分裂共形（split conformal）分位数，含有限样本 (n+1) 校正；"
                + "区间不窄于泊松离散本身，取整数计数，下限不低于 0。最后一个周期若尚未结束（本周、本月，或数据止于周期中途），"
                + "不计入历史（不完整的计数会把预测拉低），预测从该周期开始。回测：minyi evaluate forecast。" + regions;
    }
}
