package org.minyi.index.lucene;

import java.io.IOException;
import java.nio.file.Path;
import java.util.function.Supplier;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.search.SearcherManager;
import org.apache.lucene.store.Directory;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The index writer and its searchers. Lucene closes its writer for good after a "tragic" failure — on Lucene 10 an
 * {@code IOException} while flushing or merging a segment, such as a full disk — and then refuses every write and
 * commit. This opens a new writer on the last commit in its place, so the service keeps working once space is
 * freed; what was written but not committed is gone, which the failure that caused it reports.
 */
final class ReopenableWriter {

    private static final Logger LOG = LoggerFactory.getLogger(ReopenableWriter.class);

    /** One writer with the searchers that see its writes. */
    record Writing(IndexWriter writer, SearcherManager searchers) {
    }

    private final Path path;
    private final Directory directory;
    private final Supplier<IndexWriterConfig> config;
    private volatile Writing current;

    ReopenableWriter(Path path, Directory directory, Supplier<IndexWriterConfig> config, IndexWriter first)
            throws IOException {
        this.path = path;
        this.directory = directory;
        this.config = config;
        this.current = new Writing(first, new SearcherManager(first, null));
    }

    Writing current() {
        return current;
    }

    /**
     * Turns a failed write into the exception to throw, reopening the writer first when Lucene closed it.
     *
     * @param doing what failed, e.g. "write to"
     */
    synchronized RuntimeException failed(Writing failedOn, String doing, Exception e) {
        IndexWriter writer = failedOn.writer();
        Throwable tragedy = writer.getTragicException();
        if (tragedy == null) { // not Lucene giving up (a bad document, or the index was closed by us): no reopen
            if (e instanceof IOException io) {
                return IndexWriteException.of(path, doing, io, false);
            }
            return e instanceof RuntimeException r ? r : new IllegalStateException(e);
        }
        Throwable cause = tragedy;
        if (failedOn == current) {
            try {
                reopen();
            } catch (IOException | RuntimeException reopenFailed) {
                LOG.error("the index writer of {} closed after {} and cannot be reopened: {}", path, cause,
                        reopenFailed.toString());
                return new IllegalStateException("the index at " + path + " cannot be written any more (" + cause
                        + ") and reopening it failed (" + reopenFailed + "); restart MinYi once the cause is fixed",
                        reopenFailed);
            }
        }
        return IndexWriteException.of(path, doing, cause, true);
    }

    private void reopen() throws IOException {
        Writing old = current;
        IndexWriter writer = new IndexWriter(directory, config.get());
        current = new Writing(writer, new SearcherManager(writer, null));
        try {
            old.searchers().close(); // searches still holding its reader finish on it
        } catch (IOException | RuntimeException ignored) {
            // the old writer is gone already
        }
        LOG.warn("the index writer of {} was closed by Lucene after a failure; reopened it on the last commit", path);
    }
}
