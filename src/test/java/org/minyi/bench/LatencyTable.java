package org.minyi.bench;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Latencies and errors per endpoint for one phase of a load run, printed as a table. Thread-safe: every client
 * records into it.
 */
final class LatencyTable {

    static final String ALL = "all";
    private static final int ERRORS_KEPT = 5;

    private final List<String> endpoints;
    private final Map<String, ConcurrentLinkedQueue<Long>> nanos = new ConcurrentHashMap<>();
    private final Map<String, AtomicLong> errors = new ConcurrentHashMap<>();
    private final ConcurrentLinkedQueue<String> firstErrors = new ConcurrentLinkedQueue<>();
    private final AtomicLong bytes = new AtomicLong();

    LatencyTable(List<String> endpoints) {
        this.endpoints = List.copyOf(endpoints);
    }

    void success(String endpoint, long elapsedNanos, int bodyBytes) {
        samples(endpoint).add(elapsedNanos);
        bytes.addAndGet(bodyBytes);
    }

    /** A non-2xx answer or an exception: counted as a request and as an error, its latency kept too. */
    void error(String endpoint, long elapsedNanos, String what) {
        samples(endpoint).add(elapsedNanos);
        errors.computeIfAbsent(endpoint, e -> new AtomicLong()).incrementAndGet();
        if (firstErrors.size() < ERRORS_KEPT) {
            firstErrors.add(endpoint + ": " + what);
        }
    }

    long requests() {
        return nanos.values().stream().mapToLong(ConcurrentLinkedQueue::size).sum();
    }

    long errors() {
        return errors.values().stream().mapToLong(AtomicLong::get).sum();
    }

    double meanMillis() {
        return Arrays.stream(millis(ALL)).average().orElse(Double.NaN);
    }

    /** The p-th percentile in milliseconds of one endpoint, or of all with {@link #ALL}; NaN without samples. */
    double percentileMillis(String endpoint, double p) {
        double[] ms = millis(endpoint);
        return ms.length == 0 ? Double.NaN : Stats.percentile(ms, p);
    }

    /** Per endpoint and overall: requests, errors, throughput and latency percentiles; then the first errors. */
    List<String> lines(double seconds) {
        List<String> lines = new ArrayList<>();
        lines.add(String.format("  %-16s %8s %7s %8s %8s %8s %8s %8s %8s", "endpoint", "requests", "errors",
                "req/s", "mean ms", "p50 ms", "p95 ms", "p99 ms", "max ms"));
        Map<String, double[]> rows = new LinkedHashMap<>();
        for (String endpoint : endpoints) {
            rows.put(endpoint, millis(endpoint));
        }
        rows.put(ALL, millis(ALL));
        rows.forEach((endpoint, ms) -> {
            long errorCount = endpoint.equals(ALL) ? errors() : errors.getOrDefault(endpoint, new AtomicLong()).get();
            if (ms.length == 0) {
                lines.add(String.format("  %-16s %8d %7d", endpoint, 0, errorCount));
            } else {
                lines.add(String.format("  %-16s %8d %7d %8.1f %8.0f %8.0f %8.0f %8.0f %8.0f", endpoint, ms.length,
                        errorCount, ms.length / seconds, Arrays.stream(ms).average().orElseThrow(),
                        Stats.percentile(ms, 50), Stats.percentile(ms, 95),
                        Stats.percentile(ms, 99), Stats.percentile(ms, 100)));
            }
        });
        lines.add(String.format("  received %.1f MB (%.2f MB/s)", bytes.get() / 1e6, bytes.get() / 1e6 / seconds));
        firstErrors.forEach(e -> lines.add("  error: " + e));
        return lines;
    }

    private ConcurrentLinkedQueue<Long> samples(String endpoint) {
        return nanos.computeIfAbsent(endpoint, e -> new ConcurrentLinkedQueue<>());
    }

    private double[] millis(String endpoint) {
        return (endpoint.equals(ALL) ? nanos.values().stream().flatMap(ConcurrentLinkedQueue::stream)
                : nanos.getOrDefault(endpoint, new ConcurrentLinkedQueue<>()).stream())
                .mapToDouble(n -> n / 1e6).toArray();
    }
}
