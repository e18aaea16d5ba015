package org.minyi.insight.forecast;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Conformal bands whose scores are pooled over a set of series on one axis (the domains, or the regions, of one
 * chart), each score first divided by its own series' dispersion. {@link ConformalBands} scores each series alone:
 * a monthly series of 30 periods has 8 to 25 scores per step, too few for a 95 % rank, and its errors are
 * overdispersed beyond the Poisson spread √f by bursts that one series' short past may not yet hold.
 * <p>
 * Here every series' out-of-sample errors (the model refitted at each earlier origin, from {@value
 * ConformalBands#MIN_HISTORY} counts on) are scored as |y − f| / √(φ·max(f, 1)), where φ is that series' quasi-Poisson
 * dispersion: the mean squared Pearson residual (y − f)² / max(f, 1) of its own one-step errors, never below 1 (the
 * Poisson variance). The scores of all series of the set, each cut to the same history (nothing after the origin), are
 * pooled per step ahead; the band of step h is f ± q·√(φ·max(f, 1)) with φ the series' own dispersion and q the
 * ⌈(n + 1)·level⌉-th smallest of the n pooled scores (split-conformal, finite-sample corrected), never below z
 * (1.28, 1.96). A series with few scores so borrows the shape of the other series' errors and keeps its own scale.
 * Whole counts inside, never below zero, as {@link ConformalBands}.
 */
public final class PooledConformalBands implements Bands {

    private static final double Z80 = 1.2816;
    private static final double Z95 = 1.9600;

    private final List<double[]> set;
    /** Scores and dispersion of series i cut to n periods, per (i, n): the same at every origin that asks. */
    private final Map<Long, Scored> cache = new HashMap<>();

    /** The scores of one series' history: per step ahead, |error| / √max(f, 1); and its dispersion φ. */
    private record Scored(double[][] raw, double dispersion) {
    }

    /** @param set every series of the set, whole, on one axis of periods (a history handed in is one of them cut) */
    public PooledConformalBands(List<double[]> set) {
        this.set = List.copyOf(set);
    }

    @Override
    public String name() {
        return "pooled conformal";
    }

    @Override
    public Ahead ahead(double[] history, Forecaster model, int horizon) {
        double[] point = model.forecast(history, horizon);
        int n = history.length;
        List<Scored> pooled = new ArrayList<>();
        Scored own = null;
        for (int i = 0; i < set.size(); i++) {
            double[] series = set.get(i);
            if (series.length < n) {
                continue;
            }
            Scored scored = scored(i, series, n, model, horizon);
            pooled.add(scored);
            if (own == null && Arrays.equals(series, 0, n, history, 0, n)) {
                own = scored;
            }
        }
        if (own == null) { // a history from outside the set: its own scores join the pool
            own = score(history, model, horizon);
            pooled.add(own);
        }
        double[] low80 = new double[horizon];
        double[] high80 = new double[horizon];
        double[] low95 = new double[horizon];
        double[] high95 = new double[horizon];
        for (int h = 0; h < horizon; h++) {
            double[] scores = standardised(pooled, h);
            double q80 = ConformalBands.quantile(scores, 0.80, Z80);
            double q95 = Math.max(q80, ConformalBands.supports(scores, 0.95) ? ConformalBands.quantile(scores, 0.95,
                    Z95) : Math.max(q80 * Z95 / Z80, ConformalBands.largest(scores)));
            double spread = Math.sqrt(own.dispersion()) * ConformalBands.spread(point[h]);
            low80[h] = Math.max(0, Math.ceil(point[h] - q80 * spread));
            high80[h] = Math.floor(point[h] + q80 * spread);
            low95[h] = Math.max(0, Math.ceil(point[h] - q95 * spread));
            high95[h] = Math.floor(point[h] + q95 * spread);
        }
        return new Ahead(point, low80, high80, low95, high95);
    }

    /** Step h's scores of every series in the pool, each divided by √ its dispersion, sorted. */
    private static double[] standardised(List<Scored> pooled, int h) {
        int size = 0;
        for (Scored s : pooled) {
            size += h < s.raw().length ? s.raw()[h].length : 0;
        }
        double[] all = new double[size];
        int k = 0;
        for (Scored s : pooled) {
            if (h >= s.raw().length) {
                continue;
            }
            double scale = Math.sqrt(s.dispersion());
            for (double r : s.raw()[h]) {
                all[k++] = r / scale;
            }
        }
        Arrays.sort(all);
        return all;
    }

    private Scored scored(int i, double[] series, int n, Forecaster model, int horizon) {
        long key = ((long) i << 32) | n;
        Scored cached = cache.get(key);
        if (cached == null || cached.raw().length < horizon) {
            cached = score(Arrays.copyOf(series, n), model, horizon);
            cache.put(key, cached);
        }
        return cached;
    }

    /** The history's scores per step and its quasi-Poisson dispersion from the one-step Pearson residuals. */
    static Scored score(double[] history, Forecaster model, int horizon) {
        double[][] raw = ConformalBands.scores(history, model, horizon);
        double squares = 0;
        for (double r : raw[0]) {
            squares += r * r;
        }
        double dispersion = raw[0].length == 0 ? 1 : Math.max(1, squares / raw[0].length);
        return new Scored(raw, dispersion);
    }

    /** The quasi-Poisson dispersion of a history's one-step errors (at least 1), for tests and tables. */
    static double dispersion(double[] history, Forecaster model) {
        return score(history, model, 1).dispersion();
    }
}
