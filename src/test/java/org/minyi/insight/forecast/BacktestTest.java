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
                new SeasonalNaiveForecaster(12)), new DampedTrendForecaster(12), 3, 36);

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
        Backtest.Result r = Backtest.run(y, List.of(new NaiveForecaster()), new NaiveForecaster(), 1, 100);

        assertThat(r.scores().getFirst().mase()).isCloseTo(1.0, within(0.15));
    }

    @Test
    void bandsAreNestedNeverNegativeAndCoverRoughlyWhatTheySay() {
        double[] y = seasonal(120, 5);
        Backtest.Ahead ahead = Backtest.ahead(y, new SeasonalNaiveForecaster(12), 3);
        for (int h = 0; h < 3; h++) {
            assertThat(ahead.low95()[h]).isLessThanOrEqualTo(ahead.low80()[h]).isGreaterThanOrEqualTo(0);
            assertThat(ahead.high95()[h]).isGreaterThanOrEqualTo(ahead.high80()[h]);
            assertThat(ahead.point()[h]).isBetween(ahead.low80()[h], ahead.high80()[h]);
        }
        Backtest.Result r = Backtest.run(y, List.of(new SeasonalNaiveForecaster(12)), new SeasonalNaiveForecaster(12),
                1, 60);
        assertThat(r.coverage95()).isGreaterThan(0.8);
        assertThat(r.coverage80()).isBetween(0.6, 0.95);
    }

    @Test
    void quantilesInterpolateBetweenOrderStatistics() {
        assertThat(Backtest.quantile(new double[]{1, 2, 3, 4, 5}, 0.5)).isEqualTo(3.0);
        assertThat(Backtest.quantile(new double[]{0, 10}, 0.25)).isEqualTo(2.5);
    }
}
