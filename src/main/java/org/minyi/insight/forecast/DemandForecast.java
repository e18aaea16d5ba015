package org.minyi.insight.forecast;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.minyi.index.MessageFilter;
import org.minyi.index.MessageIndex;

/**
 * Counts per service domain and the forecast ahead with 80 % and 95 % bands (damped-trend exponential smoothing,
 * seasonal once two seasons are known; bands from its own past errors, see {@link Backtest#ahead}), for a chart that
 * draws the history solid and the forecast dashed.
 */
public final class DemandForecast {

    /** One domain: the counts of every period, then the periods ahead with their forecast and bands. */
    public record Series(String domain, double total, double[] actual, List<LocalDate> ahead, double[] point,
                         double[] low80, double[] high80, double[] low95, double[] high95) {
    }

    /** The shared axis of past periods and every domain's series, largest first. */
    public record Answer(String interval, String method, List<LocalDate> periods, List<Series> series) {
    }

    private DemandForecast() {
    }

    public static Answer of(MessageIndex index, MessageFilter filter, DomainCounts.Interval interval, ZoneId zone,
                            int horizon, int domains) {
        DomainCounts counts = DomainCounts.of(index, filter, interval, zone);
        Forecaster model = new DampedTrendForecaster(interval.season());
        List<LocalDate> ahead = new ArrayList<>();
        LocalDate next = counts.periods().isEmpty() ? null : counts.periods().getLast();
        for (int h = 0; h < horizon && next != null; h++) {
            next = interval.next(next);
            ahead.add(next);
        }
        List<Series> series = new ArrayList<>();
        for (Map.Entry<String, double[]> e : counts.counts().entrySet()) {
            double[] y = e.getValue();
            double total = Arrays.stream(y).sum();
            if (y.length < 2) {
                series.add(new Series(e.getKey(), total, y, List.of(), new double[0], new double[0], new double[0],
                        new double[0], new double[0]));
                continue;
            }
            Backtest.Ahead a = Backtest.ahead(y, model, horizon);
            series.add(new Series(e.getKey(), total, y, ahead, a.point(), a.low80(), a.high80(), a.low95(),
                    a.high95()));
        }
        series.sort((a, b) -> Double.compare(b.total(), a.total()));
        return new Answer(interval.name().toLowerCase(java.util.Locale.ROOT), model.name()
                + "; bands: empirical quantiles of its own h-step errors on the history (normal approximation when"
                + " fewer than 8); backtest: minyi evaluate forecast", counts.periods(),
                List.copyOf(series.subList(0, Math.min(domains, series.size()))));
    }
}
