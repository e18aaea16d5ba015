package org.minyi.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.minyi.testing.DamagedIndex;
import picocli.CommandLine;

/** A command on a corrupt index ends with one message that names the folder and says what to do, and exit 2. */
class CorruptIndexCommandTest {

    @TempDir
    Path tmp;

    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();
    private Path index;

    @BeforeEach
    void damagedDataFolder() throws Exception {
        System.setProperty("minyi.data-dir", tmp.resolve("data").toString());
        index = tmp.resolve("data").resolve("index");
        DamagedIndex.create(index);
    }

    @AfterEach
    void forgetDataFolder() {
        System.clearProperty("minyi.data-dir");
    }

    private int minyi(String... args) {
        CommandLine line = CommandLines.create();
        line.setOut(new PrintWriter(out, true));
        line.setErr(new PrintWriter(err, true));
        return line.execute(args);
    }

    @Test
    void importIntoACorruptIndexExitsWithTheFolderAndWhatToDoNotAStackTrace() throws Exception {
        Path file = tmp.resolve("one.jsonl");
        Files.writeString(file, "{\"id\":\"x1\",\"title\":\"路灯不亮\",\"text\":\"桂花路路灯坏了\",\"source\":\"t\","
                + "\"channel\":\"board\"}\n", StandardCharsets.UTF_8);
        String before = DamagedIndex.fingerprint(index);

        int exit = minyi("import", file.toString());

        assertEquals(2, exit, err.toString());
        String message = err.toString();
        assertTrue(message.startsWith("minyi import: the index at " + index.toAbsolutePath()), message);
        assertTrue(message.contains("is corrupt") && message.contains("left the folder untouched")
                && message.contains("restore it from a backup"), message);
        assertFalse(message.contains("\tat "), "no stack trace: " + message);
        assertEquals(before, DamagedIndex.fingerprint(index), "the damaged folder is left as it was");
    }

    @Test
    void checkIndexSaysASoundIndexIsSoundAndExitsZero() throws Exception {
        Path sound = tmp.resolve("sound");
        try (var index = org.minyi.index.lucene.LuceneMessageIndex.open(sound,
                new org.minyi.analysis.Segmenter(org.minyi.analysis.DomainDictionary.load(null)),
                org.minyi.MinYiSettings.CHINA)) {
            index.upsert(java.util.List.of(org.minyi.index.TestMessage.message("a", "小区路灯坏了").build()));
        }

        int exit = minyi("check-index", "--index", sound.toString());

        assertEquals(0, exit, out + "\n" + err);
        assertTrue(out.toString().contains("is sound: 1 segments, 1 messages"), out.toString());
    }

    @Test
    void checkIndexSaysTheIndexIsDamagedAndExitsNonZero() {
        int exit = minyi("check-index", "--index", index.toString());

        assertEquals(1, exit, out + "\n" + err);
        assertTrue(out.toString().contains("is damaged"), out.toString());
    }
}
