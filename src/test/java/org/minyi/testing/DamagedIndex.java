package org.minyi.testing;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.List;
import java.util.stream.Stream;
import org.minyi.MinYiSettings;
import org.minyi.analysis.DomainDictionary;
import org.minyi.analysis.Segmenter;
import org.minyi.index.lucene.LuceneMessageIndex;
import org.minyi.index.TestMessage;

/** A real index folder whose segments file is cut in half, as a crash during a copy or a full disk leaves it. */
public final class DamagedIndex {

    private DamagedIndex() {
    }

    /** Creates an index with a few messages at {@code folder}, then truncates its segments file. */
    public static void create(Path folder) throws IOException {
        try (LuceneMessageIndex index = LuceneMessageIndex.open(folder, new Segmenter(DomainDictionary.load(null)),
                MinYiSettings.CHINA)) {
            index.upsert(List.of(TestMessage.message("a", "小区路灯坏了").build(),
                    TestMessage.message("b", "工地夜间施工噪音扰民").build()));
        }
        Path segments;
        try (Stream<Path> files = Files.list(folder)) {
            segments = files.filter(f -> f.getFileName().toString().startsWith("segments_")).findFirst().orElseThrow();
        }
        byte[] bytes = Files.readAllBytes(segments);
        Files.write(segments, java.util.Arrays.copyOf(bytes, bytes.length / 2));
    }

    /** A digest of every file's name and bytes, to show a folder was left untouched. */
    public static String fingerprint(Path folder) throws Exception {
        MessageDigest digest = MessageDigest.getInstance("SHA-256");
        try (Stream<Path> files = Files.list(folder)) {
            for (Path file : files.filter(f -> !f.getFileName().toString().equals("write.lock")).sorted().toList()) {
                digest.update(file.getFileName().toString().getBytes(java.nio.charset.StandardCharsets.UTF_8));
                digest.update(Files.readAllBytes(file));
            }
        }
        return HexFormat.of().formatHex(digest.digest());
    }
}
