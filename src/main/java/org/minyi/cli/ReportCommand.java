package org.minyi.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.concurrent.Callable;
import org.minyi.MinYiSettings;
import org.minyi.MinYiStack;
import org.minyi.index.lucene.IndexLockedException;
import org.minyi.insight.Hotspots;
import org.minyi.report.Briefing;
import org.minyi.report.BriefingRequest;
import org.minyi.report.Briefings;
import org.minyi.report.ReportFormat;
import org.minyi.report.ReportKind;
import org.minyi.report.ReportScope;
import org.minyi.report.ReportTemplates;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code minyi report weekly --date 2019-03-20 --format pdf --out week.pdf}: a briefing as a file, made from the
 * index directly, or by the running service when it holds the index (GET /api/reports with MINYI_USER /
 * MINYI_PASSWORD, MINYI_PORT), like {@code hotspots}.
 */
@Command(name = "report", mixinStandardHelpOptions = true,
        description = "Write a briefing (日报 daily, 周报 weekly, 月报 monthly, 专报 special) as PDF, DOCX or HTML.")
public final class ReportCommand implements Callable<Integer> {

    @Parameters(index = "0", description = "daily | weekly | monthly | special")
    private String kind;

    @Option(names = "--date", description = "a day within the period (daily, weekly, monthly): yyyy-MM-dd")
    private String date;

    @Option(names = "--region", description = "only this region")
    private String region;

    @Option(names = "--topic", description = "only this topic")
    private String topic;

    @Option(names = "--hotspot", description = "special: the hot issue's id, as `minyi hotspots` or /api/hotspots list it")
    private String hotspot;

    @Option(names = "--from", description = "special: first day, yyyy-MM-dd")
    private String from;

    @Option(names = "--to", description = "special: last day (included), yyyy-MM-dd")
    private String to;

    @Option(names = "--format", defaultValue = "pdf", description = "pdf | docx | html (default ${DEFAULT-VALUE})")
    private String format;

    @Option(names = "--out", required = true, description = "the file to write")
    private Path out;

    @Spec
    private CommandSpec spec;

    @Override
    public Integer call() {
        PrintWriter err = spec.commandLine().getErr();
        ReportKind reportKind;
        ReportFormat reportFormat;
        BriefingRequest request;
        try {
            reportKind = ReportKind.parse(kind);
            reportFormat = ReportFormat.parse(format);
            request = reportKind == ReportKind.SPECIAL
                    ? BriefingRequest.special(hotspot, day("--from", from), day("--to", to))
                    : BriefingRequest.period(reportKind, day("--date", date), new ReportScope(region, topic));
        } catch (IllegalArgumentException e) {
            err.println(e.getMessage());
            return 2;
        }
        MinYiSettings settings = MinYiSettings.fromSystemProperties();
        MinYiStack stack;
        try {
            stack = MinYiStack.open(settings);
        } catch (IndexLockedException e) {
            ServiceClient service = ServiceClient.local(err);
            err.println("The index is held by a running MinYi service; asking it at " + service.base());
            return remote(service, reportKind, reportFormat, err);
        }
        try (stack) {
            long begin = System.nanoTime();
            Briefings briefings = briefings(settings);
            Hotspots hotspots = stack.hotspots();
            Briefing briefing = briefings.build(request, stack.index(), hotspots);
            byte[] file = briefings.render(briefing, reportFormat);
            Files.write(out, file);
            spec.commandLine().getOut().printf("%s: %s, %d sections, %d figures, %,d bytes (%.1f s)%n", out,
                    briefing.title(), briefing.sections().size(), briefing.figures().size(), file.length,
                    (System.nanoTime() - begin) / 1e9);
            return 0;
        } catch (IllegalArgumentException | IllegalStateException e) {
            err.println(e.getMessage());
            return 2;
        } catch (IOException e) {
            err.println("cannot write " + out + ": " + e.getMessage());
            return 2;
        }
    }

    /** Briefings as the service makes them: templates from minyi.report.templates or data/report-templates. */
    static Briefings briefings(MinYiSettings settings) {
        String folder = System.getProperty("minyi.report.templates");
        ReportTemplates templates = ReportTemplates.load(folder == null || folder.isBlank()
                ? settings.dataDir().resolve("report-templates") : Path.of(folder));
        String linkBase = System.getProperty("minyi.report.link-base", "http://127.0.0.1:"
                + System.getProperty("server.port", "8080"));
        return new Briefings(templates, Briefings.fontOnce(System.getProperty("minyi.report.font")), settings.zone(),
                linkBase, Clock.systemUTC());
    }

    private int remote(ServiceClient service, ReportKind reportKind, ReportFormat reportFormat, PrintWriter err) {
        StringBuilder query = new StringBuilder("/api/reports?kind=" + reportKind.key() + "&format="
                + reportFormat.extension());
        append(query, "date", date);
        append(query, "region", region);
        append(query, "topic", topic);
        append(query, "hotspot", hotspot);
        append(query, "from", from);
        append(query, "to", to);
        try {
            byte[] file = service.download(query.toString());
            if (file == null) {
                return 2;
            }
            Files.write(out, file);
            spec.commandLine().getOut().printf("%s: %,d bytes from the service%n", out, file.length);
            return 0;
        } catch (IOException e) {
            err.println("cannot ask the service or write " + out + ": " + e.getMessage());
            return 2;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return 2;
        }
    }

    private static void append(StringBuilder query, String name, String value) {
        if (value != null && !value.isBlank()) {
            query.append('&').append(name).append('=').append(URLEncoder.encode(value.strip(), StandardCharsets.UTF_8));
        }
    }

    private static LocalDate day(String option, String value) {
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException(option + " is required: a date such as 2019-03-20");
        }
        try {
            return LocalDate.parse(value.strip());
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException(option + ": cannot read '" + value + "' as a date (2019-03-20)");
        }
    }
}
