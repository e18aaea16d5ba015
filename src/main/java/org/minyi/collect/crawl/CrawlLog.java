package org.minyi.collect.crawl;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.json.JsonMapper;

/**
 * The crawl state of one source as an append-only JSON-lines log, forced to disk after every step, so a
 * {@code kill -9} loses at most the step in progress:
 * <ul>
 * <li>{@code item}: an item the sink acknowledged (or re-validated), with its content hash and HTTP validators;</li>
 * <li>{@code run} / {@code end}: a run started / finished;</li>
 * <li>{@code queue}: URLs put on the frontier of the current run; {@code done}: a URL finished, with its outcome.</li>
 * </ul>
 * Replaying the log gives the seen-set and, when the last run did not end, its remaining frontier. A finished run
 * compacts the log to its item lines (atomic replace), so it does not grow with every run.
 */
final class CrawlLog implements AutoCloseable {

    static final String FILE = "state.log";

    enum Kind { LIST, DETAIL }

    /** What the crawl remembers of an acknowledged item. */
    record ItemState(String key, String url, String messageId, String hash, String etag, String lastModified,
            boolean replied, Instant firstSeen) {

        Validators validators() {
            return new Validators(etag, lastModified);
        }

        ItemState withValidators(Validators fresh) {
            return new ItemState(key, url, messageId, hash, fresh.etag(), fresh.lastModified(), replied, firstSeen);
        }
    }

    /** @param page number of a list page (for page-url-template), null for detail pages */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    record QueuedUrl(String url, Kind kind, Integer page) {
    }

    /** One line of the log; unused fields are left out. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    record Line(String e, Instant at, ItemState item, List<QueuedUrl> queue, String url, String outcome) {
    }

    /** The state replayed from disk. */
    record Recovered(Map<String, ItemState> items, boolean runUnfinished, Instant runStarted,
            List<QueuedUrl> frontier, Map<String, Kind> queuedThisRun, List<String> outcomesThisRun) {
    }

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final Path file;
    private final FileChannel lockChannel;
    private final FileLock lock;
    private FileChannel channel;

    /** Opens (creating) the state of one source; refuses if another crawl of that source holds it. */
    CrawlLog(Path folder) {
        this.file = folder.resolve(FILE);
        try {
            Files.createDirectories(folder);
            lockChannel = FileChannel.open(folder.resolve("lock"), StandardOpenOption.CREATE, StandardOpenOption.WRITE);
            lock = tryLock(lockChannel, folder);
            channel = openTruncatingTornTail(file);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot open crawl state " + file, e);
        }
    }

    /** The OS drops the lock when a process dies, so a kill -9 never leaves a source locked. */
    private static FileLock tryLock(FileChannel channel, Path folder) throws IOException {
        FileLock held;
        try {
            held = channel.tryLock();
        } catch (OverlappingFileLockException e) {
            held = null;
        }
        if (held == null) {
            channel.close();
            throw new IllegalStateException("crawl state " + folder + " is in use: this source is being crawled "
                    + "already (one run per source at a time)");
        }
        return held;
    }

    /** A crash can leave half a line at the end; cut it off so the next append starts on a fresh line. */
    private static FileChannel openTruncatingTornTail(Path file) throws IOException {
        FileChannel ch = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.READ,
                StandardOpenOption.WRITE);
        long size = ch.size();
        long keep = size;
        ByteBuffer one = ByteBuffer.allocate(1);
        while (keep > 0) {
            one.clear();
            ch.read(one, keep - 1);
            if (one.get(0) == '\n') {
                break;
            }
            keep--;
        }
        if (keep < size) {
            ch.truncate(keep);
            ch.force(true);
        }
        ch.position(keep);
        return ch;
    }

    Recovered recover() {
        Map<String, ItemState> items = new HashMap<>();
        boolean running = false;
        Instant started = null;
        Map<String, QueuedUrl> pending = new LinkedHashMap<>();
        Map<String, Kind> queued = new HashMap<>();
        List<String> outcomes = new ArrayList<>();
        List<String> lines;
        try {
            lines = Files.readAllLines(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read crawl state " + file, e);
        }
        int number = 0;
        for (String text : lines) {
            number++;
            if (text.isBlank()) {
                continue;
            }
            Line line;
            try {
                line = JSON.readValue(text, Line.class);
            } catch (JacksonException e) {
                throw new IllegalStateException("crawl state " + file + " line " + number + " is corrupt: "
                        + e.getOriginalMessage() + "; move the file away to start this source afresh");
            }
            switch (line.e()) {
                case "item" -> items.put(line.item().key(), line.item());
                case "run" -> {
                    running = true;
                    started = line.at();
                    pending.clear();
                    queued.clear();
                    outcomes.clear();
                }
                case "queue" -> line.queue().forEach(q -> {
                    queued.put(q.url(), q.kind());
                    pending.put(q.url(), q);
                });
                case "done" -> {
                    pending.remove(line.url());
                    outcomes.add(line.outcome());
                }
                case "end" -> {
                    running = false;
                    pending.clear();
                }
                default -> throw new IllegalStateException("crawl state " + file + " line " + number
                        + " has unknown entry '" + line.e() + "'");
            }
        }
        return new Recovered(items, running, started, List.copyOf(pending.values()), queued, outcomes);
    }

    synchronized void runStarted(Instant at) {
        append(List.of(new Line("run", at, null, null, null, null)));
    }

    synchronized void queued(List<QueuedUrl> urls) {
        if (!urls.isEmpty()) {
            append(List.of(new Line("queue", null, null, urls, null, null)));
        }
    }

    /** A finished URL, with the item it produced (if any) and the URLs it put on the frontier, in one write. */
    synchronized void done(String url, String outcome, ItemState item, List<QueuedUrl> discovered) {
        List<Line> lines = new ArrayList<>(3);
        if (!discovered.isEmpty()) {
            lines.add(new Line("queue", null, null, discovered, null, null));
        }
        if (item != null) {
            lines.add(new Line("item", null, item, null, null, null));
        }
        lines.add(new Line("done", null, null, null, url, outcome));
        append(lines);
    }

    /** A finished URL and the item it produced, for {@link #doneAll}. */
    record Finished(String url, String outcome, ItemState item) {
    }

    /** Several finished URLs with their items in one write (one force): what one flush of the sink acknowledged. */
    synchronized void doneAll(List<Finished> finished) {
        List<Line> lines = new ArrayList<>(finished.size() * 2);
        for (Finished f : finished) {
            if (f.item() != null) {
                lines.add(new Line("item", null, f.item(), null, null, null));
            }
            lines.add(new Line("done", null, null, null, f.url(), f.outcome()));
        }
        if (!lines.isEmpty()) {
            append(lines);
        }
    }

    /** Ends the run and rewrites the log to just the item states (write, force, atomic rename). */
    synchronized void runFinished(Instant at, Map<String, ItemState> items) {
        Path tmp = file.resolveSibling(FILE + ".tmp");
        try {
            try (FileChannel out = FileChannel.open(tmp, StandardOpenOption.CREATE, StandardOpenOption.WRITE,
                    StandardOpenOption.TRUNCATE_EXISTING)) {
                StringBuilder text = new StringBuilder();
                for (ItemState item : items.values()) {
                    text.append(JSON.writeValueAsString(new Line("item", null, item, null, null, null))).append('\n');
                }
                text.append(JSON.writeValueAsString(new Line("end", at, null, null, null, null))).append('\n');
                ByteBuffer bytes = ByteBuffer.wrap(text.toString().getBytes(StandardCharsets.UTF_8));
                while (bytes.hasRemaining()) {
                    out.write(bytes);
                }
                out.force(true);
            }
            channel.close();
            Files.move(tmp, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            channel = openTruncatingTornTail(file);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot compact crawl state " + file, e);
        }
    }

    private void append(List<Line> lines) {
        StringBuilder text = new StringBuilder();
        for (Line line : lines) {
            text.append(JSON.writeValueAsString(line)).append('\n');
        }
        try {
            ByteBuffer bytes = ByteBuffer.wrap(text.toString().getBytes(StandardCharsets.UTF_8));
            while (bytes.hasRemaining()) {
                channel.write(bytes);
            }
            channel.force(false);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write crawl state " + file, e);
        }
    }

    @Override
    public synchronized void close() {
        try {
            channel.close();
            lock.release();
            lockChannel.close();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot close crawl state " + file, e);
        }
    }
}
