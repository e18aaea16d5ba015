package org.minyi.index.lucene;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.minyi.index.TestMessage.message;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;
import org.apache.lucene.store.Directory;
import org.apache.lucene.store.FSDirectory;
import org.apache.lucene.store.FilterDirectory;
import org.apache.lucene.store.FilterIndexOutput;
import org.apache.lucene.store.IOContext;
import org.apache.lucene.store.IndexOutput;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.minyi.MinYiSettings;
import org.minyi.analysis.AnalysisPipeline;
import org.minyi.analysis.Sentiment;
import org.minyi.analysis.SentimentPrediction;
import org.minyi.analysis.TopicPrediction;
import org.minyi.index.IndexedMessage;
import org.minyi.ingest.IngestSession;
import org.minyi.ingest.Ingestion;
import org.minyi.message.Channel;
import org.minyi.message.Message;

/**
 * A full disk under the index, simulated by a directory that fails every write with the error Linux gives
 * ("No space left on device") while switched on. Lucene 10 treats such a failure while flushing a segment as
 * tragic and closes its writer; the index must say clearly what happened, keep serving what was committed, and
 * take writes again once space is back. (ServiceDiskFullTest does the same with a real full tmpfs.)
 */
class IndexDiskFullTest {

    private static final AnalysisPipeline PIPELINE = AnalysisPipeline.create(LuceneMessageIndexTest.SEGMENTER,
            (tokens, text) -> new TopicPrediction("城乡建设", 0.9),
            (words, text) -> new SentimentPrediction(Sentiment.NEGATIVE, -0.6));

    @TempDir
    Path folder;

    private final Disk disk = new Disk();

    @Test
    void aFullDiskFailsTheCommitClearlyKeepsWhatWasCommittedAndWritesAgainOnceFreed() {
        Path path = folder.resolve("index");
        try (LuceneMessageIndex index = LuceneMessageIndex.open(path, LuceneMessageIndexTest.SEGMENTER,
                MinYiSettings.CHINA, disk::open)) {
            index.upsert(messages("before-", 20));
            index.commit();

            disk.full = true;
            IndexWriteException e = assertThrows(IndexWriteException.class, () -> {
                index.upsert(messages("during-", 20));
                index.commit();
            });
            assertTrue(e.diskFull());
            assertTrue(e.getMessage().startsWith("index disk full: cannot "), e.getMessage());
            assertTrue(e.getMessage().contains(path.toAbsolutePath().toString()), e.getMessage());
            assertTrue(e.getMessage().contains("what was committed before is intact"), e.getMessage());
            assertTrue(e.getMessage().contains("the index writer was reopened on the last commit"),
                    "Lucene closed its writer (a tragic event) and the index opened a new one: " + e.getMessage());
            assertEquals(20, index.count(), "searches still see what was committed");
            assertTrue(index.get("before-7").isPresent());

            disk.full = false;
            index.upsert(messages("after-", 20));
            index.commit();
            assertEquals(40, index.count(), "the writer was reopened: committed and new messages, not the lost ones");
        }
        try (LuceneMessageIndex reopened = LuceneMessageIndex.open(path, LuceneMessageIndexTest.SEGMENTER,
                MinYiSettings.CHINA)) {
            assertEquals(40, reopened.count(), "all on disk");
        }
    }

    @Test
    void aSessionFlushFailsWhenItsMessagesCouldNotBeWrittenAndLaterSessionsSucceedOnceFreed() {
        try (LuceneMessageIndex index = LuceneMessageIndex.open(folder.resolve("index"),
                LuceneMessageIndexTest.SEGMENTER, MinYiSettings.CHINA, disk::open);
             Ingestion ingestion = new Ingestion(PIPELINE, index, 2)) {
            IngestSession first = ingestion.session("first");
            accept(first, "first-", 10);
            first.flush();
            assertEquals(10, first.committed());

            disk.full = true;
            IngestSession second = ingestion.session("second");
            accept(second, "second-", 10);
            RuntimeException e = assertThrows(RuntimeException.class, second::flush);
            assertTrue(e.getMessage().startsWith("index disk full"), e.getMessage());
            assertEquals(0, second.committed(), "nothing of the failed session is claimed durable");

            disk.full = false;
            IngestSession third = ingestion.session("third");
            accept(third, "third-", 10);
            third.flush();
            assertEquals(10, third.committed());
            assertEquals(20, index.count());
        }
    }

    private static void accept(IngestSession session, String prefix, int count) {
        for (int i = 0; i < count; i++) {
            session.accept(new Message(prefix + i, "board-a", Channel.BOARD, "路灯不亮", "桂花路路灯坏了第" + i + "盏",
                    Instant.parse("2019-03-01T02:00:00Z"), null, null, null, null));
        }
    }

    private static List<IndexedMessage> messages(String prefix, int count) {
        List<IndexedMessage> list = new ArrayList<>();
        IntStream.range(0, count).forEach(i -> list.add(message(prefix + i, "小区路灯坏了第" + i + "盏").build()));
        return list;
    }

    /** A file system whose writes fail like a full disk while {@link #full} is set. */
    private static final class Disk {
        volatile boolean full;

        Directory open(Path path) throws IOException {
            return new FilterDirectory(FSDirectory.open(path)) {
                @Override
                public IndexOutput createOutput(String name, IOContext context) throws IOException {
                    check();
                    return guarded(super.createOutput(name, context));
                }

                @Override
                public IndexOutput createTempOutput(String prefix, String suffix, IOContext context)
                        throws IOException {
                    check();
                    return guarded(super.createTempOutput(prefix, suffix, context));
                }
            };
        }

        private IndexOutput guarded(IndexOutput out) {
            return new FilterIndexOutput("disk-full guard " + out, out.getName(), out) {
                @Override
                public void writeByte(byte b) throws IOException {
                    check();
                    super.writeByte(b);
                }

                @Override
                public void writeBytes(byte[] b, int offset, int length) throws IOException {
                    check();
                    super.writeBytes(b, offset, length);
                }
            };
        }

        private void check() throws IOException {
            if (full) {
                throw new IOException("No space left on device");
            }
        }
    }
}
