package org.minyi.insight.forecast;

/** The value one season earlier (12 months, 52 weeks); the last value while the history is shorter than a season. */
public final class SeasonalNaiveForecaster implements Forecaster {

    private final int season;

    public SeasonalNaiveForecaster(int season) {
        this.season = season;
    }

    @Override
    public String name() {
        return "seasonal-naive(" + season + ")";
    }

    @Override
    public double[] forecast(double[] history, int horizon) {
        int n = history.length;
        double[] out = new double[horizon];
        for (int h = 0; h < horizon; h++) {
            if (n < season) {
                out[h] = history[n - 1];
            } else {
                int back = n - season + (h % season);
                out[h] = history[back];
            }
        }
        return out;
    }
}
