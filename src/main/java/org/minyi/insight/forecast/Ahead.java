package org.minyi.insight.forecast;

/**
 * A forecast some periods ahead with its 80 % and 95 % bands, one entry per period; the bands never go below zero.
 */
public record Ahead(double[] point, double[] low80, double[] high80, double[] low95, double[] high95) {

    /** Whether {@code actual} lies in the 80 % (or else 95 %) band of step {@code h}. */
    public boolean inside(int h, double actual, boolean eighty) {
        return eighty ? actual >= low80[h] && actual <= high80[h] : actual >= low95[h] && actual <= high95[h];
    }
}
