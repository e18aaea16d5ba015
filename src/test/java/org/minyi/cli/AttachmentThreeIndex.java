package org.minyi.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import picocli.CommandLine;

/**
 * Attachment 3 (teddy2020-messages-with-votes.csv) indexed as {@code minyi import} indexes it, with the sentence
 * encoder: minutes of work, so done once into {@code target/hotspot-purity-data} and reused by the hand-checked
 * figures (hotspot purity, demand phrases). Delete that folder after changing the analysis.
 */
final class AttachmentThreeIndex {

    static final Path VOTES = Path.of("..", "shared", "data", "gov-messages", "teddy2020-messages-with-votes.csv");
    static final Path DATA = Path.of("target", "hotspot-purity-data");

    private AttachmentThreeIndex() {
    }

    /** Skips the calling test without the shared data; builds the index when it is missing. */
    static void ensure() {
        assumeTrue(Files.isRegularFile(VOTES), "needs ../shared/data (attachment 3, " + VOTES + "); skipped");
        if (!Files.isDirectory(DATA.resolve("index"))) {
            StringWriter err = new StringWriter();
            int code = new CommandLine(new MinYiCommand()).setErr(new PrintWriter(err))
                    .setOut(new PrintWriter(new StringWriter())).execute("import", VOTES.toString());
            assertEquals(0, code, err.toString());
        }
    }
}
