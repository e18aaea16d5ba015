package org.minyi.alert;

import java.time.Instant;

/**
 * One line of the alert history.
 *
 * @param attempts delivery attempts made so far (0 for QUEUED, HELD, SUPPRESSED)
 * @param reason   why (suppression, failure, hold until when), or null
 */
public record HistoryEntry(Instant at, DeliveryStatus status, String reason, int attempts, Alert alert) {
}
