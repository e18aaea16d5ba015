package org.minyi.alert;

/** A state in an alert's life; its history row lists them with their times. */
public enum DeliveryStatus {
    /** Admitted and handed to delivery. */
    QUEUED,
    /** Waiting: for the end of quiet hours, or for the digest at the end of the subscriber's limit window. */
    HELD,
    SENT,
    /** Every attempt failed, or the failure cannot be cured by retrying; the reason says which. */
    FAILED,
    /** Held over the subscriber's limit and sent as part of a digest (the reason names it). */
    DIGESTED,
    /** Only in history written before digests existed: dropped as a duplicate or over the rate limit. */
    SUPPRESSED
}
