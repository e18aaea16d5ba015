package org.minyi.insight;

/**
 * The ratio of two rates (events per 1,000 of a base) with a 95 % confidence interval by the normal approximation of
 * the log rate ratio: se(log RR) = √(1/a − 1/n + 1/b − 1/m) for a of n and b of m (the Katz interval). With no event
 * on either side there is no ratio (NaN).
 *
 * @param rateA events per 1,000 on side A
 * @param rateB events per 1,000 on side B
 * @param ratio rateA / rateB
 * @param low   lower 95 % bound of the ratio
 * @param high  upper 95 % bound
 */
public record RateRatio(double rateA, double rateB, double ratio, double low, double high) {

    private static final double Z95 = 1.959964;

    public static RateRatio of(long a, long n, long b, long m) {
        double rateA = n == 0 ? Double.NaN : 1000.0 * a / n;
        double rateB = m == 0 ? Double.NaN : 1000.0 * b / m;
        if (a == 0 || b == 0 || n == 0 || m == 0) {
            return new RateRatio(rateA, rateB, Double.NaN, Double.NaN, Double.NaN);
        }
        double ratio = rateA / rateB;
        double se = Math.sqrt(1.0 / a - 1.0 / n + 1.0 / b - 1.0 / m);
        return new RateRatio(rateA, rateB, ratio, Math.exp(Math.log(ratio) - Z95 * se),
                Math.exp(Math.log(ratio) + Z95 * se));
    }

    /** Whether the interval leaves out 1 (the two rates differ at the 5 % level). */
    public boolean differs() {
        return !Double.isNaN(ratio) && (low > 1 || high < 1);
    }
}
