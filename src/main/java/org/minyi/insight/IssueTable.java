package org.minyi.insight;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Which issue each merged issue went into. Messages keep the issue id they were indexed with (rewriting every
 * member of a merged issue would cost a write per member); reads map an id to the issue it survives in. Kept as
 * one line per merge ("merged TAB survivor") in a file next to the index, appended as merges happen, so it
 * outlives a restart on either index backend; without a file it lives in memory only (tests, benchmarks).
 * Appends reach the disk on {@link #sync}, which the ingestion calls right before each index commit: a committed
 * message never refers to a merge a crash could still lose, and a merge costs no disk flush of its own.
 * Thread-safe: the ingest writer merges while readers map.
 */
public final class IssueTable implements AutoCloseable {

    /** The file's name in the data folder. */
    public static final String FILE_NAME = "issue-merges.tsv";

    private static final Logger LOG = LoggerFactory.getLogger(IssueTable.class);

    private final Map<String, String> mergedInto = new ConcurrentHashMap<>();
    private final Path file;
    private FileChannel channel; // opened on the first merge; guarded by this
    private boolean unsynced; // guarded by this
    private boolean created; // the file was made by this table and its folder entry is not yet synced; guarded by this

    private IssueTable(Path file) {
        this.file = file;
    }

    /** A table in memory only. */
    public static IssueTable inMemory() {
        return new IssueTable(null);
    }

    /**
     * The table kept in {@code file}, read now when it exists. A last line without its line end was cut by a crash
     * while it was written: it is skipped with a warning and cut off the file, so the next merge starts a line.
     */
    public static IssueTable open(Path file) {
        IssueTable table = new IssueTable(file);
        if (Files.isRegularFile(file)) {
            try {
                byte[] bytes = Files.readAllBytes(file);
                int end = bytes.length; // after the last line end; a line end byte occurs in no other UTF-8 character
                while (end > 0 && bytes[end - 1] != '\n') {
                    end--;
                }
                if (end < bytes.length) {
                    LOG.warn("the last line of the issue table {} was cut short (a crash while it was written?): the"
                            + " merge it recorded is skipped, and its issues may show split", file);
                    cutAfter(file, end);
                }
                for (String line : new String(bytes, 0, end, StandardCharsets.UTF_8).split("\n")) {
                    int tab = line.indexOf('\t');
                    if (tab > 0 && tab < line.length() - 1) {
                        table.mergedInto.put(line.substring(0, tab), line.substring(tab + 1));
                    }
                }
            } catch (IOException e) {
                throw new UncheckedIOException("cannot read the issue table " + file, e);
            }
        }
        return table;
    }

    /**
     * An empty table kept in {@code file}, for an index that starts empty: merges recorded for an earlier index
     * would otherwise map the new index's issue ids ("is-" + a message id, reused when messages come again).
     */
    public static IssueTable fresh(Path file) {
        try {
            if (Files.isRegularFile(file) && Files.size(file) > 0) {
                LOG.info("the index is empty: the issue merges of an earlier index in {} are cleared", file);
            }
            Files.deleteIfExists(file);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot clear the issue table " + file, e);
        }
        return new IssueTable(file);
    }

    private static void cutAfter(Path file, long bytes) throws IOException {
        try (FileChannel cut = FileChannel.open(file, StandardOpenOption.WRITE)) {
            cut.truncate(bytes);
            cut.force(true);
        }
    }

    /** The issue {@code issue} survives in: itself unless it was merged. */
    public String survivor(String issue) {
        String current = issue;
        for (int hops = 0; hops < 10_000; hops++) {
            String next = mergedInto.get(current);
            if (next == null || next.equals(current)) {
                shortcut(issue, current);
                return current;
            }
            current = next;
        }
        throw new IllegalStateException("issue merges form a cycle at " + issue);
    }

    /**
     * Points every issue on the chain from {@code issue} straight at {@code survivor}, so that long chains of merges
     * are followed once. Safe beside a concurrent {@link #merge}: that only ever maps an issue that survives, and this
     * only issues merged already, each to an issue further down its own chain.
     */
    private void shortcut(String issue, String survivor) {
        String current = issue;
        while (!current.equals(survivor)) {
            String next = mergedInto.get(current);
            if (next == null || next.equals(survivor)) {
                return;
            }
            mergedInto.put(current, survivor);
            current = next;
        }
    }

    /** Records that {@code merged} went into {@code survivor} (both as they survive now). */
    public synchronized void merge(String merged, String survivor) {
        String from = survivor(merged);
        String into = survivor(survivor);
        if (from.equals(into)) {
            return;
        }
        mergedInto.put(from, into);
        if (file != null) {
            try {
                if (channel == null) {
                    created |= !Files.exists(file);
                    channel = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.WRITE,
                            StandardOpenOption.APPEND);
                }
                ByteBuffer line = ByteBuffer.wrap((from + "\t" + into + "\n").getBytes(StandardCharsets.UTF_8));
                while (line.hasRemaining()) {
                    channel.write(line);
                }
                unsynced = true;
            } catch (IOException e) {
                throw new UncheckedIOException("cannot record an issue merge in " + file, e);
            }
        }
    }

    /** Forces the merges appended so far to the disk; cheap when there are none. */
    public synchronized void sync() {
        if (!unsynced) {
            return;
        }
        try {
            channel.force(false);
            if (created) {
                syncFolderEntry();
                created = false;
            }
            unsynced = false;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot force the issue merges in " + file + " to the disk", e);
        }
    }

    /** A new file's name is only durable once its folder is synced too (as Lucene does for its files). */
    private void syncFolderEntry() {
        try (FileChannel folder = FileChannel.open(file.toAbsolutePath().getParent(), StandardOpenOption.READ)) {
            folder.force(true);
        } catch (IOException e) {
            LOG.debug("cannot sync the folder of {} (not possible on every system): {}", file, e.toString());
        }
    }

    /** Every issue id that survives in one of {@code survivors}, the survivors included. */
    public Set<String> idsSurvivingIn(Set<String> survivors) {
        Set<String> ids = new HashSet<>(survivors);
        for (String merged : mergedInto.keySet()) {
            if (survivors.contains(survivor(merged))) {
                ids.add(merged);
            }
        }
        return ids;
    }

    /** How many issues were merged into others. */
    public int merges() {
        return mergedInto.size();
    }

    /** Syncs and lets the file go; a later merge opens it again. */
    @Override
    public synchronized void close() {
        try {
            sync();
        } finally {
            if (channel != null) {
                try {
                    channel.close();
                } catch (IOException e) {
                    LOG.warn("cannot close the issue table {}: {}", file, e.toString());
                }
                channel = null;
            }
        }
    }
}
