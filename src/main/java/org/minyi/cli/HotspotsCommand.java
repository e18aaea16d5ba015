package org.minyi.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import org.minyi.MinYiSettings;
import org.minyi.MinYiStack;
import org.minyi.index.IndexedMessage;
import org.minyi.index.SearchQuery;
import org.minyi.index.lucene.IndexLockedException;
import org.minyi.insight.Hotspot;
import org.minyi.insight.HotspotReport;
import org.minyi.insight.Hotspots;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * {@code minyi hotspots --from 2019-01-01 --to 2020-01-01}: the hottest issues among the indexed messages of a
 * period, each with place, time span, message count, why it is hot and representative messages. While a service
 * holds the index, the command asks the service instead (MINYI_USER / MINYI_PASSWORD, MINYI_PORT).
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

    private static final JsonMapper JSON = JsonMapper.builder().build();

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
            ServiceClient service = ServiceClient.local(err);
            err.println("The index is held by a running MinYi service; asking it at " + service.base());
            return remote(service, start, end, out);
        }
        try (stack) {
            long begin = System.nanoTime();
            Hotspots hotspots = stack.hotspots();
            List<Hotspot> found = hotspots.between(start, end, Duration.ofDays(baselineDays), top);
            out.printf("Top %d hotspots among messages from %s to %s (index holds %,d messages; %.1f s):%n%n",
                    found.size(), from, to, stack.index().count(), (System.nanoTime() - begin) / 1e9);
            new HotspotReport(settings.zone()).print(found, out, members ? id -> title(stack, id) : null);
            return 0;
        }
    }

    /**
     * The same report from the running service's API (GET /api/hotspots), which holds the index. The API names an
     * issue's member count and earliest ids only; for --members every member is read, with its title, from the
     * issue's paged GET /api/hotspots/{id}/messages (oldest first: the order of the report).
     */
    private int remote(ServiceClient service, Instant start, Instant end, PrintWriter out) {
        try {
            JsonNode answer = service.get("/api/hotspots?from=" + start + "&to=" + end + "&limit=" + top
                    + "&baselineDays=" + baselineDays);
            JsonNode status = answer == null ? null : service.get("/api/status");
            if (status == null) {
                return 2;
            }
            List<Hotspot> found = new ArrayList<>();
            Map<String, String> titles = new HashMap<>();
            for (JsonNode view : answer.get("hotspots")) {
                ObjectNode issue = (ObjectNode) view.get("hotspot").deepCopy();
                List<String> ids = new ArrayList<>();
                if (members && !readMembers(service, issue.get("id").asString(), ids, titles)) {
                    return 2;
                }
                // the report reads member ids only for --members; without it they are not asked for
                issue.remove("memberCount");
                issue.remove("sampleMessageIds");
                issue.set("messageIds", JSON.valueToTree(ids));
                found.add(JSON.treeToValue(issue, Hotspot.class));
            }
            out.printf("Top %d hotspots among messages from %s to %s (index holds %,d messages; from the service):%n%n",
                    found.size(), from, to, status.get("messages").asLong());
            MinYiSettings settings = MinYiSettings.fromSystemProperties();
            new HotspotReport(settings.zone()).print(found, out,
                    members ? id -> titles.getOrDefault(id, "(not found)") : null);
            return 0;
        } catch (IOException e) {
            spec.commandLine().getErr().println("cannot ask the service: " + e.getMessage());
            return 2;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return 2;
        }
    }

    /**
     * Every member of the issue {@code id}, oldest first, into {@code ids} and their titles into {@code titles}:
     * 200 a page, each page after the one before (a large issue reaches past the deepest page number). False when the
     * service refused (said why on the error stream).
     */
    private static boolean readMembers(ServiceClient service, String id, List<String> ids, Map<String, String> titles)
            throws IOException, InterruptedException {
        String messages = "/api/hotspots/" + URLEncoder.encode(id, StandardCharsets.UTF_8)
                + "/messages?order=oldest&size=" + SearchQuery.MAX_PAGE_SIZE;
        String after = null;
        do {
            JsonNode page = service.get(after == null ? messages
                    : messages + "&after=" + URLEncoder.encode(after, StandardCharsets.UTF_8));
            if (page == null) {
                return false;
            }
            for (JsonNode hit : page.get("hits")) {
                JsonNode message = hit.get("message");
                ids.add(message.get("id").asString());
                titles.put(message.get("id").asString(), title(message));
            }
            after = page.path("next").isString() ? page.get("next").asString() : null;
        } while (after != null);
        return true;
    }

    /** Its title, else the start of its text, as the report shows a member. */
    private static String title(JsonNode message) {
        String title = message.path("title").asString("");
        String text = message.path("text").asString("");
        return !title.isEmpty() ? title : text.substring(0, Math.min(60, text.length()));
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
