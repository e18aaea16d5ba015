package org.minyi.index.lucene;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;

/**
 * A write to the index failed, most often because its disk is full. What was committed before is intact; writes
 * since the last commit may be lost and must be sent again. The message says what happened and what to do.
 */
public final class IndexWriteException extends UncheckedIOException {

    private final boolean diskFull;

    private IndexWriteException(String message, IOException cause, boolean diskFull) {
        super(message, cause);
        this.diskFull = diskFull;
    }

    /** True when the disk of the index has no space left. */
    public boolean diskFull() {
        return diskFull;
    }

    /**
     * @param doing    what was being done, e.g. "commit to"
     * @param reopened whether Lucene had closed its writer (a "tragic" failure) and it was opened again
     */
    static IndexWriteException of(Path index, String doing, Throwable failure, boolean reopened) {
        IOException cause = failure instanceof IOException io ? io : new IOException(failure.toString(), failure);
        boolean full = isDiskFull(failure);
        String lost = reopened ? "; the index writer was reopened on the last commit, so writes since then were "
                + "dropped and must be sent again" : "";
        String message = full
                ? "index disk full: cannot " + doing + " the index at " + index + " (No space left on device; "
                        + freeSpace(index) + " free space left there). Free disk space, then import again: what was "
                        + "committed before is intact" + lost
                : "cannot " + doing + " the index at " + index + " (" + failure + ")" + lost;
        return new IndexWriteException(message, cause, full);
    }

    static boolean isDiskFull(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            String text = t.getMessage();
            if (text != null && (text.contains("No space left on device") || text.contains("There is not enough space"))) {
                return true;
            }
        }
        return false;
    }

    private static String freeSpace(Path index) {
        try {
            long bytes = Files.getFileStore(index).getUsableSpace();
            return bytes < 1 << 20 ? (bytes / 1024) + " KB"
                    : String.format(Locale.ROOT, "%.1f MB", bytes / (1024.0 * 1024));
        } catch (IOException | RuntimeException e) {
            return "unknown";
        }
    }
}
