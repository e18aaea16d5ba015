package org.minyi.index.lucene;

import java.nio.file.Path;

/**
 * The index folder is locked by another writer: most likely another MinYi (the service, or a CLI command) is
 * running on the same folder. Callers can catch this to tell the user to stop it or use the running service.
 */
public final class IndexLockedException extends RuntimeException {

    private final Path directory;

    IndexLockedException(Path directory, Throwable cause) {
        super("the index at " + directory + " is locked by another process: is MinYi already running on it? "
                + "Stop it, or send the work to the running service", cause);
        this.directory = directory;
    }

    public Path directory() {
        return directory;
    }
}
