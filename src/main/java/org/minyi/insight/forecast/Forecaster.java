package org.minyi.insight.forecast;

/** Point forecasts of a count series some periods ahead, from its history alone. */
public interface Forecaster {

    String name();

    /**
     * @param history the counts so far, oldest first (at least one)
     * @param horizon how many periods ahead
     * @return the forecast for each of the next {@code horizon} periods
     */
    double[] forecast(double[] history, int horizon);
}
