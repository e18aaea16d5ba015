package org.minyi.index.lucene;

import java.nio.file.Path;

/**
 * The index folder holds an index that cannot be read: damaged files (disk full, crash during copy, edits by
 * hand) or an index written by an incompatible Lucene version. Nothing is changed on disk when this is thrown.
 */
public final class IndexCorruptedException extends RuntimeException {

    private final Path directory;

    IndexCorruptedException(Path directory, Throwable cause) {
        super("the index at " + directory + " is corrupt or unreadable (" + cause.getClass().getSimpleName() + ": "
                + cause.getMessage() + "). MinYi left the folder untouched: restore it from a backup, or move it away "
                + "and import the data again; `minyi check-index` lists what is damaged", cause);
        this.directory = directory;
    }

    public Path directory() {
        return directory;
    }
}
