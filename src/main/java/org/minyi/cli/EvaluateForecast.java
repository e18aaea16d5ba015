package org.minyi.cli;

import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import org.minyi.MinYiSettings;
import org.minyi.MinYiStack;
import org.minyi.index.MessageFilter;
import org.minyi.index.lucene.IndexLockedException;
import org.minyi.insight.forecast.Ahead;
import org.minyi.insight.forecast.Backtest;
import org.minyi.insight.forecast.Bands;
import org.minyi.insight.forecast.ConformalBands;
import org.minyi.insight.forecast.DemandForecast;
import org.minyi.insight.forecast.DampedTrendForecaster;
import org.minyi.insight.forecast.PeriodCounts;
import org.minyi.insight.forecast.Forecaster;
import org.minyi.insight.forecast.NaiveForecaster;
import org.minyi.insight.forecast.PooledConformalBands;
import org.minyi.insight.forecast.SeasonalNaiveForecaster;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code minyi evaluate forecast}: per service domain (or per region), the weekly or monthly message counts of the
 * index, backtested with rolling origins — MASE of damped-trend exponential smoothing beside the naive and
 * seasonal-naive methods in the same run, and how often the actual counts fell inside the 80 % and 95 % bands of the
 * pooled conformal method the service uses and of per-series conformal bands (the method before it), with their mean
 * widths — then the
 * forecast ahead with its bands. While a service holds the index, the counts come from the service's API.
 * <p>
 * No Java forecasting library was taken: on Maven Central, com.workday:timeseries-forecast (ARIMA by
 * Hannan–Rissanen with orders chosen by the caller, 1.1.1) and com.github.signaflo:timeseries (ARIMA, pre-release
 * 0.4, "early development") are both idle for years, and either gives only Gaussian intervals from the model itself —
 * the in-sample kind of band that under-covered here; the count-aware conformal bands need the forecaster's
 * out-of-sample record, which a few lines over any point forecaster give.
 */
@Command(name = "forecast", mixinStandardHelpOptions = true,
        description = "Backtest the per-domain or per-region count forecasts (rolling origins, MASE vs naive and"
                + " seasonal naive, band coverage and width).")
final class EvaluateForecast implements Callable<Integer> {

    @Option(names = "--by", defaultValue = "domain", description = "domain or region (regions with at least "
            + DemandForecast.MIN_REGION_PER_WEEK + " messages a week on average; default: ${DEFAULT-VALUE})")
    String by;

    @Option(names = "--interval", defaultValue = "month", description = "week or month (default: ${DEFAULT-VALUE})")
    String interval;

    @Option(names = "--horizon", description = "periods ahead (default: 3 months or 4 weeks)")
    Integer horizon;

    @Option(names = "--first-train", description = "history at the first origin (default: 12 months or 26 weeks)")
    Integer firstTrain;

    @Option(names = "--min-messages", defaultValue = "100",
            description = "domains with fewer messages are left out (default: ${DEFAULT-VALUE})")
    int minMessages;

    @Option(names = "--source", split = ",", description = "only messages of these sources (e.g. the Teddy board:"
            + " teddy2020-votes,teddy2020-replies); default every source")
    java.util.Set<String> sources = java.util.Set.of();

    @Option(names = "--from", description = "only messages from this day on (yyyy-mm-dd)")
    java.time.LocalDate from;

    @Option(names = "--to", description = "only messages before this day (yyyy-mm-dd)")
    java.time.LocalDate to;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        return CommandErrors.run(spec, this::execute);
    }

    /**
     * The same counts from the running service's demand-map forecast (GET /api/demand-map/forecast), whose
     * {@code actual} series are these counts, at most 50 domains, largest first; null (said why) when it refused.
     */
    private PeriodCounts countsFromService(ServiceClient service, MinYiSettings settings) {
        StringBuilder query = new StringBuilder("/api/demand-map/forecast?interval=" + interval.strip()
                + "&by=" + by.strip() + "&horizon=1&domains=50");
        if (from != null) {
            query.append("&from=").append(from.atStartOfDay(settings.zone()).toInstant());
        }
        if (to != null) {
            query.append("&to=").append(to.atStartOfDay(settings.zone()).toInstant()); // a timestamp is exclusive
        }
        for (String source : sources) {
            query.append("&source=").append(java.net.URLEncoder.encode(source, java.nio.charset.StandardCharsets.UTF_8));
        }
        try {
            tools.jackson.databind.JsonNode answer = service.get(query.toString());
            if (answer == null) {
                return null;
            }
            List<java.time.LocalDate> periods = new ArrayList<>();
            answer.get("periods").forEach(p -> periods.add(java.time.LocalDate.parse(p.asString())));
            Map<String, double[]> byDomain = new java.util.TreeMap<>();
            for (tools.jackson.databind.JsonNode series : answer.get("series")) {
                double[] actual = new double[periods.size()];
                for (int i = 0; i < actual.length; i++) {
                    actual[i] = series.get("actual").get(i).asDouble();
                }
                byDomain.put(series.get("domain").asString(), actual);
            }
            return new PeriodCounts(periods, byDomain);
        } catch (java.io.IOException e) {
            spec.commandLine().getErr().println("cannot ask the service: " + e.getMessage());
            return null;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return null;
        }
    }

    private Integer execute() {
        PrintWriter out = spec.commandLine().getOut();
        MinYiSettings settings = MinYiSettings.fromSystemProperties();
        PeriodCounts.Interval every = PeriodCounts.Interval.parse(interval);
        PeriodCounts.By grouping = PeriodCounts.By.parse(by);
        int ahead = horizon != null ? horizon : every == PeriodCounts.Interval.MONTH ? 3 : 4;
        int first = firstTrain != null ? firstTrain : every == PeriodCounts.Interval.MONTH ? 12 : 26;
        PeriodCounts counts;
        try (MinYiStack stack = MinYiStack.open(settings)) {
            MessageFilter filter = new MessageFilter(null, null, null, null, null, sources,
                    from == null ? null : from.atStartOfDay(settings.zone()).toInstant(),
                    to == null ? null : to.atStartOfDay(settings.zone()).toInstant());
            counts = PeriodCounts.of(stack.index(), filter, every, settings.zone(), grouping);
        } catch (IndexLockedException e) {
            ServiceClient service = ServiceClient.local(spec.commandLine().getErr());
            spec.commandLine().getErr().println("The index is held by a running MinYi service; asking it at "
                    + service.base() + " for the counts");
            counts = countsFromService(service, settings);
            if (counts == null) {
                return CommandErrors.BAD_INPUT;
            }
        }
        // as the service does: a last period not over (this week or month, or data that stop mid-period) is left out
        PeriodCounts whole = counts.withoutPartialLast(every, java.time.LocalDate.now(settings.zone()));
        java.time.LocalDate partial = whole.partialLeftOut(counts);
        counts = whole;
        if (counts.periods().size() < first + ahead) {
            out.printf("only %d %ss of messages: too short a timeline for a backtest from %d%n",
                    counts.periods().size(), interval, first);
            return 1;
        }
        if (grouping == PeriodCounts.By.REGION) {
            counts = counts.busierThan(DemandForecast.MIN_REGION_PER_WEEK * every.weeks());
        }
        int season = every.season();
        Forecaster model = new DampedTrendForecaster(season);
        List<Forecaster> all = List.of(model, new NaiveForecaster(), new SeasonalNaiveForecaster(season));
        // the service's bands (each series' own conformal scores) beside an alternative tried for the monthly
        // under-coverage: the scores of the whole set pooled, each scaled by its own series' dispersion
        List<Bands> bands = List.of(new ConformalBands(), new PooledConformalBands(List.copyOf(counts.counts()
                .values())));
        String what = grouping == PeriodCounts.By.REGION ? "region" : "domain";
        out.printf("sources %s, from %s, to %s%n", sources.isEmpty() ? "all" : sources, from, to);
        out.printf("%s counts per %s%s, %s to %s (%d periods); rolling origins from %d periods of history, %d ahead;"
                        + " MASE scaled by the in-sample one-step naive MAE at each origin%n",
                interval, what, grouping == PeriodCounts.By.REGION ? String.format(" (district or county, at least"
                        + " %.0f messages a week on average)", DemandForecast.MIN_REGION_PER_WEEK) : "",
                counts.periods().getFirst(), counts.periods().getLast(), counts.periods().size(), first, ahead);
        out.printf("last period left out as not over: %s%n", partial == null ? "none" : partial);
        out.printf("bands around %s: share of actual counts inside the 80%% and 95%% bands and their mean width,"
                + " the service's (%s) -> the alternative (%s)%n%n", model.name(), bands.get(0).name(),
                bands.get(1).name());
        out.printf("%-14s %6s %7s %9s %7s %8s %15s %15s %15s %15s%n", "series", "total", "origins",
                model.name().split("\\(")[0].replace("holt-winters ", "hw "), "naive", "s-naive",
                "in 80%", "in 95%", "width 80%", "width 95%");
        double[] sums = new double[11];
        int[] missedByOrigin = new int[counts.periods().size()];
        int series = 0;
        List<String> aheadLines = new ArrayList<>();
        for (Map.Entry<String, double[]> e : counts.counts().entrySet()) {
            double total = java.util.Arrays.stream(e.getValue()).sum();
            if (total < minMessages) {
                continue;
            }
            Backtest.Result r = Backtest.run(e.getValue(), all, model, bands, ahead, first);
            int[] missed = r.coverage().get(0).missed95ByOrigin();
            for (int o = 0; o < missed.length; o++) {
                missedByOrigin[o] += missed[o];
            }
            Backtest.Coverage before = r.coverage().get(0);
            Backtest.Coverage after = r.coverage().get(1);
            double[] row = {r.scores().get(0).mase(), r.scores().get(1).mase(), r.scores().get(2).mase(),
                before.inside80(), after.inside80(), before.inside95(), after.inside95(), before.width80(),
                after.width80(), before.width95(), after.width95()};
            out.println(row(String.format("%-14s %6.0f %7d", e.getKey(), total, r.origins()), row));
            for (int i = 0; i < row.length; i++) {
                sums[i] += row[i];
            }
            series++;
            Ahead next = bands.get(1).ahead(e.getValue(), model, ahead);
            StringBuilder line = new StringBuilder(String.format("%-14s", e.getKey()));
            for (int h = 0; h < ahead; h++) {
                line.append(String.format("  %.0f [%.0f–%.0f | %.0f–%.0f]", next.point()[h], next.low80()[h],
                        next.high80()[h], next.low95()[h], next.high95()[h]));
            }
            aheadLines.add(line.toString());
        }
        if (series > 0) {
            for (int i = 0; i < sums.length; i++) {
                sums[i] /= series;
            }
            out.println(row(String.format("%-14s %6s %7s", "mean of " + series, "", ""), sums));
        }
        int allMissed = java.util.Arrays.stream(missedByOrigin).sum();
        StringBuilder where = new StringBuilder();
        for (int o = 0; o < missedByOrigin.length; o++) {
            if (missedByOrigin[o] > 0) {
                where.append(String.format(" %s:%d", counts.periods().get(o), missedByOrigin[o]));
            }
        }
        out.printf("%nforecasts outside the 95%% band (%s), summed over the series, by origin (the first period"
                + " forecast): %d in all;%s%n", bands.get(0).name(), allMissed, where);
        out.printf("%nforecast after %s, %d %ss ahead: point [80%% band | 95%% band] (bands: %s)%n",
                counts.periods().getLast(), ahead, interval, bands.get(1).name());
        aheadLines.forEach(out::println);
        return 0;
    }

    /** One table row: MASE of the three forecasters, then coverage and width before -> after. */
    private static String row(String head, double[] v) {
        return String.format("%s %9.3f %7.3f %8.3f %7.2f->%.2f %7.2f->%.2f %7.1f->%-5.1f %7.1f->%-5.1f", head, v[0],
                v[1], v[2], v[3], v[4], v[5], v[6], v[7], v[8], v[9], v[10]);
    }
}
