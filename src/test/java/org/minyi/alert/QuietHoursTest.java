package org.minyi.alert;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import org.junit.jupiter.api.Test;

class QuietHoursTest {

    private static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");
    private final QuietHours night = new QuietHours(LocalTime.of(22, 0), LocalTime.of(7, 0), SHANGHAI);

    @Test
    void spanAcrossMidnightCoversLateEveningAndEarlyMorningInItsZone() {
        assertTrue(night.contains(Instant.parse("2026-03-02T14:00:00Z"))); // 22:00 local
        assertTrue(night.contains(Instant.parse("2026-03-02T20:30:00Z"))); // 04:30 local
        assertFalse(night.contains(Instant.parse("2026-03-02T23:00:00Z"))); // 07:00 local
        assertFalse(night.contains(Instant.parse("2026-03-02T04:00:00Z"))); // 12:00 local
    }

    @Test
    void nextEndIsTheComingEndOfTheSpan() {
        assertEquals(Instant.parse("2026-03-02T23:00:00Z"), night.nextEnd(Instant.parse("2026-03-02T15:00:00Z")));
        assertEquals(Instant.parse("2026-03-02T23:00:00Z"), night.nextEnd(Instant.parse("2026-03-02T20:00:00Z")));
    }

    @Test
    void anEmptySpanIsRejected() {
        assertThrows(IllegalArgumentException.class,
                () -> new QuietHours(LocalTime.of(7, 0), LocalTime.of(7, 0), SHANGHAI));
    }
}
