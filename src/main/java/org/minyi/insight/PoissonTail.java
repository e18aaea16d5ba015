package org.minyi.insight;

/** P(X ≤ k) for X ~ Poisson(λ), summed term by term in log space (exact for the counts a demand map holds). */
public final class PoissonTail {

    private PoissonTail() {
    }

    public static double atMost(long k, double lambda) {
        if (lambda <= 0) {
            return 1;
        }
        double logTerm = -lambda; // log P(X = 0)
        double sum = Math.exp(logTerm);
        for (long i = 1; i <= k; i++) {
            logTerm += Math.log(lambda) - Math.log(i);
            sum += Math.exp(logTerm);
        }
        return Math.min(1, sum);
    }
}
