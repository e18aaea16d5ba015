package org.minyi.cli;

import java.io.IOException;
import java.io.PrintStream;
import tools.jackson.databind.JsonNode;

/**
 * Runs a crawl in the service that holds the index: queues it (POST /api/crawls/SOURCE) and follows its status
 * until the run ends, printing the same summary a local crawl prints.
 */
final class RemoteCrawl {

    private final ServiceClient service;

    RemoteCrawl(ServiceClient service) {
        this.service = service;
    }

    int run(String source, PrintStream out) {
        System.err.println("The index is held by a running MinYi service; crawling there (" + service.base() + ")");
        try {
            JsonNode started = service.post("/api/crawls/" + source);
            if (started == null) {
                return 2;
            }
            long begin = System.nanoTime();
            JsonNode status;
            do {
                Thread.sleep(1000);
                status = service.get("/api/crawls/" + source);
                if (status == null) {
                    return 2;
                }
                JsonNode run = status.path("lastRun");
                System.err.printf("\r%s: pages %d | new %d | updated %d | unchanged %d   ", source,
                        run.path("pagesFetched").asInt(), run.path("itemsNew").asInt(),
                        run.path("itemsUpdated").asInt(), run.path("itemsUnchanged").asInt());
            } while (status.path("queued").asBoolean() || status.path("lastRun").path("running").asBoolean());
            JsonNode run = status.path("lastRun");
            double seconds = (System.nanoTime() - begin) / 1e9;
            System.err.println();
            out.printf("%s: %d pages in %.1f s in the service; new %d, updated %d, unchanged %d; errors %s%n", source,
                    run.path("pagesFetched").asInt(), seconds, run.path("itemsNew").asInt(),
                    run.path("itemsUpdated").asInt(), run.path("itemsUnchanged").asInt(), run.path("errorsByKind"));
            return 0;
        } catch (IOException e) {
            System.err.println("cannot ask the service: " + e.getMessage());
            return 2;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return 2;
        }
    }
}
