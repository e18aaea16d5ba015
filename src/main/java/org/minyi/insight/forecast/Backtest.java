package org.minyi.insight.forecast;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Rolling-origin evaluation: from the first origin on, each forecaster is fitted on the history before the origin
 * and forecasts {@code horizon} periods; its mean absolute error is scaled by the in-sample mean absolute error of the
 * one-step naive forecast over the same history (MASE, Hyndman & Koehler 2006), so below 1 beats the naive method.
 * The intervals of the {@link #intervals} method are checked at the same origins: the share of actual counts inside.
 */
public final class Backtest {

    /** Figures of one forecaster on one series. */
    public record Score(String forecaster, double mase, int forecasts) {
    }

    /** A forecast ahead with empirical 80 % and 95 % bands. */
    public record Ahead(double[] point, double[] low80, double[] high80, double[] low95, double[] high95) {
    }

    /** The result on one series: every forecaster's MASE and the coverage of the intervals. */
    public record Result(List<Score> scores, double coverage80, double coverage95, int origins) {
    }

    private Backtest() {
    }

    /**
     * @param y          the series, oldest first
     * @param horizon    periods ahead at each origin
     * @param firstTrain history length at the first origin
     */
    public static Result run(double[] y, List<Forecaster> forecasters, Forecaster intervals, int horizon,
                             int firstTrain) {
        Map<String, double[]> sums = new LinkedHashMap<>();
        for (Forecaster f : forecasters) {
            sums.put(f.name(), new double[2]);
        }
        int inside80 = 0;
        int inside95 = 0;
        int checked = 0;
        int origins = 0;
        for (int origin = firstTrain; origin + horizon <= y.length; origin++) {
            double[] train = Arrays.copyOf(y, origin);
            double scale = naiveScale(train);
            if (scale == 0) {
                continue;
            }
            origins++;
            for (Forecaster f : forecasters) {
                double[] forecast = f.forecast(train, horizon);
                double[] sum = sums.get(f.name());
                for (int h = 0; h < horizon; h++) {
                    sum[0] += Math.abs(y[origin + h] - forecast[h]) / scale;
                    sum[1]++;
                }
            }
            Ahead ahead = ahead(train, intervals, horizon);
            for (int h = 0; h < horizon; h++) {
                double actual = y[origin + h];
                inside80 += actual >= ahead.low80()[h] && actual <= ahead.high80()[h] ? 1 : 0;
                inside95 += actual >= ahead.low95()[h] && actual <= ahead.high95()[h] ? 1 : 0;
                checked++;
            }
        }
        List<Score> scores = new ArrayList<>();
        sums.forEach((name, s) -> scores.add(new Score(name, s[1] == 0 ? Double.NaN : s[0] / s[1], (int) s[1])));
        return new Result(scores, checked == 0 ? Double.NaN : (double) inside80 / checked,
                checked == 0 ? Double.NaN : (double) inside95 / checked, origins);
    }

    /**
     * The forecast ahead with empirical bands: the h-step errors the forecaster made on the history itself (rolling
     * origins over its second half) give the 10/90 % and 2.5/97.5 % quantiles added to the point forecast; with
     * fewer than 8 errors for a step, ±1.28 and ±1.96 × their root mean square × √h instead. Bands stop at zero.
     */
    public static Ahead ahead(double[] history, Forecaster forecaster, int horizon) {
        double[] point = forecaster.forecast(history, horizon);
        List<List<Double>> errors = new ArrayList<>();
        for (int h = 0; h < horizon; h++) {
            errors.add(new ArrayList<>());
        }
        int n = history.length;
        for (int origin = Math.max(3, n / 2); origin < n; origin++) {
            double[] f = forecaster.forecast(Arrays.copyOf(history, origin), Math.min(horizon, n - origin));
            for (int h = 0; h < f.length; h++) {
                errors.get(h).add(history[origin + h] - f[h]);
            }
        }
        double[] low80 = new double[horizon];
        double[] high80 = new double[horizon];
        double[] low95 = new double[horizon];
        double[] high95 = new double[horizon];
        double oneStepRms = rms(errors.getFirst());
        for (int h = 0; h < horizon; h++) {
            List<Double> e = errors.get(h);
            if (e.size() >= 8) {
                double[] sorted = e.stream().mapToDouble(Double::doubleValue).sorted().toArray();
                low80[h] = point[h] + quantile(sorted, 0.10);
                high80[h] = point[h] + quantile(sorted, 0.90);
                low95[h] = point[h] + quantile(sorted, 0.025);
                high95[h] = point[h] + quantile(sorted, 0.975);
            } else {
                double sd = (Double.isNaN(oneStepRms) ? Math.sqrt(Math.max(1, point[h])) : oneStepRms)
                        * Math.sqrt(h + 1.0);
                low80[h] = point[h] - 1.2816 * sd;
                high80[h] = point[h] + 1.2816 * sd;
                low95[h] = point[h] - 1.96 * sd;
                high95[h] = point[h] + 1.96 * sd;
            }
            low80[h] = Math.max(0, low80[h]);
            low95[h] = Math.max(0, low95[h]);
        }
        return new Ahead(point, low80, high80, low95, high95);
    }

    private static double naiveScale(double[] train) {
        if (train.length < 2) {
            return 0;
        }
        double sum = 0;
        for (int i = 1; i < train.length; i++) {
            sum += Math.abs(train[i] - train[i - 1]);
        }
        return sum / (train.length - 1);
    }

    private static double rms(List<Double> e) {
        if (e.isEmpty()) {
            return Double.NaN;
        }
        return Math.sqrt(e.stream().mapToDouble(v -> v * v).sum() / e.size());
    }

    /** Linear interpolation between order statistics (type 7). */
    static double quantile(double[] sorted, double q) {
        double position = q * (sorted.length - 1);
        int low = (int) Math.floor(position);
        int high = Math.min(sorted.length - 1, low + 1);
        return sorted[low] + (position - low) * (sorted[high] - sorted[low]);
    }
}
