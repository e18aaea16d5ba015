package org.minyi.insight.forecast;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The first band method, kept as the yardstick the backtest compares {@link ConformalBands} with: the h-step errors
 * the forecaster made at the origins of the history's second half give the 10/90 % and 2.5/97.5 % quantiles added to
 * the point forecast; with fewer than 8 errors for a step, ±1.28 and ±1.96 × their root mean square × √h instead.
 * It under-covers: few, recent errors and quantiles without a finite-sample correction.
 */
public final class OwnErrorBands implements Bands {

    @Override
    public String name() {
        return "own-error quantiles";
    }

    @Override
    public Ahead ahead(double[] history, Forecaster forecaster, int horizon) {
        double[] point = forecaster.forecast(history, horizon);
        List<List<Double>> errors = new ArrayList<>();
        for (int h = 0; h < horizon; h++) {
            errors.add(new ArrayList<>());
        }
        int n = history.length;
        for (int origin = Math.max(3, n / 2); origin < n; origin++) {
            double[] f = forecaster.forecast(Arrays.copyOf(history, origin), Math.min(horizon, n - origin));
            for (int h = 0; h < f.length; h++) {
                errors.get(h).add(history[origin + h] - f[h]);
            }
        }
        double[] low80 = new double[horizon];
        double[] high80 = new double[horizon];
        double[] low95 = new double[horizon];
        double[] high95 = new double[horizon];
        double oneStepRms = rms(errors.getFirst());
        for (int h = 0; h < horizon; h++) {
            List<Double> e = errors.get(h);
            if (e.size() >= 8) {
                double[] sorted = e.stream().mapToDouble(Double::doubleValue).sorted().toArray();
                low80[h] = point[h] + quantile(sorted, 0.10);
                high80[h] = point[h] + quantile(sorted, 0.90);
                low95[h] = point[h] + quantile(sorted, 0.025);
                high95[h] = point[h] + quantile(sorted, 0.975);
            } else {
                double sd = (Double.isNaN(oneStepRms) ? Math.sqrt(Math.max(1, point[h])) : oneStepRms)
                        * Math.sqrt(h + 1.0);
                low80[h] = point[h] - 1.2816 * sd;
                high80[h] = point[h] + 1.2816 * sd;
                low95[h] = point[h] - 1.96 * sd;
                high95[h] = point[h] + 1.96 * sd;
            }
            low80[h] = Math.max(0, low80[h]);
            low95[h] = Math.max(0, low95[h]);
        }
        return new Ahead(point, low80, high80, low95, high95);
    }

    private static double rms(List<Double> e) {
        if (e.isEmpty()) {
            return Double.NaN;
        }
        return Math.sqrt(e.stream().mapToDouble(v -> v * v).sum() / e.size());
    }

    /** Linear interpolation between order statistics (type 7). */
    static double quantile(double[] sorted, double q) {
        double position = q * (sorted.length - 1);
        int low = (int) Math.floor(position);
        int high = Math.min(sorted.length - 1, low + 1);
        return sorted[low] + (position - low) * (sorted[high] - sorted[low]);
    }
}
