package org.minyi.analysis.encode;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class EmbeddingCacheTest {

    /** A two-dimensional encoder that counts the texts it encodes, optionally taking its time like a real one. */
    private static class CountingEncoder implements SentenceEncoder {
        final AtomicInteger encoded = new AtomicInteger();

        @Override
        public float[][] encode(List<String> texts) {
            encoded.addAndGet(texts.size());
            pause();
            return texts.stream().map(t -> new float[] {t.length() % 2, 1 - t.length() % 2}).toArray(float[][]::new);
        }

        @Override
        public int dimensions() {
            return 2;
        }

        @Override
        public String name() {
            return "counting";
        }

        @Override
        public void close() {
        }

        void pause() {
        }
    }

    /** Slow enough that two runs are still encoding, and so appending, at the same time. */
    private static final class SlowEncoder extends CountingEncoder {
        @Override
        void pause() {
            try {
                Thread.sleep(1);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    @Test
    void knownTextsAreReadFromTheFileNotEncodedAgain(@TempDir Path folder) {
        EmbeddingCache.open(folder, new CountingEncoder()).vectors(List.of("甲", "乙乙"), 1, done -> { });
        CountingEncoder again = new CountingEncoder();
        float[][] v = EmbeddingCache.open(folder, again).vectors(List.of("甲", "乙乙"), 1, done -> { });
        assertThat(again.encoded.get()).isZero();
        assertThat(v[1]).containsExactly(0, 1);
    }

    @Test
    void recordsAppendedAfterATornOneAreStillRead(@TempDir Path folder) throws IOException {
        EmbeddingCache.open(folder, new CountingEncoder()).vectors(List.of("甲"), 1, done -> { });
        Path file = folder.resolve("counting.vectors");
        Files.write(file, new byte[] {1, 2, 3, 4, 5}, StandardOpenOption.APPEND); // a crash mid-record
        EmbeddingCache.open(folder, new CountingEncoder()).vectors(List.of("乙乙", "丙"), 1, done -> { });

        CountingEncoder third = new CountingEncoder();
        EmbeddingCache.open(folder, third).vectors(List.of("甲", "乙乙", "丙"), 1, done -> { });
        assertThat(third.encoded.get()).isZero();
        assertThat(Files.size(file) % (32 + 2 * Float.BYTES)).isZero();
    }

    @Test
    void twoRunsAppendingToOneFileAtOnceLeaveEveryRecordReadable(@TempDir Path folder) throws Exception {
        List<String> first = IntStream.range(0, 4000).mapToObj(i -> "甲" + i).toList();
        List<String> second = IntStream.range(0, 4000).mapToObj(i -> "乙乙" + i).toList();
        EmbeddingCache one = EmbeddingCache.open(folder, new SlowEncoder());
        EmbeddingCache other = EmbeddingCache.open(folder, new SlowEncoder());
        ExecutorService runs = Executors.newFixedThreadPool(2);
        try {
            Future<?> a = runs.submit(() -> one.vectors(first, 3, done -> { }));
            Future<?> b = runs.submit(() -> other.vectors(second, 3, done -> { }));
            a.get();
            b.get();
        } finally {
            runs.shutdownNow();
        }

        CountingEncoder third = new CountingEncoder();
        List<String> all = new ArrayList<>(first);
        all.addAll(second);
        float[][] v = EmbeddingCache.open(folder, third).vectors(all, 1, done -> { });
        assertThat(third.encoded.get()).as("every record of both runs is read back").isZero();
        assertThat(v[4000 + 7]).containsExactly(("乙乙" + 7).length() % 2, 1 - ("乙乙" + 7).length() % 2);
        assertThat(Files.size(folder.resolve("counting.vectors"))).isEqualTo(8000L * (32 + 2 * Float.BYTES));
    }
}
