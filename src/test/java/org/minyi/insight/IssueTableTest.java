package org.minyi.insight;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.LoggerFactory;

class IssueTableTest {

    @TempDir
    Path dir;

    private Path file() {
        return dir.resolve(IssueTable.FILE_NAME);
    }

    @Test
    void mergesOutliveAReopenAndChainToTheLastSurvivor() {
        try (IssueTable table = IssueTable.open(file())) {
            table.merge("is-c", "is-b");
            table.merge("is-b", "is-a");
            table.sync();
        }
        try (IssueTable reread = IssueTable.open(file())) {
            assertEquals("is-a", reread.survivor("is-c"));
            assertEquals("is-a", reread.survivor("is-b"));
            assertEquals(2, reread.merges());
        }
    }

    @Test
    void aLongChainOfMergesIsFollowedToItsEndBeforeAndAfterMoreMerges() {
        try (IssueTable table = IssueTable.open(file())) {
            for (int k = 1; k <= 1_000; k++) {
                table.merge("is-" + (k - 1), "is-" + k);
            }
            assertEquals("is-1000", table.survivor("is-0"));
            assertEquals("is-1000", table.survivor("is-500"));
            table.merge("is-1000", "is-last");
            assertEquals("is-last", table.survivor("is-0"),
                    "a chain already followed still reaches the newest survivor");
            assertEquals("is-last", table.survivor("is-999"));
            assertTrue(table.idsSurvivingIn(java.util.Set.of("is-last")).containsAll(
                    java.util.Set.of("is-last", "is-0", "is-500", "is-1000")));
            assertEquals(1_002, table.idsSurvivingIn(java.util.Set.of("is-last")).size());
            assertEquals(1_001, table.merges());
        }
        try (IssueTable reread = IssueTable.open(file())) {
            assertEquals("is-last", reread.survivor("is-0"), "the file keeps every merge as it was made");
        }
    }

    @Test
    void aLastLineCutByACrashIsSkippedWithAWarningAndTheNextMergeStartsALineOfItsOwn() throws IOException {
        // "is-c TAB is-45" cut after "is-4": read whole it would send is-c into an issue that does not exist
        Files.writeString(file(), "is-b\tis-a\nis-c\tis-4", StandardCharsets.UTF_8);
        ListAppender<ILoggingEvent> log = listen();

        try (IssueTable table = IssueTable.open(file())) {
            assertEquals("is-a", table.survivor("is-b"), "the whole lines before it still count");
            assertEquals("is-c", table.survivor("is-c"), "the cut line is skipped");
            assertTrue(log.list.stream().anyMatch(e -> e.getLevel() == Level.WARN
                    && e.getFormattedMessage().contains(file().toString())), "a warning names the file");
            table.merge("is-d", "is-b");
        } finally {
            stopListening(log);
        }
        try (IssueTable reread = IssueTable.open(file())) {
            assertEquals("is-a", reread.survivor("is-d"), "the merge after the cut line was read back whole");
            assertEquals("is-c", reread.survivor("is-c"));
            assertEquals(2, reread.merges());
        }
    }

    @Test
    void aLineCutInsideAChineseIdDoesNotStopTheStart() throws IOException {
        byte[] whole = "is-b\tis-a\nis-投诉\tis-a\n".getBytes(StandardCharsets.UTF_8);
        Files.write(file(), java.util.Arrays.copyOf(whole, whole.length - 9)); // cut inside 诉

        try (IssueTable table = IssueTable.open(file())) {
            assertEquals("is-a", table.survivor("is-b"));
            assertEquals(1, table.merges());
        }
    }

    @Test
    void aFreshTableForgetsTheMergesKeptForAnEarlierIndex() throws IOException {
        Files.writeString(file(), "is-b\tis-a\n", StandardCharsets.UTF_8);

        try (IssueTable table = IssueTable.fresh(file())) {
            assertEquals("is-b", table.survivor("is-b"), "a new message b starts its own issue again");
            assertEquals(0, table.merges());
            assertFalse(Files.exists(file()), "nothing left to be read by the next start");
            table.merge("is-c", "is-b");
        }
        try (IssueTable reread = IssueTable.open(file())) {
            assertEquals("is-b", reread.survivor("is-c"));
            assertEquals("is-b", reread.survivor("is-b"));
        }
    }

    @Test
    void aTableInMemoryMergesWithoutAFile() {
        try (IssueTable table = IssueTable.inMemory()) {
            table.merge("is-b", "is-a");
            table.sync();
            assertEquals("is-a", table.survivor("is-b"));
        }
        assertFalse(Files.exists(file()));
    }

    private static ListAppender<ILoggingEvent> listen() {
        ListAppender<ILoggingEvent> appender = new ListAppender<>();
        appender.start();
        ((Logger) LoggerFactory.getLogger(IssueTable.class)).addAppender(appender);
        return appender;
    }

    private static void stopListening(ListAppender<ILoggingEvent> appender) {
        ((Logger) LoggerFactory.getLogger(IssueTable.class)).detachAppender(appender);
    }
}
