package org.minyi.insight.forecast;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * Bands pooled over the series of one chart, each scaled by its own dispersion, on short overdispersed monthly-like
 * series: messages that come in clumps of three (so the variance is three times the Poisson one).
 */
class PooledConformalBandsTest {

    /** Poisson counts of a known rate (Knuth's method). */
    private static int poisson(Random random, double rate) {
        double limit = Math.exp(-rate);
        int k = 0;
        for (double p = random.nextDouble(); p > limit; p *= random.nextDouble()) {
            k++;
        }
        return k;
    }

    /** Counts in clumps of {@code clump}: mean {@code rate}, variance {@code clump × rate}. */
    private static double[] clumped(int n, double rate, int clump, long seed) {
        Random random = new Random(seed);
        double[] y = new double[n];
        for (int t = 0; t < n; t++) {
            y[t] = clump * poisson(random, rate / clump);
        }
        return y;
    }

    @Test
    void theDispersionOfASeriesIsItsVarianceOverThePoissonOneAndNeverBelowOne() {
        Forecaster mean = new Forecaster() {
            @Override
            public String name() {
                return "the true mean";
            }

            @Override
            public double[] forecast(double[] history, int horizon) {
                double[] f = new double[horizon];
                java.util.Arrays.fill(f, 30);
                return f;
            }
        };
        assertThat(PooledConformalBands.dispersion(clumped(400, 30, 3, 5), mean)).isCloseTo(3.0, within(0.5));
        assertThat(PooledConformalBands.dispersion(clumped(400, 30, 1, 5), mean)).isCloseTo(1.0, within(0.25));
        assertThat(PooledConformalBands.dispersion(new double[]{30, 30, 30, 30, 30, 30, 30, 30}, mean)).isEqualTo(1.0);
    }

    @Test
    void onShortOverdispersedSeriesPoolingHoldsNearlyWhatTheBandsSay() {
        List<double[]> set = new ArrayList<>();
        double[] rates = {8, 12, 20, 30, 45, 60, 10, 25};
        for (int i = 0; i < rates.length; i++) {
            set.add(clumped(32, rates[i], 3, 100 + i));
        }
        Forecaster model = new DampedTrendForecaster(0);
        List<Bands> bands = List.of(new PooledConformalBands(set));
        double[][] inside = new double[1][2];
        for (double[] y : set) {
            Backtest.Result r = Backtest.run(y, List.of(), model, bands, 3, 12);
            for (int b = 0; b < 1; b++) {
                inside[b][0] += r.coverage().get(b).inside80() / set.size();
                inside[b][1] += r.coverage().get(b).inside95() / set.size();
            }
        }
        // each series alone has 8..25 scores per step, too few for a 95 % rank; the pool of eight has enough
        assertThat(inside[0][1]).isBetween(0.92, 0.99);
        assertThat(inside[0][0]).isBetween(0.75, 0.92);
    }

    @Test
    void aBusySeriesKeepsItsOwnScaleInThePool() {
        double[] quiet = clumped(40, 5, 1, 1);
        double[] busy = clumped(40, 60, 3, 2);
        PooledConformalBands pooled = new PooledConformalBands(List.of(quiet, busy));
        Forecaster model = new DampedTrendForecaster(0);

        Ahead a = pooled.ahead(busy, model, 1);
        Ahead b = pooled.ahead(quiet, model, 1);
        // the busy, clumped series' band is wider relative to √forecast than the quiet Poisson one's
        double busyWidth = (a.high95()[0] - a.low95()[0]) / Math.sqrt(a.point()[0]);
        double quietWidth = (b.high95()[0] - b.low95()[0]) / Math.sqrt(b.point()[0]);
        assertThat(busyWidth).isGreaterThan(quietWidth);
        assertThat(b.low95()[0]).isGreaterThanOrEqualTo(0);
    }
}
