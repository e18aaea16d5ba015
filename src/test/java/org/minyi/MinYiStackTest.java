package org.minyi;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.minyi.message.Message;

class MinYiStackTest {

    @TempDir
    Path dir;

    private MinYiSettings settings() {
        return MinYiSettings.from(key -> switch (key) {
            case "minyi.data-dir" -> dir.toString();
            case "minyi.encoder.enabled" -> "false";
            default -> null;
        });
    }

    @Test
    void anIndexThatStartsEmptyDoesNotMapItsIssuesThroughTheMergesOfAnEarlierIndex() throws IOException {
        Files.createDirectories(dir);
        Files.writeString(settings().issueMerges(), "is-b\tis-a\n", StandardCharsets.UTF_8);

        try (MinYiStack stack = MinYiStack.open(settings())) {
            assertEquals("is-b", stack.issueAssigner().table().survivor("is-b"));
            assertEquals(0, stack.issueAssigner().table().merges());
        }
    }

    @Test
    void anIndexThatHoldsMessagesKeepsItsMerges() throws IOException {
        try (MinYiStack stack = MinYiStack.open(settings())) {
            stack.ingestion().accept(Message.of("a", "路灯不亮"));
            stack.ingestion().flush();
        }
        Files.writeString(settings().issueMerges(), "is-b\tis-a\n", StandardCharsets.UTF_8,
                StandardOpenOption.CREATE, StandardOpenOption.APPEND);

        try (MinYiStack stack = MinYiStack.open(settings())) {
            assertEquals("is-a", stack.issueAssigner().table().survivor("is-b"));
        }
    }
}
