package org.minyi.ingest;

import java.util.List;

/** Counters since start: accepted by the sink, indexed, failed (with the latest failures). */
public record IngestStats(long accepted, long indexed, long failed, List<IngestFailure> recentFailures) {

    /** Accepted but neither indexed nor failed yet. */
    public long pending() {
        return accepted - indexed - failed;
    }
}
