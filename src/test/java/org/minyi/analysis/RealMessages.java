package org.minyi.analysis;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.minyi.message.Message;

/** Real Teddy-Cup 2020 messages from ../shared/data; tests that use them are skipped when the data is absent. */
final class RealMessages {

    static final Path GOV_MESSAGES = Path.of("..", "shared", "data", "gov-messages");
    static final Path LABELED_RAW = GOV_MESSAGES.resolve("teddy2020-messages-labeled-raw-921.csv");
    static final Path WITH_VOTES = GOV_MESSAGES.resolve("teddy2020-messages-with-votes.csv");

    private RealMessages() {
    }

    /** The 921 raw labelled messages (id, title, body). */
    static List<Message> labeled() {
        return read(LABELED_RAW);
    }

    /** Attachment 3: 4,326 messages with votes (104 repeated bodies). */
    static List<Message> withVotes() {
        return read(WITH_VOTES);
    }

    static Message byId(List<Message> messages, String id) {
        return messages.stream().filter(m -> m.id().equals(id)).findFirst()
                .orElseThrow(() -> new AssertionError("message " + id + " not in the data set"));
    }

    private static List<Message> read(Path file) {
        assumeTrue(Files.isRegularFile(file), "real data absent, skipping: " + file.toAbsolutePath().normalize());
        CSVFormat format = CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true).get();
        try (Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            List<Message> messages = new ArrayList<>();
            for (CSVRecord row : format.parse(reader)) {
                String text = row.get("留言详情");
                if (text != null && !text.isBlank()) {
                    messages.add(new Message(row.get("留言编号"), file.getFileName().toString(), null,
                            row.get("留言主题"), text, null, null, null, null, null));
                }
            }
            return messages;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file, e);
        }
    }
}
