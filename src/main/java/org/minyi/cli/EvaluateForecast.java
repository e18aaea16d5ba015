package org.minyi.cli;

import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import org.minyi.MinYiSettings;
import org.minyi.MinYiStack;
import org.minyi.index.MessageFilter;
import org.minyi.index.lucene.IndexLockedException;
import org.minyi.insight.forecast.Backtest;
import org.minyi.insight.forecast.DampedTrendForecaster;
import org.minyi.insight.forecast.DomainCounts;
import org.minyi.insight.forecast.Forecaster;
import org.minyi.insight.forecast.NaiveForecaster;
import org.minyi.insight.forecast.SeasonalNaiveForecaster;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code minyi evaluate forecast}: per service domain, the weekly or monthly message counts of the index, backtested
 * with rolling origins — MASE of damped-trend exponential smoothing beside the naive and seasonal-naive methods in the
 * same run, and how often the actual counts fell inside the 80 % and 95 % bands — then the forecast ahead with its
 * bands. While a service holds the index, the counts come from the service's API.
 */
@Command(name = "forecast", mixinStandardHelpOptions = true,
        description = "Backtest the per-domain count forecasts (rolling origins, MASE vs naive and seasonal naive).")
final class EvaluateForecast implements Callable<Integer> {

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
    private DomainCounts countsFromService(ServiceClient service, MinYiSettings settings) {
        StringBuilder query = new StringBuilder("/api/demand-map/forecast?interval=" + interval.strip()
                + "&horizon=1&domains=50");
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
            return new DomainCounts(periods, byDomain);
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
        DomainCounts.Interval every = DomainCounts.Interval.parse(interval);
        int ahead = horizon != null ? horizon : every == DomainCounts.Interval.MONTH ? 3 : 4;
        int first = firstTrain != null ? firstTrain : every == DomainCounts.Interval.MONTH ? 12 : 26;
        DomainCounts counts;
        try (MinYiStack stack = MinYiStack.open(settings)) {
            MessageFilter filter = new MessageFilter(null, null, null, null, null, sources,
                    from == null ? null : from.atStartOfDay(settings.zone()).toInstant(),
                    to == null ? null : to.atStartOfDay(settings.zone()).toInstant());
            counts = DomainCounts.of(stack.index(), filter, every, settings.zone());
        } catch (IndexLockedException e) {
            ServiceClient service = ServiceClient.local(spec.commandLine().getErr());
            spec.commandLine().getErr().println("The index is held by a running MinYi service; asking it at "
                    + service.base() + " for the counts");
            counts = countsFromService(service, settings);
            if (counts == null) {
                return CommandErrors.BAD_INPUT;
            }
        }
        if (counts.periods().size() < first + ahead) {
            out.printf("only %d %ss of messages: too short a timeline for a backtest from %d%n",
                    counts.periods().size(), interval, first);
            return 1;
        }
        int season = every.season();
        Forecaster model = new DampedTrendForecaster(season);
        List<Forecaster> all = List.of(model, new NaiveForecaster(), new SeasonalNaiveForecaster(season));
        out.printf("sources %s, from %s, to %s%n", sources.isEmpty() ? "all" : sources, from, to);
        out.printf("%s counts per service domain, %s to %s (%d periods); rolling origins from %d periods of history,"
                        + " %d ahead; MASE scaled by the in-sample one-step naive MAE at each origin%n%n",
                interval, counts.periods().getFirst(), counts.periods().getLast(), counts.periods().size(), first,
                ahead);
        out.printf("%-14s %7s %8s %12s %9s %15s %8s %8s%n", "domain", "total", "origins", model.name().split("\\(")[0],
                "naive", "seasonal-naive", "in 80%", "in 95%");
        Map<String, double[]> sums = new LinkedHashMap<>();
        int series = 0;
        List<String> aheadLines = new ArrayList<>();
        for (Map.Entry<String, double[]> e : counts.counts().entrySet()) {
            double total = java.util.Arrays.stream(e.getValue()).sum();
            if (total < minMessages) {
                continue;
            }
            Backtest.Result r = Backtest.run(e.getValue(), all, model, ahead, first);
            out.printf("%-14s %7.0f %8d %12.3f %9.3f %15.3f %8.2f %8.2f%n", e.getKey(), total, r.origins(),
                    r.scores().get(0).mase(), r.scores().get(1).mase(), r.scores().get(2).mase(), r.coverage80(),
                    r.coverage95());
            double[] s = sums.computeIfAbsent("all", k -> new double[5]);
            s[0] += r.scores().get(0).mase();
            s[1] += r.scores().get(1).mase();
            s[2] += r.scores().get(2).mase();
            s[3] += r.coverage80();
            s[4] += r.coverage95();
            series++;
            Backtest.Ahead next = Backtest.ahead(e.getValue(), model, ahead);
            StringBuilder line = new StringBuilder(String.format("%-14s", e.getKey()));
            for (int h = 0; h < ahead; h++) {
                line.append(String.format("  %.0f [%.0f–%.0f | %.0f–%.0f]", next.point()[h], next.low80()[h],
                        next.high80()[h], next.low95()[h], next.high95()[h]));
            }
            aheadLines.add(line.toString());
        }
        if (series > 0) {
            double[] s = sums.get("all");
            out.printf("%-14s %7s %8s %12.3f %9.3f %15.3f %8.2f %8.2f%n", "mean of " + series, "", "", s[0] / series,
                    s[1] / series, s[2] / series, s[3] / series, s[4] / series);
        }
        out.printf("%nforecast after %s, %d %ss ahead: point [80%% band | 95%% band] (bands: empirical quantiles of the"
                + " model's own h-step errors on the history)%n", counts.periods().getLast(), ahead, interval);
        aheadLines.forEach(out::println);
        return 0;
    }
}
