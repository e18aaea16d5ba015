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
 * Each band method is checked at the same origins around the model's forecast, from the history before the origin
 * only: the share of actual counts inside its 80 % and 95 % bands, and their mean width.
 */
public final class Backtest {

    /** Figures of one forecaster on one series. */
    public record Score(String forecaster, double mase, int forecasts) {
    }

    /**
     * Figures of one band method: the share of actual counts inside, the mean width of the bands, and per origin
     * (index into the series) how many of its steps ahead fell outside the 95 % band: misses that crowd into a few
     * origins are one shock, not bands too narrow everywhere.
     */
    public record Coverage(String bands, double inside80, double inside95, double width80, double width95,
                           int[] missed95ByOrigin) {
    }

    /** The result on one series: every forecaster's MASE and every band method's coverage. */
    public record Result(List<Score> scores, List<Coverage> coverage, int origins) {
    }

    private Backtest() {
    }

    /**
     * @param y          the series, oldest first
     * @param model      the forecaster the bands are put around
     * @param horizon    periods ahead at each origin
     * @param firstTrain history length at the first origin
     */
    public static Result run(double[] y, List<Forecaster> forecasters, Forecaster model, List<Bands> bands,
                             int horizon, int firstTrain) {
        Map<String, double[]> sums = new LinkedHashMap<>();
        for (Forecaster f : forecasters) {
            sums.put(f.name(), new double[2]);
        }
        double[][] tallies = new double[bands.size()][5]; // inside 80, inside 95, width 80, width 95, checked
        int[][] missed = new int[bands.size()][y.length];
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
            for (int b = 0; b < bands.size(); b++) {
                Ahead ahead = bands.get(b).ahead(train, model, horizon);
                double[] tally = tallies[b];
                for (int h = 0; h < horizon; h++) {
                    double actual = y[origin + h];
                    tally[0] += ahead.inside(h, actual, true) ? 1 : 0;
                    tally[1] += ahead.inside(h, actual, false) ? 1 : 0;
                    missed[b][origin] += ahead.inside(h, actual, false) ? 0 : 1;
                    tally[2] += ahead.high80()[h] - ahead.low80()[h];
                    tally[3] += ahead.high95()[h] - ahead.low95()[h];
                    tally[4]++;
                }
            }
        }
        List<Score> scores = new ArrayList<>();
        sums.forEach((name, s) -> scores.add(new Score(name, s[1] == 0 ? Double.NaN : s[0] / s[1], (int) s[1])));
        List<Coverage> coverage = new ArrayList<>();
        for (int b = 0; b < bands.size(); b++) {
            double[] t = tallies[b];
            double checked = t[4] == 0 ? Double.NaN : t[4];
            coverage.add(new Coverage(bands.get(b).name(), t[0] / checked, t[1] / checked, t[2] / checked,
                    t[3] / checked, missed[b]));
        }
        return new Result(scores, coverage, origins);
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
}
