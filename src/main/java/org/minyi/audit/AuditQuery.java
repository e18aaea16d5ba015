package org.minyi.audit;

import java.time.Instant;

/**
 * Which events to read, newest first; null parts match everything. {@code action} matches a code or its family:
 * {@code user} matches {@code user.save} and {@code user.remove}.
 */
public record AuditQuery(String user, String action, Instant from, Instant to, int page, int size) {

    public static final int MAX_PAGE_SIZE = 1000;
    /**
     * How deep a page may reach, (page + 1) × size events: the audit export's 100,000. Checked in long arithmetic
     * before any backend multiplies the two as ints, which wrapped round to a negative start (issue 15, item 4).
     */
    public static final int MAX_WINDOW = 100_000;

    public AuditQuery {
        user = user == null || user.isBlank() ? null : user.strip();
        action = action == null || action.isBlank() ? null : action.strip();
        if (page < 0 || size < 1 || size > MAX_PAGE_SIZE) {
            throw new IllegalArgumentException("audit page must be >= 0 and size 1.." + MAX_PAGE_SIZE + ", was "
                    + page + "/" + size);
        }
        if ((page + 1L) * size > MAX_WINDOW) {
            throw new IllegalArgumentException(String.format("audit page %d of size %d reaches past event %,d; narrow "
                    + "the time range (from/to) to read deeper events", page, size, MAX_WINDOW));
        }
    }
}
