package org.minyi.collect.importer;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.minyi.OwnerOnly;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A folder where files dropped by people or scripts (e.g. the nightly 12345 export) are imported, then moved to
 * {@code done/}, or to {@code failed/} with a {@code NAME.error.txt} beside it saying why.
 *
 * <p>A file is taken once it is complete: when its size and modification time are the same at two polls in a row.
 * Files whose names start with "." or "~$" or end with ".part" or ".tmp" are never taken, so a writer that cannot
 * guarantee a pause can also write {@code orders.csv.part} and rename it to {@code orders.csv} when done.
 *
 * <p>Idempotent by construction: imports are upserts by id, so the same file dropped again updates the same
 * messages, and a file is moved only after its import finished, so after a crash or restart it is simply imported
 * again.
 */
public final class InboxWatcher implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(InboxWatcher.class);

    /** Imports one file, blocking until it is done; a failed import is an outcome, not an exception. */
    @FunctionalInterface
    public interface FileImport {
        Outcome importFile(Path file) throws InterruptedException;
    }

    /**
     * What importing one file did.
     *
     * @param errors  the first row errors, as text
     * @param failure why the whole file could not be imported, or null
     */
    public record Outcome(long accepted, long rejected, List<String> errors, String failure) {

        public Outcome {
            errors = errors == null ? List.of() : List.copyOf(errors);
        }

        /** The outcome of an import run in the caller's thread. */
        public static Outcome of(ImportReport report) {
            return new Outcome(report.accepted(), report.rejected(),
                    report.errors().stream().map(RowError::toString).toList(), null);
        }

        public static Outcome failed(String reason) {
            return new Outcome(0, 0, List.of(), reason);
        }

        /** Why the file belongs in failed/, or null when it was imported. */
        String reasonToFail() {
            if (failure != null) {
                return failure;
            }
            if (accepted == 0 && rejected == 0) {
                return "the file holds no rows";
            }
            if (accepted == 0) {
                return "none of its " + rejected + " rows could be imported; first errors:\n"
                        + String.join("\n", errors);
            }
            return null;
        }
    }

    /** What a poll saw of a file; the same twice in a row means the writer is done. */
    private record Snapshot(long size, long modifiedMillis) {
    }

    private final Path inbox;
    private final Path done;
    private final Path failed;
    private final FileImport importer;
    private final Map<Path, Snapshot> seen = new HashMap<>();
    /** Files that could not be moved away after their import; left alone until they change. */
    private final Map<Path, Snapshot> stuck = new HashMap<>();
    private volatile ScheduledExecutorService scheduler;

    public InboxWatcher(Path inbox, FileImport importer) {
        this.inbox = inbox.toAbsolutePath().normalize();
        this.done = this.inbox.resolve("done");
        this.failed = this.inbox.resolve("failed");
        this.importer = importer;
        try {
            // what lands in done/ and failed/ is citizens' messages and errors about them: for the service only
            OwnerOnly.createDirectories(done);
            OwnerOnly.createDirectories(failed);
            OwnerOnly.restrict(done);
            OwnerOnly.restrict(failed);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create the import inbox at " + this.inbox + ": " + e.getMessage(), e);
        }
    }

    public Path inbox() {
        return inbox;
    }

    public Path doneFolder() {
        return done;
    }

    public Path failedFolder() {
        return failed;
    }

    /** Polls every {@code interval} on a thread of its own, until {@link #close()}. */
    public synchronized void start(Duration interval) {
        if (scheduler != null) {
            throw new IllegalStateException("the inbox watcher of " + inbox + " is already running");
        }
        scheduler = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "minyi-inbox");
            t.setDaemon(true);
            return t;
        });
        long millis = interval.toMillis();
        scheduler.scheduleWithFixedDelay(this::pollLogged, millis, millis, TimeUnit.MILLISECONDS);
        LOG.info("Watching {} for files to import (every {} s)", inbox, millis / 1000.0);
    }

    /**
     * One round: imports and moves the files that are unchanged since the last round, remembers the others.
     *
     * @return the files imported (or failed) in this round, by their new place in done/ or failed/
     */
    public synchronized List<Path> poll() throws InterruptedException {
        Map<Path, Snapshot> now = new HashMap<>();
        for (Path file : candidates()) {
            Snapshot snapshot = snapshot(file);
            if (snapshot != null && !snapshot.equals(stuck.get(file))) {
                now.put(file, snapshot);
            }
        }
        stuck.keySet().retainAll(candidates());
        List<Path> ready = now.entrySet().stream()
                .filter(e -> e.getValue().equals(seen.get(e.getKey())))
                .map(Map.Entry::getKey)
                .sorted()
                .toList();
        seen.clear();
        seen.putAll(now);
        List<Path> handled = new ArrayList<>();
        for (Path file : ready) {
            seen.remove(file);
            Path moved = handle(file, now.get(file));
            if (moved != null) {
                handled.add(moved);
            }
        }
        return handled;
    }

    /** Not synchronized: it must be able to interrupt a poll that waits for an import. */
    @Override
    public void close() {
        if (scheduler != null) {
            scheduler.shutdownNow();
        }
    }

    private void pollLogged() {
        try {
            poll();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (RuntimeException e) {
            LOG.warn("polling the import inbox {} failed: {}", inbox, e.toString());
        }
    }

    private static void writeOwnerOnly(Path file, String text) throws IOException {
        OwnerOnly.createFile(file);
        Files.writeString(file, text, StandardCharsets.UTF_8);
    }

    private Path handle(Path file, Snapshot snapshot) throws InterruptedException {
        LOG.info("inbox: importing {}", file.getFileName());
        Outcome outcome;
        try {
            outcome = importer.importFile(file);
        } catch (RuntimeException e) {
            outcome = Outcome.failed(e.getMessage() == null ? e.toString() : e.getMessage());
        }
        String reason = outcome.reasonToFail();
        try {
            if (reason != null) {
                Path target = freeName(failed, file.getFileName().toString());
                Files.move(file, target);
                OwnerOnly.restrict(target);
                writeOwnerOnly(target.resolveSibling(target.getFileName() + ".error.txt"), reason + "\n");
                LOG.warn("inbox: {} failed, moved to {}: {}", file.getFileName(), target, reason);
                return target;
            }
            Path target = freeName(done, file.getFileName().toString());
            Files.move(file, target);
            OwnerOnly.restrict(target);
            if (outcome.rejected() > 0) {
                writeOwnerOnly(target.resolveSibling(target.getFileName() + ".errors.txt"),
                        outcome.rejected() + " of " + (outcome.accepted() + outcome.rejected())
                                + " rows were rejected; first errors:\n" + String.join("\n", outcome.errors()) + "\n");
            }
            LOG.info("inbox: {} imported ({} rows, {} rejected), moved to {}", file.getFileName(),
                    outcome.accepted(), outcome.rejected(), target);
            return target;
        } catch (IOException e) {
            // Imported but not moved: leave it be until it changes, rather than importing it every few seconds.
            stuck.put(file, snapshot);
            LOG.error("inbox: {} was handled but cannot be moved out of the inbox: {}", file, e.toString());
            return null;
        }
    }

    private List<Path> candidates() {
        try (Stream<Path> files = Files.list(inbox)) {
            return files.filter(Files::isRegularFile).filter(InboxWatcher::isImportable).toList();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list the import inbox " + inbox + ": " + e.getMessage(), e);
        }
    }

    static boolean isImportable(Path file) {
        String name = file.getFileName().toString();
        return !name.startsWith(".") && !name.startsWith("~$") && !name.endsWith(".part") && !name.endsWith(".tmp");
    }

    private static Snapshot snapshot(Path file) {
        try {
            return new Snapshot(Files.size(file), Files.getLastModifiedTime(file).toMillis());
        } catch (IOException e) {
            return null; // gone or unreadable between listing and now: look again next round
        }
    }

    /** {@code name} in {@code folder}, or "stem-2.ext", "stem-3.ext"… when an earlier drop of that name is there. */
    private static Path freeName(Path folder, String name) {
        Path target = folder.resolve(name);
        int dot = name.lastIndexOf('.');
        String stem = dot > 0 ? name.substring(0, dot) : name;
        String extension = dot > 0 ? name.substring(dot) : "";
        for (int n = 2; Files.exists(target) || Files.exists(target.resolveSibling(target.getFileName() + ".error.txt")); n++) {
            target = folder.resolve(stem + "-" + n + extension);
        }
        return target;
    }
}
