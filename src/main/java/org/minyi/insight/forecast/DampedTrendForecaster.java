package org.minyi.insight.forecast;

/**
 * Exponential smoothing with an additive damped trend (Gardner's damped Holt; ETS(A,Ad,N) without the state-space
 * intervals), optionally with additive seasonality (Holt–Winters) when the history holds two full seasons. The
 * smoothing weights are chosen on a coarse grid by the one-step-ahead squared error of the history itself; forecasts
 * are kept at zero or above (counts).
 */
public final class DampedTrendForecaster implements Forecaster {

    private static final double[] ALPHAS = {0.1, 0.2, 0.3, 0.5, 0.7, 0.9};
    private static final double[] BETAS = {0.0, 0.05, 0.1, 0.2};
    private static final double[] GAMMAS = {0.0, 0.1, 0.3};
    private static final double PHI = 0.9;

    private final int season;

    /** @param season periods per season, or 0 for none */
    public DampedTrendForecaster(int season) {
        this.season = season;
    }

    @Override
    public String name() {
        return season > 1 ? "holt-winters damped(" + season + ")" : "holt damped";
    }

    @Override
    public double[] forecast(double[] y, int horizon) {
        boolean seasonal = season > 1 && y.length >= 2 * season;
        double bestError = Double.MAX_VALUE;
        double[] best = null;
        for (double alpha : ALPHAS) {
            for (double beta : BETAS) {
                for (double gamma : seasonal ? GAMMAS : new double[]{0}) {
                    double[] result = run(y, alpha, beta, gamma, seasonal, horizon);
                    if (result[horizon] < bestError) {
                        bestError = result[horizon];
                        best = result;
                    }
                }
            }
        }
        double[] out = new double[horizon];
        for (int h = 0; h < horizon; h++) {
            out[h] = Math.max(0, best[h]);
        }
        return out;
    }

    /** The forecasts for 1..horizon followed by the sum of squared one-step errors. */
    private double[] run(double[] y, double alpha, double beta, double gamma, boolean seasonal, int horizon) {
        int m = seasonal ? season : 1;
        double[] s = new double[m];
        double level;
        double trend = 0;
        int start;
        if (seasonal) {
            double first = mean(y, 0, m);
            double second = mean(y, m, 2 * m);
            level = first;
            trend = (second - first) / m;
            for (int i = 0; i < m; i++) {
                s[i] = y[i] - first;
            }
            start = m;
        } else {
            level = y[0];
            trend = y.length > 1 ? y[1] - y[0] : 0;
            start = 1;
        }
        double sse = 0;
        for (int t = start; t < y.length; t++) {
            double season = seasonal ? s[t % m] : 0;
            double predicted = level + PHI * trend + season;
            double error = y[t] - predicted;
            sse += error * error;
            double previousLevel = level;
            level = alpha * (y[t] - season) + (1 - alpha) * (level + PHI * trend);
            trend = beta * (level - previousLevel) + (1 - beta) * PHI * trend;
            if (seasonal) {
                s[t % m] = gamma * (y[t] - level) + (1 - gamma) * season;
            }
        }
        double[] out = new double[horizon + 1];
        double damp = 0;
        for (int h = 1; h <= horizon; h++) {
            damp += Math.pow(PHI, h);
            out[h - 1] = level + damp * trend + (seasonal ? s[(y.length + h - 1) % m] : 0);
        }
        out[horizon] = sse;
        return out;
    }

    private static double mean(double[] y, int from, int to) {
        double sum = 0;
        for (int i = from; i < to; i++) {
            sum += y[i];
        }
        return sum / (to - from);
    }
}
