package org.minyi.bench;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.minyi.collect.importer.FileImporter;
import org.minyi.collect.importer.ImportOptions;
import org.minyi.collect.importer.ImportProgress;
import org.minyi.message.Message;

/** The 4,326 real board messages (Teddy Cup 2020, attachment 3) that every benchmark measures on. */
final class RealCorpus {

    static final Path FILE = Path.of("..", "shared", "data", "gov-messages", "teddy2020-messages-with-votes.csv");

    private RealCorpus() {
    }

    /** Exits with a clear message when the shared data set is absent: nothing can be measured without it. */
    static Path file() {
        if (!Files.isRegularFile(FILE)) {
            System.err.println("no real messages at " + FILE.toAbsolutePath()
                    + " (run from the repository root, with the shared data set next to it); nothing measured");
            System.exit(2);
        }
        return FILE;
    }

    /** Read through the product's own importer, so the messages are exactly what an operator's import yields. */
    static List<Message> messages() {
        List<Message> messages = new ArrayList<>();
        new FileImporter().run(file(), ImportOptions.defaults(), messages::add, ImportProgress.NONE);
        return messages;
    }

    static long chars(List<Message> messages) {
        return messages.stream().mapToLong(RealCorpus::chars).sum();
    }

    static long chars(Message m) {
        return (m.title() == null ? 0 : m.title().length()) + m.text().length();
    }
}
