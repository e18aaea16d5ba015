package org.minyi.collect.importer;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.minyi.MinYiSettings;
import org.minyi.analysis.AnalysisPipeline;
import org.minyi.analysis.DomainDictionary;
import org.minyi.analysis.Segmenter;
import org.minyi.analysis.Sentiment;
import org.minyi.analysis.SentimentPrediction;
import org.minyi.analysis.TopicPrediction;
import org.minyi.index.lucene.LuceneMessageIndex;
import org.minyi.ingest.Ingestion;

/** The watched folder over a real ingestion into a temporary Lucene index; each poll is called by the test. */
class InboxWatcherTest {

    private static final Segmenter SEGMENTER = new Segmenter(DomainDictionary.load(null));
    private static final AnalysisPipeline PIPELINE = AnalysisPipeline.create(SEGMENTER,
            (tokens, text) -> new TopicPrediction("城乡建设", 0.9),
            (words, text) -> new SentimentPrediction(Sentiment.NEGATIVE, -0.5));
    private static final List<SyntheticWorkOrders.Order> ORDERS = SyntheticWorkOrders.orders(12);

    @TempDir
    Path dir;

    private LuceneMessageIndex index;
    private Ingestion ingestion;
    private InboxWatcher watcher;

    @BeforeEach
    void open() {
        index = LuceneMessageIndex.open(dir.resolve("index"), SEGMENTER, MinYiSettings.CHINA);
        ingestion = new Ingestion(PIPELINE, index, 2);
        watcher = new InboxWatcher(dir.resolve("inbox"), this::importNow);
    }

    @AfterEach
    void close() {
        watcher.close();
        ingestion.close();
        index.close();
    }

    private InboxWatcher.Outcome importNow(Path file) {
        ImportReport report = new FileImporter().run(file, ImportOptions.defaults(), ingestion, update -> { });
        ingestion.flush();
        return InboxWatcher.Outcome.of(report);
    }

    @Test
    void aDroppedFileIsImportedOnceUnchangedForTwoPollsThenMovedToDone() throws Exception {
        drop("orders.csv");

        assertThat(watcher.poll()).as("first sight: the writer may not be done").isEmpty();
        assertThat(index.count()).isZero();
        assertThat(watcher.poll()).containsExactly(watcher.doneFolder().resolve("orders.csv"));

        assertThat(index.count()).isEqualTo(ORDERS.size());
        assertThat(watcher.inbox().resolve("orders.csv")).doesNotExist();
    }

    @Test
    void droppingTheSameFileAgainUpdatesTheSameMessagesInsteadOfAddingNewOnes() throws Exception {
        drop("orders.csv");
        watcher.poll();
        watcher.poll();
        drop("orders.csv");
        watcher.poll();

        assertThat(watcher.poll()).containsExactly(watcher.doneFolder().resolve("orders-2.csv"));
        assertThat(index.count()).isEqualTo(ORDERS.size());
    }

    @Test
    void aFileStillBeingWrittenWaitsUntilItStopsGrowing() throws Exception {
        Path file = SyntheticWorkOrders.csv(watcher.inbox().resolve("orders.csv"), SyntheticWorkOrders.HEADER_A,
                ORDERS.subList(0, 6));
        watcher.poll();
        SyntheticWorkOrders.csv(file, SyntheticWorkOrders.HEADER_A, ORDERS);

        assertThat(watcher.poll()).as("it grew since the last poll").isEmpty();
        assertThat(watcher.poll()).hasSize(1);
        assertThat(index.count()).isEqualTo(ORDERS.size());
    }

    @Test
    void aPartFileIsLeftAloneUntilRenamed() throws Exception {
        Path part = drop("orders.csv.part");
        watcher.poll();
        assertThat(watcher.poll()).isEmpty();

        Files.move(part, part.resolveSibling("orders.csv"));
        watcher.poll();
        assertThat(watcher.poll()).hasSize(1);
        assertThat(index.count()).isEqualTo(ORDERS.size());
    }

    @Test
    void aFileOfUnknownFormatLandsInFailedWithTheReasonBesideIt() throws Exception {
        Files.writeString(watcher.inbox().resolve("notes.txt"), "请处理这些工单");
        watcher.poll();

        assertThat(watcher.poll()).containsExactly(watcher.failedFolder().resolve("notes.txt"));
        assertThat(Files.readString(watcher.failedFolder().resolve("notes.txt.error.txt")))
                .contains("cannot tell the format of notes.txt");
    }

    @Test
    void aCsvNoMappingFitsLandsInFailedNamingItsHeader() throws Exception {
        Files.writeString(watcher.inbox().resolve("other.csv"), "编号,内容\n1,路灯坏了\n");
        watcher.poll();
        watcher.poll();

        assertThat(Files.readString(watcher.failedFolder().resolve("other.csv.error.txt")))
                .contains("no built-in column mapping fits other.csv").contains("[编号, 内容]");
        assertThat(index.count()).isZero();
    }

    @Test
    void aFileWhoseRowsAreAllRejectedFailsWithTheFirstRowErrors() throws Exception {
        Files.writeString(watcher.inbox().resolve("dates.csv"), String.join(",", SyntheticWorkOrders.HEADER_A)
                + "\nGD1,昨天下午,雁塔区,城乡建设,路灯坏了,区城市管理局,办理中,,,\n");
        watcher.poll();
        watcher.poll();

        assertThat(Files.readString(watcher.failedFolder().resolve("dates.csv.error.txt")))
                .contains("none of its 1 rows could be imported").contains("bad date '字字字字'");
    }

    @Test
    void aFileWhoseImportWasCutShortStaysInTheInboxAndIsImportedAgainAfterARestart() throws Exception {
        drop("orders.csv");
        InboxWatcher stopping = new InboxWatcher(watcher.inbox(), file -> {
            new FileImporter().run(file, ImportOptions.defaults(), ingestion, update -> { });
            throw new InterruptedException("service stopping while the import runs");
        });
        stopping.poll();
        try {
            stopping.poll();
        } catch (InterruptedException expected) {
            // the shutdown the test stands for
        }
        assertThat(watcher.inbox().resolve("orders.csv")).exists();

        watcher.poll();
        assertThat(watcher.poll()).hasSize(1);
        assertThat(index.count()).isEqualTo(ORDERS.size());
    }

    /** What the inbox keeps is citizens' messages and errors about them: they were world-readable. */
    @Test
    void doneAndFailedFilesAndTheirErrorFilesAreTheServicesOnly() throws Exception {
        org.junit.jupiter.api.Assumptions.assumeTrue(dir.getFileSystem().supportedFileAttributeViews()
                .contains("posix"));
        Path dropped = drop("orders.csv");
        Files.setPosixFilePermissions(dropped, java.nio.file.attribute.PosixFilePermissions.fromString("rw-r--r--"));
        Files.writeString(watcher.inbox().resolve("notes.txt"), "请处理这些工单");
        watcher.poll();
        watcher.poll();

        assertThat(mode(watcher.doneFolder())).isEqualTo("rwx------");
        assertThat(mode(watcher.doneFolder().resolve("orders.csv"))).isEqualTo("rw-------");
        Path failed = watcher.inbox().resolve("failed");
        assertThat(mode(failed)).isEqualTo("rwx------");
        assertThat(mode(failed.resolve("notes.txt"))).isEqualTo("rw-------");
        assertThat(mode(failed.resolve("notes.txt.error.txt"))).isEqualTo("rw-------");
    }

    private static String mode(Path path) throws IOException {
        return java.nio.file.attribute.PosixFilePermissions.toString(Files.getPosixFilePermissions(path));
    }

    private Path drop(String name) throws IOException {
        return SyntheticWorkOrders.csv(watcher.inbox().resolve(name), SyntheticWorkOrders.HEADER_A, ORDERS);
    }
}
