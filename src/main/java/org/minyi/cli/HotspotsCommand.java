package org.minyi.cli;

import java.io.PrintWriter;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.concurrent.Callable;
import org.minyi.MinYiSettings;
import org.minyi.MinYiStack;
import org.minyi.index.IndexedMessage;
import org.minyi.index.lucene.IndexLockedException;
import org.minyi.insight.Hotspot;
import org.minyi.insight.HotspotDetector;
import org.minyi.insight.HotspotReport;
import org.minyi.insight.HotspotSettings;
import org.minyi.insight.Hotspots;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code minyi hotspots --from 2019-01-01 --to 2020-01-01}: the hottest issues among the indexed messages of a
 * period, each with place, time span, message count, why it is hot and representative messages.
 */
@Command(name = "hotspots", mixinStandardHelpOptions = true,
        description = "Print the hottest issues among the indexed messages of a period.")
public final class HotspotsCommand implements Callable<Integer> {

    @Option(names = "--from", required = true, description = "start, inclusive: yyyy-MM-dd (in the configured zone) "
            + "or an ISO instant such as 2019-01-01T00:00:00Z")
    private String from;

    @Option(names = "--to", required = true, description = "end, exclusive: same forms as --from")
    private String to;

    @Option(names = "--top", defaultValue = "5", description = "how many hotspots to print (default ${DEFAULT-VALUE})")
    private int top;

    @Option(names = "--baseline-days", defaultValue = "90",
            description = "days before --from read for the theme baselines of the burst check (default ${DEFAULT-VALUE})")
    private int baselineDays;

    @Option(names = "--members", description = "also list every message of each hotspot (id and title), for "
            + "checking by reading that a group is one issue")
    private boolean members;

    @Spec
    private CommandSpec spec;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        MinYiSettings settings = MinYiSettings.fromSystemProperties();
        Instant start;
        Instant end;
        try {
            start = parse("--from", from, settings.zone());
            end = parse("--to", to, settings.zone());
        } catch (IllegalArgumentException e) {
            err.println(e.getMessage());
            return 2;
        }
        if (!start.isBefore(end)) {
            err.println("--from " + from + " must be before --to " + to);
            return 2;
        }
        if (top < 1 || baselineDays < 0) {
            err.println("--top must be >= 1 and --baseline-days >= 0");
            return 2;
        }
        MinYiStack stack;
        try {
            stack = MinYiStack.open(settings);
        } catch (IndexLockedException e) {
            err.println("The index is held by a running MinYi service; stop it first, or ask the service's API.");
            return 1;
        }
        try (stack) {
            long begin = System.nanoTime();
            Hotspots hotspots = new Hotspots(stack.index(),
                    new HotspotDetector(HotspotSettings.defaults(), settings.zone()));
            List<Hotspot> found = hotspots.between(start, end, Duration.ofDays(baselineDays), top);
            out.printf("Top %d hotspots among messages from %s to %s (index holds %,d messages; %.1f s):%n%n",
                    found.size(), from, to, stack.index().count(), (System.nanoTime() - begin) / 1e9);
            new HotspotReport(settings.zone()).print(found, out, members ? id -> title(stack, id) : null);
            return 0;
        }
    }

    private static String title(MinYiStack stack, String id) {
        return stack.index().get(id).map(IndexedMessage::message)
                .map(m -> m.title() != null ? m.title() : m.text().substring(0, Math.min(60, m.text().length())))
                .orElse("(not found)");
    }

    private static Instant parse(String option, String value, ZoneId zone) {
        try {
            return value.length() == 10 ? LocalDate.parse(value).atStartOfDay(zone).toInstant() : Instant.parse(value);
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException(option + " '" + value
                    + "' is neither a date yyyy-MM-dd nor an ISO instant like 2019-01-01T00:00:00Z");
        }
    }
}
