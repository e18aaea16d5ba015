package org.minyi.analysis.encode;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class EmbeddingCacheTest {

    /** A two-dimensional encoder that counts the texts it encodes. */
    private static final class CountingEncoder implements SentenceEncoder {
        final AtomicInteger encoded = new AtomicInteger();

        @Override
        public float[][] encode(List<String> texts) {
            encoded.addAndGet(texts.size());
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
}
