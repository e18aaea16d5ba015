package org.minyi.audit;

import java.io.Closeable;

/**
 * Where audit events are kept: append-only — there is no way to change or remove an event through MinYi — and in
 * the same backend as the messages (an embedded Lucene index beside theirs, or an Elasticsearch index), so they are
 * kept, backed up and retained alike. Two adapters, one contract ({@code AuditLogContract}). Thread-safe.
 */
public interface AuditLog extends Closeable {

    /** Accepts an event; it becomes durable and readable after the next {@link #flush()}. */
    void append(AuditEvent event);

    /** Makes every appended event durable and readable. */
    void flush();

    /** Events matching the query, newest first (events of the same millisecond in the order appended, reversed). */
    AuditPage read(AuditQuery query);

    @Override
    void close();
}
