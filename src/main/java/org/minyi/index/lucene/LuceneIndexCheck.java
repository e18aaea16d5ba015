package org.minyi.index.lucene;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collection;
import org.apache.lucene.index.CheckIndex;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.IndexCommit;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.store.Directory;
import org.apache.lucene.store.FSDirectory;
import org.apache.lucene.store.FilterDirectory;
import org.apache.lucene.store.Lock;
import org.apache.lucene.store.LockObtainFailedException;
import org.apache.lucene.store.NoLockFactory;
import org.minyi.index.IndexHealth;

/**
 * Lucene's {@link CheckIndex}, told as an {@link IndexHealth}: on an index folder no one has open (the command line,
 * with the service stopped), or on one commit of the index a running service writes to.
 */
public final class LuceneIndexCheck {

    private LuceneIndexCheck() {
    }

    /**
     * Checks the last commit in a folder, taking the index's write lock so that no writer changes it meanwhile.
     *
     * @param fullReport whether the report holds Lucene's per-field detail too
     * @throws IndexLockedException     when a running MinYi holds the index (ask it instead)
     * @throws IllegalArgumentException when there is no folder there
     */
    public static IndexHealth ofFolder(Path folder, boolean fullReport) {
        Path path = folder.toAbsolutePath().normalize();
        if (!Files.isDirectory(path)) {
            throw new IllegalArgumentException("no index folder at " + path);
        }
        try (Directory directory = FSDirectory.open(path)) {
            Lock lock;
            try {
                lock = directory.obtainLock(IndexWriter.WRITE_LOCK_NAME);
            } catch (LockObtainFailedException e) {
                throw new IndexLockedException(path, e);
            }
            return check(directory, lock, path, fullReport);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot check the index at " + path, e);
        }
    }

    /**
     * Checks one commit of a live index. The caller keeps the commit's files from being deleted while this runs
     * (a snapshot); the writer goes on writing newer commits, which this does not see.
     */
    static IndexHealth ofCommit(Directory directory, IndexCommit commit, Path path) throws IOException {
        Directory pinned = new CommitOnly(directory, commit.getFileNames());
        // the writer holds the real lock; the snapshot, not a lock, keeps these files as they are
        return check(pinned, NoLockFactory.INSTANCE.obtainLock(pinned, IndexWriter.WRITE_LOCK_NAME), path, false);
    }

    private static IndexHealth check(Directory directory, Lock lock, Path path, boolean fullReport)
            throws IOException {
        ByteArrayOutputStream report = new ByteArrayOutputStream();
        CheckIndex.Status status;
        try (CheckIndex check = new CheckIndex(directory, lock)) { // closing releases the lock
            check.setInfoStream(new PrintStream(report, true, StandardCharsets.UTF_8), fullReport);
            status = check.checkIndex();
        }
        String told = report.toString(StandardCharsets.UTF_8);
        if (status.clean) {
            long messages;
            try (DirectoryReader reader = DirectoryReader.open(directory)) {
                messages = reader.numDocs();
            }
            return new IndexHealth(true, path.toString(), messages, status.numSegments + " segments", told);
        }
        long readable = 0;
        for (CheckIndex.Status.SegmentInfoStatus segment : status.segmentInfos) {
            if (segment.error == null) {
                readable += segment.toLoseDocCount; // its live messages: what a broken segment would lose
            }
        }
        String damage = status.missingSegments ? "its segments file cannot be read"
                : status.numBadSegments + " of " + status.numSegments + " segments are broken"
                        + (status.totLoseDocCount > 0 ? " (" + status.totLoseDocCount + " messages in them)" : "");
        return new IndexHealth(false, path.toString(), readable, damage, told);
    }

    /** A directory that lists only one commit's files, so the checker reads that commit and not a newer one. */
    private static final class CommitOnly extends FilterDirectory {

        private final String[] files;

        CommitOnly(Directory in, Collection<String> files) {
            super(in);
            this.files = files.stream().sorted().toArray(String[]::new);
        }

        @Override
        public String[] listAll() {
            return files.clone();
        }
    }
}
