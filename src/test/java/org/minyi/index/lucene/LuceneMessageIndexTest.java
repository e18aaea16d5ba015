package org.minyi.index.lucene;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.minyi.index.TestMessage.message;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.minyi.analysis.DomainDictionary;
import org.minyi.analysis.Segmenter;
import org.minyi.analysis.Sentiment;
import org.minyi.index.IndexedMessage;
import org.minyi.index.MessageFilter;
import org.minyi.index.MessageIndex;
import org.minyi.index.MessageIndexContract;
import org.minyi.index.query.ExpressionMatcher;
import org.minyi.message.Channel;

class LuceneMessageIndexTest extends MessageIndexContract {

    static final Segmenter SEGMENTER = new Segmenter(DomainDictionary.load(null));

    @TempDir
    Path folder;

    private int opened;

    @Override
    protected MessageIndex newIndex(ZoneId zone) {
        return LuceneMessageIndex.open(folder.resolve("index-" + opened++), SEGMENTER, zone);
    }

    @Test
    void aCheckReadsOneCommitToTheEndWhileWritesCommitsAndMergesGoOn() throws Exception {
        java.util.concurrent.atomic.AtomicBoolean checking = new java.util.concurrent.atomic.AtomicBoolean(true);
        java.util.concurrent.atomic.AtomicInteger written = new java.util.concurrent.atomic.AtomicInteger();
        Runnable writeAndCommit = () -> { // each commit a new segment: merges delete the files of older commits
            List<IndexedMessage> batch = new ArrayList<>();
            for (int i = 0; i < 50; i++) {
                int n = written.getAndIncrement();
                batch.add(org.minyi.index.TestMessage.message("w" + n, "第" + n + "条留言：小区路灯坏了，晚上出行不便")
                        .build());
            }
            index.upsert(batch);
            index.commit();
        };
        for (int i = 0; i < 40; i++) {
            writeAndCommit.run();
        }
        Thread writer = new Thread(() -> {
            while (checking.get()) {
                writeAndCommit.run();
            }
        });
        writer.start();
        try {
            for (int i = 0; i < 20; i++) {
                org.minyi.index.IndexHealth health = index.checkHealth();
                assertTrue(health.sound(), "check " + i + " while writing: " + health);
            }
        } finally {
            checking.set(false);
            writer.join();
        }
        index.refresh();
        assertEquals(written.get(), index.count());
        assertTrue(index.checkHealth().sound());
    }

    @Test
    void aMessageOnItsWayMeetsAFilterExactlyWhenTheIndexFindsIt() {
        addCity();
        ExpressionMatcher matcher = new ExpressionMatcher(SEGMENTER);
        List<IndexedMessage> city = Stream.of("1", "2", "3", "4", "5", "6")
                .map(id -> index.get(id).orElseThrow()).toList();
        List<MessageFilter> filters = new ArrayList<>();
        for (String query : List.of("路灯 | 噪音", "路灯 晚上", "路灯 -晚上", "-路灯", "路灯-晚上", "小区 +(路灯|停车位) -晚上",
                "(路灯 | 停车) -晚上", "\"晚上出行\"", "\"出行晚上\"", "* -路灯 -噪音 -维修", "市住建局", "砂子塘街道",
                "停车", "班次", "的")) {
            filters.add(MessageFilter.text(query));
        }
        filters.add(filter().text("路灯").topics(Set.of("城乡建设")).regions(Set.of("雨花区")).build());
        filters.add(filter().sentiments(Set.of(Sentiment.NEGATIVE))
                .channels(Set.of(Channel.HOTLINE, Channel.BOARD)).build());
        filters.add(filter().regions(Set.of("岳麓区")).sources(Set.of("12345")).build());
        filters.add(filter().between("2024-03-02T00:00+08:00", "2024-03-10T00:00+08:00").build());
        for (MessageFilter filter : filters) {
            Set<String> inMemory = city.stream().filter(m -> matcher.matches(filter, m)).map(IndexedMessage::id)
                    .collect(Collectors.toSet());
            assertEquals(idSet(search(filter)), inMemory, filter.toString());
        }
    }

    @Test
    void messagesSurviveCloseAndReopen() {
        Path path = folder.resolve("kept");
        try (LuceneMessageIndex first = LuceneMessageIndex.open(path, SEGMENTER, ZONE)) {
            first.upsert(List.of(message("a", "小区路灯坏了").keywords("路灯").build()));
        }
        try (LuceneMessageIndex reopened = LuceneMessageIndex.open(path, SEGMENTER, ZONE)) {
            assertEquals(1, reopened.count());
            assertEquals(1, reopened.topKeywords(MessageFilter.ALL, 5).size());
            assertEquals("小区路灯坏了", reopened.get("a").orElseThrow().message().text());
        }
    }

    @Test
    void aSecondOpenOfTheSameFolderIsRefusedAsLocked() {
        Path path = folder.resolve("busy");
        try (LuceneMessageIndex running = LuceneMessageIndex.open(path, SEGMENTER, ZONE)) {
            IndexLockedException e = assertThrows(IndexLockedException.class,
                    () -> LuceneMessageIndex.open(path, SEGMENTER, ZONE));
            assertEquals(path.toAbsolutePath(), e.directory());
            assertTrue(e.getMessage().contains("is MinYi already running"), e.getMessage());
        }
        LuceneMessageIndex.open(path, SEGMENTER, ZONE).close(); // the lock goes with the index
    }

    @Test
    void aDamagedIndexIsReportedWhenOpened() throws IOException {
        Path path = folder.resolve("damaged");
        try (LuceneMessageIndex index = LuceneMessageIndex.open(path, SEGMENTER, ZONE)) {
            index.upsert(List.of(message("a", "小区路灯坏了").build()));
        }
        Path segments;
        try (Stream<Path> files = Files.list(path)) {
            segments = files.filter(f -> f.getFileName().toString().startsWith("segments_")).findFirst().orElseThrow();
        }
        byte[] bytes = Files.readAllBytes(segments);
        for (int i = bytes.length / 2; i < bytes.length; i++) {
            bytes[i] ^= 0x5a;
        }
        Files.write(segments, bytes, StandardOpenOption.TRUNCATE_EXISTING);

        IndexCorruptedException e = assertThrows(IndexCorruptedException.class,
                () -> LuceneMessageIndex.open(path, SEGMENTER, ZONE));
        assertTrue(e.getMessage().contains(path.toString()), e.getMessage());
    }

    @Test
    void aFolderOfOtherFilesIsNotTakenForAnIndex() throws IOException {
        Path documents = Files.createDirectories(folder.resolve("documents"));
        Files.writeString(documents.resolve("notes.txt"), "not an index");

        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> LuceneMessageIndex.open(documents, SEGMENTER, ZONE));
        assertTrue(e.getMessage().contains("notes.txt"), e.getMessage());
    }

    /**
     * A kill -9 in the first seconds of the very first import leaves Lucene's files of a first segment and no
     * commit: nothing in them was ever acknowledged. The service refused to start on that folder ("holds files that
     * are not a MinYi index"); it starts the index afresh instead.
     */
    @Test
    void anIndexKilledBeforeItsFirstCommitStartsAfresh() throws IOException {
        Path crashed = folder.resolve("crashed");
        try (LuceneMessageIndex running = LuceneMessageIndex.open(folder.resolve("running"), SEGMENTER, ZONE)) {
            List<IndexedMessage> batch = new ArrayList<>();
            for (int i = 0; i < 200; i++) {
                batch.add(message("m" + i, "小区路灯坏了第" + i + "次").build());
            }
            running.upsert(batch);
            running.refresh(); // writes the segment's files, commits nothing
            Files.createDirectories(crashed);
            try (Stream<Path> files = Files.list(running.directory())) {
                for (Path file : files.toList()) { // the folder as a kill -9 leaves it, write lock included
                    Files.copy(file, crashed.resolve(file.getFileName()));
                }
            }
        }
        try (Stream<Path> files = Files.list(crashed)) {
            assertTrue(files.anyMatch(f -> f.getFileName().toString().startsWith("_")), "segment files were written");
        }

        try (LuceneMessageIndex reopened = LuceneMessageIndex.open(crashed, SEGMENTER, ZONE)) {
            assertEquals(0, reopened.count(), "nothing was committed, so nothing was acknowledged");
            reopened.upsert(List.of(message("after", "重启后的留言").build()));
            reopened.commit();
            assertEquals(1, reopened.count());
        }
        try (LuceneMessageIndex again = LuceneMessageIndex.open(crashed, SEGMENTER, ZONE)) {
            assertEquals(1, again.count());
        }
    }

    @Test
    void aFolderOfLuceneFilesAndOthersIsStillNotTakenForAnIndex() throws IOException {
        Path mixed = Files.createDirectories(folder.resolve("mixed"));
        Files.writeString(mixed.resolve("_0.cfs"), "looks like a segment");
        Files.writeString(mixed.resolve("thesis.docx"), "not an index");

        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> LuceneMessageIndex.open(mixed, SEGMENTER, ZONE));
        assertTrue(e.getMessage().contains("thesis.docx"), e.getMessage());
    }

    @Test
    void concurrentWritersAndReadersNeitherLoseNorDuplicateMessages() throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            List<Future<?>> work = new ArrayList<>();
            for (int t = 0; t < 4; t++) {
                int thread = t;
                work.add(pool.submit(() -> {
                    for (int i = 0; i < 50; i++) {
                        // Two threads write each id, so every id is written twice.
                        IndexedMessage m = message("m" + ((thread % 2) * 50 + i), "小区路灯坏了第" + i + "次").build();
                        index.upsert(List.of(m));
                        if (i % 10 == 0) {
                            index.refresh();
                            index.search(org.minyi.index.SearchQuery.of(MessageFilter.text("路灯")));
                        }
                    }
                }));
            }
            for (Future<?> f : work) {
                f.get();
            }
        } finally {
            pool.shutdownNow();
        }
        index.refresh();
        assertEquals(100, index.count());
    }
}
