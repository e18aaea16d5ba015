package org.minyi.audit;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import java.net.URI;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.extension.ExtendWith;
import org.minyi.testing.es.ElasticsearchNode;
import org.minyi.testing.es.ElasticsearchNodeExtension;

/** The audit contract against the real Elasticsearch node the index tests use. */
@ExtendWith(ElasticsearchNodeExtension.class)
class ElasticsearchAuditLogTest extends AuditLogContract {

    private static final AtomicInteger OPENED = new AtomicInteger();
    private static ElasticsearchNode node;
    private static ElasticsearchClient admin;
    private String prefix;

    @BeforeAll
    static void connect(ElasticsearchNode shared) {
        node = shared;
        admin = ElasticsearchClient.of(b -> b.host(shared.url()));
    }

    @AfterAll
    static void disconnect() throws Exception {
        admin.close();
    }

    @Override
    protected AuditLog newLog() {
        prefix = "audit-" + OPENED.incrementAndGet();
        return ElasticsearchAuditLog.open(URI.create(node.url()), prefix);
    }

    @AfterEach
    void dropIndex() throws Exception {
        admin.indices().delete(d -> d.index(prefix + "-audit").ignoreUnavailable(true));
    }
}
