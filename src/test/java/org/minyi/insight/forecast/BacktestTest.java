package org.minyi.insight.forecast;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** Forecasters and their rolling-origin backtest on series whose answer is known. */
class BacktestTest {

    private static double[] seasonal(int n, long seed) {
        Random random = new Random(seed);
        double[] y = new double[n];
        for (int t = 0; t < n; t++) {
            y[t] = 50 + 30 * Math.sin(2 * Math.PI * t / 12) + random.nextGaussian() * 2;
        }
        return y;
    }

    @Test
    void onAStrongSeasonTheSeasonalMethodsBeatTheNaiveOne() {
        double[] y = seasonal(60, 3);
        Backtest.Result r = Backtest.run(y, List.of(new DampedTrendForecaster(12), new NaiveForecaster(),
                new SeasonalNaiveForecaster(12)), new DampedTrendForecaster(12), List.of(), 3, 36);

        double holtWinters = r.scores().get(0).mase();
        double naive = r.scores().get(1).mase();
        double seasonalNaive = r.scores().get(2).mase();
        assertThat(seasonalNaive).isLessThan(naive);
        assertThat(holtWinters).isLessThan(naive);
        assertThat(r.origins()).isEqualTo(60 - 36 - 3 + 1);
    }

    @Test
    void aDampedTrendFollowsARisingLineBetterThanTheLastValue() {
        double[] y = new double[40];
        for (int t = 0; t < y.length; t++) {
            y[t] = 10 + 2 * t;
        }
        double[] forecast = new DampedTrendForecaster(0).forecast(y, 3);

        assertThat(forecast[0]).isGreaterThan(y[39]);
        assertThat(forecast[2]).isGreaterThan(forecast[0]);
    }

    @Test
    void theNaiveMethodScoresAMaseNearOneOnARandomWalk() {
        Random random = new Random(11);
        double[] y = new double[400];
        y[0] = 100;
        for (int t = 1; t < y.length; t++) {
            y[t] = y[t - 1] + random.nextGaussian();
        }
        Backtest.Result r = Backtest.run(y, List.of(new NaiveForecaster()), new NaiveForecaster(), List.of(), 1, 100);

        assertThat(r.scores().getFirst().mase()).isCloseTo(1.0, within(0.15));
    }

    /** Poisson counts with a known, constant rate (Knuth's method; rates here are small). */
    private static double[] poisson(int n, double rate, long seed) {
        Random random = new Random(seed);
        double[] y = new double[n];
        double limit = Math.exp(-rate);
        for (int t = 0; t < n; t++) {
            int k = 0;
            for (double p = random.nextDouble(); p > limit; p *= random.nextDouble()) {
                k++;
            }
            y[t] = k;
        }
        return y;
    }

    @Test
    void conformalBandsHoldWhatTheySayOnPoissonCountsOfAKnownRate() {
        double[] y = poisson(160, 6, 7);
        Backtest.Result r = Backtest.run(y, List.of(), new DampedTrendForecaster(0), List.of(new ConformalBands()), 4,
                40);

        Backtest.Coverage c = r.coverage().getFirst();
        assertThat(c.inside80()).isBetween(0.78, 0.95);
        assertThat(c.inside95()).isBetween(0.93, 1.0);
        // not absurdly wide: at most two counts wider than the exact central Poisson(6) bands 3..9 and 2..11
        assertThat(c.width80()).isLessThanOrEqualTo(8);
        assertThat(c.width95()).isLessThanOrEqualTo(11);
    }

    @Test
    void conformalBandsAreNestedWholeCountsAndNeverNegativeEvenForRareCounts() {
        double[] y = poisson(80, 0.4, 9);
        Ahead ahead = new ConformalBands().ahead(y, new DampedTrendForecaster(0), 4);
        for (int h = 0; h < 4; h++) {
            assertThat(ahead.low95()[h]).isGreaterThanOrEqualTo(0).isLessThanOrEqualTo(ahead.low80()[h]);
            assertThat(ahead.high95()[h]).isGreaterThanOrEqualTo(ahead.high80()[h]);
            assertThat(ahead.point()[h]).isBetween(ahead.low80()[h], ahead.high80()[h]);
            assertThat(ahead.high80()[h]).isEqualTo(Math.rint(ahead.high80()[h])).isGreaterThanOrEqualTo(1);
            assertThat(ahead.low80()[h]).isEqualTo(Math.rint(ahead.low80()[h]));
        }
    }

    @Test
    void aBandIsNeverNarrowerThanThePoissonSpreadOfItsForecastEvenWhenThePastWasPredictedExactly() {
        double[] y = new double[30];
        java.util.Arrays.fill(y, 25);
        Ahead ahead = new ConformalBands().ahead(y, new NaiveForecaster(), 2);

        // errors were all zero, yet a count of rate 25 spreads by 5: every count within 1.28 × 5 (80 %) and 1.96 × 5
        // (95 %) of the forecast is inside
        assertThat(ahead.low80()[0]).isLessThanOrEqualTo(Math.ceil(25 - 1.2816 * 5));
        assertThat(ahead.high80()[0]).isGreaterThanOrEqualTo(Math.floor(25 + 1.2816 * 5));
        assertThat(ahead.low95()[0]).isLessThanOrEqualTo(Math.ceil(25 - 1.96 * 5));
        assertThat(ahead.high95()[0]).isGreaterThanOrEqualTo(Math.floor(25 + 1.96 * 5));
    }

    @Test
    void theConformalQuantileTakesTheFiniteSampleRankAndNeedsEnoughScoresForIt() {
        double[] nineteen = new double[19];
        for (int i = 0; i < nineteen.length; i++) {
            nineteen[i] = i + 1; // 1..19
        }
        // ⌈(19 + 1) × 0.8⌉ = 16th smallest, not the 15.4th of a plain quantile
        assertThat(ConformalBands.quantile(nineteen, 0.80, 0)).isEqualTo(16.0);
        // ⌈20 × 0.95⌉ = 19: the largest score
        assertThat(ConformalBands.quantile(nineteen, 0.95, 0)).isEqualTo(19.0);
        // 18 scores cannot give a 95 % rank (⌈19 × 0.95⌉ = 19 > 18): a normal approximation, z × root mean square
        double[] eighteen = java.util.Arrays.copyOf(nineteen, 18);
        assertThat(ConformalBands.supports(nineteen, 0.95)).isTrue();
        assertThat(ConformalBands.supports(eighteen, 0.95)).isFalse();
        assertThat(ConformalBands.quantile(new double[]{1, 1, 1}, 0.80, 1.2816)).isEqualTo(1.2816);
        assertThat(ConformalBands.quantile(new double[]{2, 2, 2}, 0.80, 1.2816)).isCloseTo(2 * 1.2816, within(1e-9));
        // never below the Poisson floor z
        assertThat(ConformalBands.quantile(new double[]{0, 0, 0, 0, 0}, 0.80, 1.2816)).isEqualTo(1.2816);
    }

    @Test
    void withTooFewScoresForA95PercentRankTheBandStillHoldsTheLargestPastError() {
        double[] y = {3, 4, 2, 5, 3, 14, 4, 3, 5, 4, 3, 6}; // a burst among 8 scores of one step ahead
        Forecaster model = new NaiveForecaster();
        double[] scores = ConformalBands.scores(y, model, 1)[0];
        Ahead ahead = new ConformalBands().ahead(y, model, 1);

        assertThat(ConformalBands.supports(scores, 0.95)).isFalse();
        double point = ahead.point()[0];
        assertThat(ahead.high95()[0]).isGreaterThanOrEqualTo(
                Math.floor(point + ConformalBands.largest(scores) * ConformalBands.spread(point)));
    }

    @Test
    void theBacktestBuildsEachOriginsBandsFromTheCountsBeforeItOnly() {
        double[] y = poisson(60, 5, 13);
        double[] spiked = y.clone();
        spiked[59] = 500; // a burst in the very last period
        Bands bands = new ConformalBands();
        Forecaster model = new DampedTrendForecaster(0);
        Ahead before = bands.ahead(java.util.Arrays.copyOf(y, 50), model, 4);
        Ahead beforeSpiked = bands.ahead(java.util.Arrays.copyOf(spiked, 50), model, 4);

        assertThat(beforeSpiked.high95()).containsExactly(before.high95());
        Backtest.Result r = Backtest.run(spiked, List.of(), model, List.of(bands), 4, 40);
        assertThat(r.coverage().getFirst().inside95()).isLessThan(1.0); // the burst itself falls outside
    }

    @Test
    void theFirstBandsAreNestedNeverNegativeAndCoverRoughlyWhatTheySayOnAStableSeason() {
        double[] y = seasonal(120, 5);
        Ahead ahead = new OwnErrorBands().ahead(y, new SeasonalNaiveForecaster(12), 3);
        for (int h = 0; h < 3; h++) {
            assertThat(ahead.low95()[h]).isLessThanOrEqualTo(ahead.low80()[h]).isGreaterThanOrEqualTo(0);
            assertThat(ahead.high95()[h]).isGreaterThanOrEqualTo(ahead.high80()[h]);
            assertThat(ahead.point()[h]).isBetween(ahead.low80()[h], ahead.high80()[h]);
        }
        Backtest.Result r = Backtest.run(y, List.of(new SeasonalNaiveForecaster(12)), new SeasonalNaiveForecaster(12),
                List.of(new OwnErrorBands()), 1, 60);
        assertThat(r.coverage().getFirst().inside95()).isGreaterThan(0.8);
        assertThat(r.coverage().getFirst().inside80()).isBetween(0.6, 0.95);
    }

    @Test
    void quantilesInterpolateBetweenOrderStatistics() {
        assertThat(OwnErrorBands.quantile(new double[]{1, 2, 3, 4, 5}, 0.5)).isEqualTo(3.0);
        assertThat(OwnErrorBands.quantile(new double[]{0, 10}, 0.25)).isEqualTo(2.5);
    }
}
