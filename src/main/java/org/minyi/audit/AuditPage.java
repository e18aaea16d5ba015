package org.minyi.audit;

import java.util.List;

/** One page of events, newest first, and how many match in all. */
public record AuditPage(long total, List<AuditEvent> events) {

    public AuditPage {
        events = List.copyOf(events);
    }
}
