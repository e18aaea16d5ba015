package org.minyi.insight.forecast;

import java.util.Arrays;

/**
 * Split-conformal bands from the forecaster's out-of-sample record on the history. At every earlier origin (from
 * {@value #MIN_HISTORY} counts on) the forecaster is fitted on the counts before that origin only and forecasts
 * ahead; each h-step error is scored against the Poisson spread of its forecast, |y − f| / √max(f, 1) (a locally
 * weighted score: busy periods are allowed larger errors, as counts are; raw errors under-covered small series and
 * errors relative to the forecast gave bands twice as wide in the backtest). The band of step h is
 * f ± q·√max(f, 1) with q the ⌈(n + 1)·level⌉-th smallest of that step's n scores — the finite-sample correction of
 * split conformal prediction (Vovk et al. 2005; Lei et al. 2018 for weighted scores) — and q never below z (1.28 for
 * 80 %, 1.96 for 95 %): the spread a count has even when its Poisson rate is known exactly. With fewer scores than the
 * correction needs (level / (1 − level): 4 for 80 %, 19 for 95 %), the 95 % q is the larger of the 80 % one
 * × 1.96 / 1.28 (a normal tail) and the largest score (which holds a new score with probability n / (n + 1), the
 * nearest to 95 % the scores allow; the normal tail alone held 0.88 of the monthly counts), and the 80 % q is z × their
 * root mean square. Bounds are the whole counts inside the band (a count is inside exactly when it is
 * inside the real-valued band) and stop at zero. Conformal guarantees assume exchangeable errors, which bursts of
 * messages are not; the backtest ({@code minyi evaluate forecast}) measures what the bands hold on the real
 * timelines.
 */
public final class ConformalBands implements Bands {

    static final int MIN_HISTORY = 4;
    private static final double Z80 = 1.2816;
    private static final double Z95 = 1.9600;

    @Override
    public String name() {
        return "conformal";
    }

    @Override
    public Ahead ahead(double[] history, Forecaster model, int horizon) {
        double[] point = model.forecast(history, horizon);
        double[][] scores = scores(history, model, horizon);
        double[] low80 = new double[horizon];
        double[] high80 = new double[horizon];
        double[] low95 = new double[horizon];
        double[] high95 = new double[horizon];
        for (int h = 0; h < horizon; h++) {
            double spread = spread(point[h]);
            double q80 = quantile(scores[h], 0.80, Z80);
            double q95 = Math.max(q80, supports(scores[h], 0.95) ? quantile(scores[h], 0.95, Z95)
                    : Math.max(q80 * Z95 / Z80, largest(scores[h])));
            // the whole counts inside the band: the same counts are in, so the same coverage, and no rounding slack
            low80[h] = Math.max(0, Math.ceil(point[h] - q80 * spread));
            high80[h] = Math.floor(point[h] + q80 * spread);
            low95[h] = Math.max(0, Math.ceil(point[h] - q95 * spread));
            high95[h] = Math.floor(point[h] + q95 * spread);
        }
        return new Ahead(point, low80, high80, low95, high95);
    }

    /** Per step ahead, the scores of every earlier origin whose actual count the history holds, sorted. */
    static double[][] scores(double[] history, Forecaster model, int horizon) {
        int n = history.length;
        double[][] scores = new double[horizon][];
        int[] filled = new int[horizon];
        for (int h = 0; h < horizon; h++) {
            scores[h] = new double[Math.max(0, n - MIN_HISTORY - h)];
        }
        for (int origin = MIN_HISTORY; origin < n; origin++) {
            double[] f = model.forecast(Arrays.copyOf(history, origin), Math.min(horizon, n - origin));
            for (int h = 0; h < f.length; h++) {
                scores[h][filled[h]++] = Math.abs(history[origin + h] - f[h]) / spread(f[h]);
            }
        }
        for (double[] s : scores) {
            Arrays.sort(s);
        }
        return scores;
    }

    /** The largest score, or 0 without any: with n scores it still holds a new one with probability n / (n + 1). */
    static double largest(double[] sorted) {
        return sorted.length == 0 ? 0 : sorted[sorted.length - 1];
    }

    /** Whether there are enough scores for the finite-sample rank at {@code level}. */
    static boolean supports(double[] sorted, double level) {
        return sorted.length > 0 && Math.ceil((sorted.length + 1) * level) <= sorted.length;
    }

    /**
     * The conformal quantile of sorted scores at {@code level}, never below the Poisson floor {@code z}; with fewer
     * scores than the finite-sample rule needs, z × their root mean square (a normal approximation).
     */
    static double quantile(double[] sorted, double level, double z) {
        int n = sorted.length;
        if (n == 0) {
            return z;
        }
        if (supports(sorted, level)) {
            return Math.max(z, sorted[(int) Math.ceil((n + 1) * level) - 1]);
        }
        double squares = 0;
        for (double s : sorted) {
            squares += s * s;
        }
        return Math.max(z, z * Math.sqrt(squares / n));
    }

    /** The Poisson standard deviation of a count forecast, at least that of a count of one. */
    static double spread(double forecast) {
        return Math.sqrt(Math.max(1, forecast));
    }
}
