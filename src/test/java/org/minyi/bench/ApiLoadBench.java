package org.minyi.bench;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.stream.Stream;

/**
 * Concurrent API load on a running service: clients in a closed loop (each sends its next request as soon as the
 * last is answered, no think time) over the mix of dashboard and manager requests in {@link ApiRequestMix}, with HTTP
 * Basic on every request as a program would. First a warm-up (not counted), then a baseline with one client (the
 * service's unloaded latency), then the given number of clients; prints requests, errors, throughput and
 * p50/p95/p99/max latency per endpoint and overall for each phase, the load average around each, and p95 under load
 * divided by p95 of the baseline. Reports; asserts nothing. Run with {@code bench/run load}, which starts the
 * service on the benchmark index.
 *
 * <pre>ApiLoadBench BASE-URL CLIENTS SECONDS BASELINE-SECONDS</pre>
 * with the user and password in {@code MINYI_USER} and {@code MINYI_PASSWORD}, and optionally the service's process
 * id in {@code MINYI_SERVICE_PID} (then the CPU time it used in each phase is printed).
 *
 * The random mix is seeded per client, so every run sends the same endpoints with the same queries and filters
 * (which messages are opened depends on which searches answered first).
 */
public final class ApiLoadBench {

    private static final Duration TIMEOUT = Duration.ofSeconds(60);
    private static final int WARM_UP_CLIENTS = 4;

    private final HttpClient http = HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(10))
            .build();
    private final String base;
    private final String authorization;
    private final long servicePid;

    private ApiLoadBench(String base, String user, String password, long servicePid) {
        this.servicePid = servicePid;
        this.base = base.replaceAll("/+$", "");
        this.authorization = "Basic " + Base64.getEncoder()
                .encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
    }

    public static void main(String[] args) throws Exception {
        if (args.length != 4) {
            throw new IllegalArgumentException("usage: ApiLoadBench BASE-URL CLIENTS SECONDS BASELINE-SECONDS "
                    + "(MINYI_USER, MINYI_PASSWORD in the environment); got " + List.of(args));
        }
        String user = System.getenv().getOrDefault("MINYI_USER", "admin");
        String password = System.getenv("MINYI_PASSWORD");
        if (password == null || password.isEmpty()) {
            throw new IllegalArgumentException("set MINYI_PASSWORD to the password of user " + user);
        }
        int clients = Integer.parseInt(args[1]);
        int seconds = Integer.parseInt(args[2]);
        int baselineSeconds = Integer.parseInt(args[3]);
        long servicePid = Long.parseLong(System.getenv().getOrDefault("MINYI_SERVICE_PID", "-1"));
        new ApiLoadBench(args[0], user, password, servicePid).run(clients, seconds, baselineSeconds);
    }

    private void run(int clients, int seconds, int baselineSeconds) throws Exception {
        System.out.printf("load: %s, HTTP Basic as one user on every request; closed loop, no think time%n", base);
        ApiRequestMix mix = new ApiRequestMix(get("/api/insight/matrix"));
        System.out.println("  mix per 100 requests: search 30 (q, half with a topic/region/channel filter, facets,"
                + " highlights), message by id 15, dashboard's trends / trends by topic / matrix / demands /"
                + " hotspots / timeliness 8 each (half filtered by a topic or region), CSV export of 200 rows 2");

        LatencyTable cold = new LatencyTable(ApiRequestMix.ENDPOINTS);
        long start = System.nanoTime();
        SplittableRandom random = new SplittableRandom(0);
        for (String endpoint : ApiRequestMix.ENDPOINTS) {
            send(mix.call(endpoint, random), mix, cold);
        }
        StringBuilder firsts = new StringBuilder();
        for (String endpoint : ApiRequestMix.ENDPOINTS) {
            firsts.append(String.format(" %s %.0f,", endpoint, cold.percentileMillis(endpoint, 100)));
        }
        System.out.printf("  first request of each kind, one after another (ms):%s %.1f s in all, %d errors%n",
                firsts, (System.nanoTime() - start) / 1e9, cold.errors());
        phase("warm-up (not counted)", mix, WARM_UP_CLIENTS, Math.max(5, baselineSeconds / 2), false);

        Phase alone = phase("baseline: 1 client", mix, 1, baselineSeconds, true);
        Phase together = phase(clients + " clients", mix, clients, seconds, true);
        LatencyTable baseline = alone.table();
        LatencyTable loaded = together.table();

        System.out.printf("  p95 with %d clients / p95 with 1 client (p50 ratio in brackets):%n", clients);
        for (String endpoint : endpointsAndAll()) {
            System.out.printf("    %-16s %6.1f  (%.1f)%n", endpoint,
                    loaded.percentileMillis(endpoint, 95) / baseline.percentileMillis(endpoint, 95),
                    loaded.percentileMillis(endpoint, 50) / baseline.percentileMillis(endpoint, 50));
        }
        System.out.printf("  throughput %.0f req/s with 1 client, %.0f req/s with %d: a closed loop without think time"
                + " keeps the CPU busy, so each request waits for the others; Little's law expects a mean latency of"
                + " %d / %.0f req/s = %.0f ms, measured %.0f ms%n", alone.throughput(), together.throughput(),
                clients, clients, together.throughput(), clients / together.throughput() * 1000, loaded.meanMillis());
        System.out.printf("  errors: %d of %d requests under load, %d of %d in the baseline%n",
                loaded.errors(), loaded.requests(), baseline.errors(), baseline.requests());
    }

    /** What one phase measured, and how long it took with the answers still in flight at its end. */
    private record Phase(LatencyTable table, double elapsedSeconds) {
        double throughput() {
            return table.requests() / elapsedSeconds;
        }
    }

    private Phase phase(String label, ApiRequestMix mix, int clients, int seconds, boolean print)
            throws InterruptedException {
        String loadBefore = loadAverage();
        CpuTime cpuBefore = CpuTime.now(servicePid);
        LatencyTable table = new LatencyTable(ApiRequestMix.ENDPOINTS);
        long start = System.nanoTime();
        long end = start + Duration.ofSeconds(seconds).toNanos();
        try (ExecutorService executor = Executors.newVirtualThreadPerTaskExecutor()) {
            for (int c = 0; c < clients; c++) {
                // seeds of their own for the warm-up: the measured phases are no replay of it (Lucene caches filters)
                SplittableRandom random = new SplittableRandom(1_000 + c + (print ? 0 : 500));
                executor.submit(() -> {
                    while (System.nanoTime() < end) {
                        send(mix.next(random), mix, table);
                    }
                });
            }
        } // waits for the requests in flight at the end: they count, and the elapsed time includes them
        double elapsed = (System.nanoTime() - start) / 1e9;
        if (print) {
            System.out.printf("-- %s for %d s (%.1f s with the last answers); load average before %s, after %s%n",
                    label, seconds, elapsed, loadBefore, loadAverage());
            table.lines(elapsed).forEach(System.out::println);
            System.out.println("  " + CpuTime.now(servicePid).since(cpuBefore, elapsed, table.requests()));
        } else {
            System.out.printf("  %s: %d clients for %.0f s, %d requests, %d errors%n", label, clients, elapsed,
                    table.requests(), table.errors());
        }
        return new Phase(table, elapsed);
    }

    private void send(ApiRequestMix.Call call, ApiRequestMix mix, LatencyTable table) {
        long start = System.nanoTime();
        try {
            HttpResponse<byte[]> response = http.send(request(call.path()), HttpResponse.BodyHandlers.ofByteArray());
            long elapsed = System.nanoTime() - start;
            if (response.statusCode() / 100 == 2) {
                table.success(call.endpoint(), elapsed, response.body().length);
                mix.learnFrom(call, response.body());
            } else {
                table.error(call.endpoint(), elapsed, "HTTP " + response.statusCode() + " on " + call.path() + ": "
                        + ApiRequestMix.abbreviate(new String(response.body(), StandardCharsets.UTF_8)));
            }
        } catch (IOException | RuntimeException e) {
            table.error(call.endpoint(), System.nanoTime() - start, e + " on " + call.path());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private String get(String path) throws IOException, InterruptedException {
        HttpResponse<String> response = http.send(request(path), HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() != 200) {
            throw new IllegalStateException("GET " + base + path + " answered " + response.statusCode() + ": "
                    + ApiRequestMix.abbreviate(response.body()));
        }
        return response.body();
    }

    private HttpRequest request(String path) {
        return HttpRequest.newBuilder(URI.create(base + path))
                .header("Authorization", authorization)
                .timeout(TIMEOUT)
                .GET()
                .build();
    }

    private static List<String> endpointsAndAll() {
        return Stream.concat(ApiRequestMix.ENDPOINTS.stream(), Stream.of(LatencyTable.ALL)).toList();
    }

    private static String loadAverage() {
        try {
            String[] fields = Files.readString(Path.of("/proc/loadavg")).split(" ");
            return fields[0] + " " + fields[1] + " " + fields[2];
        } catch (IOException e) {
            return "(no /proc/loadavg)";
        }
    }
}
