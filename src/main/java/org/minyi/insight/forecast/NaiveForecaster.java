package org.minyi.insight.forecast;

import java.util.Arrays;

/** The last value, carried forward: the yardstick of MASE. */
public final class NaiveForecaster implements Forecaster {

    @Override
    public String name() {
        return "naive";
    }

    @Override
    public double[] forecast(double[] history, int horizon) {
        double[] out = new double[horizon];
        Arrays.fill(out, history[history.length - 1]);
        return out;
    }
}
