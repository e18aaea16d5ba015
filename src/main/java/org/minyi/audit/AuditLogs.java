package org.minyi.audit;

import org.minyi.MinYiSettings;

/** Opens the audit log of the configured backend: Lucene in {@code data/audit}, or Elasticsearch. */
public final class AuditLogs {

    private AuditLogs() {
    }

    public static AuditLog open(MinYiSettings settings) {
        MinYiSettings.ElasticsearchTarget es = settings.elasticsearch();
        return es == null ? LuceneAuditLog.open(settings.dataDir().resolve("audit"))
                : ElasticsearchAuditLog.open(es.url(), es.prefix());
    }
}
