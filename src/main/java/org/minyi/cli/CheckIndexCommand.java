package org.minyi.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.minyi.MinYiSettings;
import org.minyi.index.IndexHealth;
import org.minyi.index.lucene.IndexLockedException;
import org.minyi.index.lucene.LuceneIndexCheck;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import tools.jackson.databind.JsonNode;

/**
 * Lucene's CheckIndex on the embedded index, read-only: says whether it is sound and, if not, what is damaged. While
 * a service holds the index, the service checks it (GET /api/index/health) and keeps serving meanwhile.
 */
@Command(name = "check-index", mixinStandardHelpOptions = true,
        description = "Check the index for damage (read-only; while MinYi runs, the service checks it). "
                + "Exit 0: sound, 1: damaged.")
final class CheckIndexCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Option(names = "--index", description = "index folder (default: <data-dir>/index)")
    Path index;

    @Option(names = "--verbose", description = "print Lucene's full report")
    boolean verbose;

    @Override
    public Integer call() {
        Path folder = (index != null ? index : MinYiSettings.fromSystemProperties().indexDir()).toAbsolutePath()
                .normalize();
        PrintWriter err = spec.commandLine().getErr();
        IndexHealth health;
        try {
            health = LuceneIndexCheck.ofFolder(folder, verbose);
        } catch (IllegalArgumentException e) {
            err.println("minyi check-index: " + e.getMessage());
            return CommandErrors.BAD_INPUT;
        } catch (IndexLockedException e) {
            ServiceClient service = ServiceClient.local(err);
            err.println("The index is held by a running MinYi service; asking it at " + service.base()
                    + " to check it");
            health = askService(service, folder);
            if (health == null) {
                return CommandErrors.BAD_INPUT;
            }
        }
        return tell(health);
    }

    /** The service's check of the index it holds, or null (said why) when it is another index or cannot answer. */
    private IndexHealth askService(ServiceClient service, Path folder) {
        PrintWriter err = spec.commandLine().getErr();
        try {
            JsonNode answer = service.get("/api/index/health");
            if (answer == null) {
                return null;
            }
            IndexHealth health = new IndexHealth(answer.get("sound").asBoolean(), answer.get("location").asString(),
                    answer.get("messages").asLong(), answer.get("summary").asString(),
                    answer.path("report").asString(""));
            if (!sameFolder(health.location(), folder)) {
                err.println("minyi check-index: the index at " + folder + " is in use by another process; the "
                        + "service at " + service.base() + " holds " + health.location() + " instead");
                return null;
            }
            return health;
        } catch (IOException e) {
            err.println("minyi check-index: cannot ask the service: " + e.getMessage());
            return null;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return null;
        }
    }

    private static boolean sameFolder(String location, Path folder) {
        try {
            return Path.of(location).toAbsolutePath().normalize().equals(folder);
        } catch (RuntimeException e) {
            return false; // an Elasticsearch address: not the folder asked for
        }
    }

    private int tell(IndexHealth health) {
        PrintWriter out = spec.commandLine().getOut();
        if (verbose) {
            out.print(health.report());
        }
        if (health.sound()) {
            out.printf("index at %s is sound: %s, %d messages%n", health.location(), health.summary(),
                    health.messages());
            return 0;
        }
        out.printf("index at %s is damaged: %s%n", health.location(), health.summary());
        out.println("restore the folder from a backup, or move it away and import the data again");
        if (!verbose) {
            out.println("(--verbose prints Lucene's full report)");
        }
        return 1;
    }
}
