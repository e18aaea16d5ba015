package org.minyi.alert;

import java.time.Instant;

/**
 * One line of the history files: an alert reaching a state. The first line of an alert carries the alert itself;
 * later lines only its id.
 *
 * @param hold  for HELD: why, and {@code until} when it is sent (quiet hours end, or the digest is due)
 */
record HistoryEvent(Instant at, String alertId, String subscriber, DeliveryStatus status, String reason, int attempts,
                    Hold hold, Instant until, Alert alert) {

    enum Hold {
        QUIET, DIGEST
    }

    HistoryRow.State state() {
        return new HistoryRow.State(status, at, reason, attempts);
    }
}
