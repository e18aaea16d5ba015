package org.minyi.insight;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Which issue each merged issue went into. Messages keep the issue id they were indexed with (rewriting every
 * member of a merged issue would cost a write per member); reads map an id to the issue it survives in. Kept as
 * one line per merge ("merged TAB survivor") in a file next to the index, appended as merges happen, so it
 * outlives a restart on either index backend; without a file it lives in memory only (tests, benchmarks).
 * Thread-safe: the ingest writer merges while readers map.
 */
public final class IssueTable {

    /** The file's name in the data folder. */
    public static final String FILE_NAME = "issue-merges.tsv";

    private final Map<String, String> mergedInto = new ConcurrentHashMap<>();
    private final Path file;

    private IssueTable(Path file) {
        this.file = file;
    }

    /** A table in memory only. */
    public static IssueTable inMemory() {
        return new IssueTable(null);
    }

    /** The table kept in {@code file}, read now when it exists. */
    public static IssueTable open(Path file) {
        IssueTable table = new IssueTable(file);
        if (Files.isRegularFile(file)) {
            try {
                for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
                    int tab = line.indexOf('\t');
                    if (tab > 0 && tab < line.length() - 1) { // a line cut by a crash is skipped
                        table.mergedInto.put(line.substring(0, tab), line.substring(tab + 1));
                    }
                }
            } catch (IOException e) {
                throw new UncheckedIOException("cannot read the issue table " + file, e);
            }
        }
        return table;
    }

    /** The issue {@code issue} survives in: itself unless it was merged. */
    public String survivor(String issue) {
        String current = issue;
        for (int hops = 0; hops < 10_000; hops++) {
            String next = mergedInto.get(current);
            if (next == null || next.equals(current)) {
                return current;
            }
            current = next;
        }
        throw new IllegalStateException("issue merges form a cycle at " + issue);
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
                Files.writeString(file, from + "\t" + into + "\n", StandardCharsets.UTF_8,
                        StandardOpenOption.CREATE, StandardOpenOption.APPEND);
            } catch (IOException e) {
                throw new UncheckedIOException("cannot record an issue merge in " + file, e);
            }
        }
    }

    /** Every issue id that survives in one of {@code survivors}, the survivors included. */
    public java.util.Set<String> idsSurvivingIn(java.util.Set<String> survivors) {
        java.util.Set<String> ids = new java.util.HashSet<>(survivors);
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
}
