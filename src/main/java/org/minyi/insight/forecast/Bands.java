package org.minyi.insight.forecast;

/** A way to put 80 % and 95 % bands around a forecaster's point forecasts. */
public interface Bands {

    /** A short name for tables and the API. */
    String name();

    /**
     * The forecast after {@code history} with its bands, from {@code history} alone (a backtest hands it the counts
     * before each origin, so nothing after the origin can leak in).
     */
    Ahead ahead(double[] history, Forecaster model, int horizon);
}
