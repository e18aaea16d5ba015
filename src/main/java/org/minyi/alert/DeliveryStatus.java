package org.minyi.alert;

/** What happened to an alert; an alert's history ends in SENT, FAILED or SUPPRESSED. */
public enum DeliveryStatus {
    /** Admitted and handed to the delivery worker. */
    QUEUED,
    /** Admitted during the rule's quiet hours; to be sent when they end. */
    HELD,
    SENT,
    /** Every attempt failed, or the failure cannot be cured by retrying; the reason says which. */
    FAILED,
    /** Not sent: duplicate within the dedupe window, or the subscriber's rate limit; the reason says which. */
    SUPPRESSED;

    boolean isFinal() {
        return this == SENT || this == FAILED || this == SUPPRESSED;
    }
}
