package org.minyi.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpRequest.BodyPublishers;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * {@code minyi reindex} while a service holds the embedded index: the service copies its index (it keeps serving
 * meanwhile) and this follows the copy until it ends, printing what the local command prints.
 */
final class RemoteReindex {

    private static final Duration POLL = Duration.ofSeconds(1);

    private final ServiceClient service;
    private final PrintWriter out;
    private final PrintWriter err;

    RemoteReindex(ServiceClient service, PrintWriter out, PrintWriter err) {
        this.service = service;
        this.out = out;
        this.err = err;
    }

    /** @return 0 when every message was copied, 1 when the copy failed, 2 when the service refused or is gone */
    int run(URI url, String prefix, int shards, int replicas) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("url", url.toString());
        body.put("prefix", prefix);
        body.put("shards", shards);
        body.put("replicas", replicas);
        try {
            JsonNode started = service.call(HttpRequest.newBuilder(service.uri("/api/index/migrations"))
                    .header("Content-Type", "application/json")
                    .POST(BodyPublishers.ofString(JsonMapper.builder().build().writeValueAsString(body),
                            StandardCharsets.UTF_8))
                    .build());
            if (started == null) {
                return CommandErrors.BAD_INPUT;
            }
            long begin = System.nanoTime();
            long told = -1;
            while (true) {
                Thread.sleep(POLL.toMillis());
                JsonNode run = service.get("/api/index/migrations/latest");
                if (run == null) {
                    return CommandErrors.BAD_INPUT;
                }
                long copied = run.get("copied").asLong();
                long expected = run.get("expected").asLong();
                String state = run.get("state").asString();
                if (copied / 10_000 != told / 10_000 && expected >= 0) {
                    err.printf("reindex: %,d of %,d%n", copied, expected);
                    told = copied;
                }
                if (state.equals("FAILED")) {
                    err.println("reindex failed after " + copied + " messages: " + run.get("error").asString()
                            + "; run it again once that is fixed (nothing is copied twice)");
                    return 1;
                }
                if (state.equals("DONE")) {
                    out.printf("copied %,d of %,d messages of the service's index into %s in %.1f s; the alias "
                                    + "now holds %,d%n", copied, expected, run.get("target").asString(),
                            (System.nanoTime() - begin) / 1e9, run.get("targetHolds").asLong());
                    if (copied < expected) {
                        err.println("fewer messages were copied than the index held when the copy began");
                        return 1;
                    }
                    return 0;
                }
            }
        } catch (IOException e) {
            err.println("cannot ask the service: " + e.getMessage());
            return CommandErrors.BAD_INPUT;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return CommandErrors.BAD_INPUT;
        }
    }
}
