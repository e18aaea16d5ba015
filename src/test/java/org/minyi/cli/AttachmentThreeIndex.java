package org.minyi.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.stream.Stream;
import org.minyi.testing.TempFolders;
import picocli.CommandLine;

/**
 * Attachment 3 (teddy2020-messages-with-votes.csv) indexed as {@code minyi import} indexes it, with the sentence
 * encoder: minutes of work, so done once into {@code target/hotspot-purity-data} and reused by the hand-checked
 * figures (hotspot purity, demand phrases). It is built again when what it was built from changed — the service's
 * classes, dictionaries or models — so a figure is never read off an index of older rules.
 */
final class AttachmentThreeIndex {

    static final Path VOTES = Path.of("..", "shared", "data", "gov-messages", "teddy2020-messages-with-votes.csv");
    static final Path DATA = Path.of("target", "hotspot-purity-data");
    private static final Path STAMP = DATA.resolve("built-from.sha256");
    private static final Path CLASSES = Path.of("target", "classes", "org", "minyi");
    private static final Path DICTIONARIES = Path.of("dictionaries");
    private static final Path MODELS = Path.of("models");

    private AttachmentThreeIndex() {
    }

    /** Skips the calling test without the shared data; builds the index when it is missing or out of date. */
    static void ensure() {
        assumeTrue(Files.isRegularFile(VOTES), "needs ../shared/data (attachment 3, " + VOTES + "); skipped");
        try {
            String fingerprint = fingerprint();
            if (Files.isDirectory(DATA.resolve("index")) && Files.isRegularFile(STAMP)
                    && Files.readString(STAMP).strip().equals(fingerprint)) {
                return;
            }
            TempFolders.delete(DATA);
            StringWriter err = new StringWriter();
            int code = new CommandLine(new MinYiCommand()).setErr(new PrintWriter(err))
                    .setOut(new PrintWriter(new StringWriter())).execute("import", VOTES.toString());
            assertEquals(0, code, err.toString());
            Files.writeString(STAMP, fingerprint + "\n");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** SHA-256 of the classes, dictionaries and model files (not their cards and outputs), names and contents. */
    static String fingerprint() throws IOException {
        MessageDigest sha;
        try {
            sha = MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
        for (Path root : List.of(CLASSES, DICTIONARIES, MODELS)) {
            if (!Files.isDirectory(root)) {
                continue;
            }
            List<Path> files;
            try (Stream<Path> walk = Files.walk(root)) {
                files = walk.filter(Files::isRegularFile)
                        .filter(f -> !root.equals(MODELS) || !f.toString().matches(".*\\.(md|txt|csv)$"))
                        .sorted().toList();
            }
            for (Path file : files) {
                sha.update(file.toString().getBytes(StandardCharsets.UTF_8));
                sha.update(Files.readAllBytes(file));
            }
        }
        return HexFormat.of().formatHex(sha.digest());
    }
}
