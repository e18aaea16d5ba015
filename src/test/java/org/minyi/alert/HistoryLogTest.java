package org.minyi.alert;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 15, item 8: the alert history was never pruned. Age is pinned by {@code AlertEngineTest}; this pins the
 * size bound, which is what holds a busy day's history (every segment of one day is young) to the setting.
 */
class HistoryLogTest {

    private static final Instant NOON = Instant.parse("2024-03-01T04:00:00Z");
    private static final long SEGMENT = 64 << 10;

    @TempDir
    Path folder;

    @Test
    void theOldestSegmentsGoWhenTheHistoryOutgrowsItsSizeAndTheNewestAlertsStay() {
        AlertSettings.HistoryRetention retention = new AlertSettings.HistoryRetention(Duration.ofDays(180), 1 << 20);
        try (HistoryLog log = new HistoryLog(folder, Clock.fixed(NOON, ZoneOffset.UTC), retention, SEGMENT)) {
            for (int i = 0; i < 400; i++) { // some 4 MB within one day
                log.append(new HistoryEvent(NOON, "a-" + i, "duty", DeliveryStatus.QUEUED, "原因".repeat(1_500), 0,
                        null, null, alert("a-" + i)));
            }

            assertTrue(bytes() <= retention.maxBytes() + SEGMENT, "history holds " + bytes() + " bytes");
            assertEquals(List.of("a-399", "a-398", "a-397"),
                    log.rows(null, 3).stream().map(row -> row.alert().id()).toList(), "the newest alerts are kept");
        }
    }

    private long bytes() {
        try (Stream<Path> files = Files.list(folder)) {
            return files.mapToLong(file -> {
                try {
                    return Files.size(file);
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            }).sum();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Alert alert(String id) {
        return new Alert(id, AlertKind.TEST, "duty", List.of("r"), List.of("r"), "test:r", AlertLevel.YELLOW, "【测试】",
                "测试", null, null, NOON, NOON, List.of());
    }
}
