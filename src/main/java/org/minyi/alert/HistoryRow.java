package org.minyi.alert;

import java.time.Instant;
import java.util.List;

/**
 * One alert in the history, with every state it went through (queued, held, sent, failed, digested) and when.
 *
 * @param status the latest state
 */
public record HistoryRow(Alert alert, DeliveryStatus status, Instant updatedAt, List<State> states) {

    /** @param attempts delivery attempts made when this state was reached */
    public record State(DeliveryStatus status, Instant at, String reason, int attempts) {
    }

    public HistoryRow {
        states = List.copyOf(states);
    }

    HistoryRow withoutContent() {
        return new HistoryRow(alert.withoutContent(), status, updatedAt, states);
    }
}
