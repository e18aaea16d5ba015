package org.minyi.audit;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import co.elastic.clients.elasticsearch._types.ElasticsearchException;
import co.elastic.clients.elasticsearch._types.SortOrder;
import co.elastic.clients.elasticsearch._types.query_dsl.BoolQuery;
import co.elastic.clients.elasticsearch.core.BulkResponse;
import co.elastic.clients.elasticsearch.core.SearchResponse;
import co.elastic.clients.elasticsearch.core.bulk.BulkOperation;
import co.elastic.clients.elasticsearch.core.search.Hit;
import co.elastic.clients.json.jackson.Jackson3JsonpMapper;
import java.io.IOException;
import java.io.StringReader;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicLong;
import org.minyi.index.elasticsearch.ElasticsearchUnavailableException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.databind.json.JsonMapper;

/**
 * The audit log of the Elasticsearch backend: one index, {@code <prefix>-audit}, to which events are only ever added
 * (bulk {@code create}, never update or delete). Events wait in memory until {@link #flush()} — the service flushes
 * every second — and stay there while the cluster is away, up to {@value #MAX_WAITING}.
 */
public final class ElasticsearchAuditLog implements AuditLog {

    private static final Logger LOG = LoggerFactory.getLogger(ElasticsearchAuditLog.class);
    static final int MAX_WAITING = 100_000;

    /**
     * Audit pages reach {@link AuditQuery#MAX_WINDOW} events deep (the export's limit), past Elasticsearch's default
     * window of 10,000 hits; the index is told so when it is created and again when an older one is opened.
     */
    private static final String DEEP_WINDOW = "{\"index\": {\"max_result_window\": " + AuditQuery.MAX_WINDOW + "}}";

    private static final String MAPPING = """
            {"settings": {"index": {"max_result_window": %d}},
             "mappings": {"dynamic": "strict", "properties": {
              "time":   {"type": "date", "format": "epoch_millis"},
              "seq":    {"type": "long"},
              "user":   {"type": "keyword"},
              "action": {"type": "keyword"},
              "target": {"type": "keyword"},
              "detail": {"type": "text", "index": false},
              "status": {"type": "integer"},
              "rows":   {"type": "long"}}}}""".formatted(AuditQuery.MAX_WINDOW);

    /** The document as indexed: the event with its time in epoch milliseconds and an order within one process. */
    record Stored(long time, long seq, String user, String action, String target, String detail, int status,
                  Long rows) {
        static Stored of(AuditEvent e, long seq) {
            return new Stored(e.time().toEpochMilli(), seq, e.user(), e.action(), e.target(), e.detail(), e.status(),
                    e.rows());
        }

        AuditEvent event() {
            return new AuditEvent(java.time.Instant.ofEpochMilli(time), user, action, target, detail, status, rows);
        }
    }

    private final ElasticsearchClient client;
    private final String index;
    private final URI url;
    private final ConcurrentLinkedQueue<Stored> waiting = new ConcurrentLinkedQueue<>();
    private final AtomicLong sequence = new AtomicLong(System.currentTimeMillis() * 1000);

    private ElasticsearchAuditLog(ElasticsearchClient client, URI url, String index) {
        this.client = client;
        this.url = url;
        this.index = index;
    }

    /** Connects and creates {@code <prefix>-audit} when it is missing. */
    public static ElasticsearchAuditLog open(URI url, String prefix) {
        JsonMapper json = JsonMapper.builder().build();
        ElasticsearchClient client = ElasticsearchClient.of(b -> b.host(url.toString())
                .jsonMapper(new Jackson3JsonpMapper(json)));
        String index = prefix + "-audit";
        try {
            if (!client.indices().exists(e -> e.index(index)).value()) {
                client.indices().create(c -> c.index(index).withJson(new StringReader(MAPPING)));
            } else {
                client.indices().putSettings(p -> p.index(index).withJson(new StringReader(DEEP_WINDOW)));
            }
        } catch (ElasticsearchException e) {
            if (!"resource_already_exists_exception".equals(e.error().type())) {
                close(client);
                throw e;
            }
        } catch (IOException e) {
            close(client);
            throw new ElasticsearchUnavailableException("cannot set up the audit index in Elasticsearch at " + url
                    + ": " + e.getMessage(), e);
        }
        return new ElasticsearchAuditLog(client, url, index);
    }

    @Override
    public void append(AuditEvent event) {
        if (waiting.size() >= MAX_WAITING) {
            throw new ElasticsearchUnavailableException("the audit log cannot reach Elasticsearch at " + url + " and "
                    + MAX_WAITING + " events wait already", null);
        }
        waiting.add(Stored.of(event, sequence.getAndIncrement()));
    }

    @Override
    public synchronized void flush() {
        while (!waiting.isEmpty()) {
            flushBatch(); // bulk requests of at most 5,000 events, until every event appended so far is written
        }
    }

    private void flushBatch() {
        List<Stored> batch = new ArrayList<>();
        for (Stored next = waiting.peek(); next != null && batch.size() < 5_000; next = waiting.peek()) {
            batch.add(waiting.poll());
        }
        if (batch.isEmpty()) {
            return;
        }
        try {
            List<BulkOperation> operations = new ArrayList<>(batch.size());
            for (Stored stored : batch) {
                operations.add(BulkOperation.of(o -> o.create(c -> c.index(index).document(stored))));
            }
            BulkResponse response = client.bulk(b -> b.operations(operations).refresh(
                    co.elastic.clients.elasticsearch._types.Refresh.True));
            if (response.errors()) {
                LOG.error("the audit index {} refused events: {}", index, response.items().stream()
                        .filter(item -> item.error() != null).map(item -> item.error().reason()).findFirst()
                        .orElse("?"));
            }
        } catch (IOException | ElasticsearchException e) {
            waiting.addAll(batch); // kept for the next flush; order is restored by time and sequence when read
            throw new ElasticsearchUnavailableException("cannot write the audit log to Elasticsearch at " + url + ": "
                    + e.getMessage(), e);
        }
    }

    @Override
    public AuditPage read(AuditQuery query) {
        BoolQuery.Builder bool = new BoolQuery.Builder();
        if (query.user() != null) {
            bool.filter(f -> f.term(t -> t.field("user").value(query.user())));
        }
        if (query.action() != null) {
            bool.filter(f -> f.bool(b -> b.minimumShouldMatch("1")
                    .should(s -> s.term(t -> t.field("action").value(query.action())))
                    .should(s -> s.prefix(p -> p.field("action").value(query.action() + ".")))));
        }
        if (query.from() != null || query.to() != null) {
            bool.filter(f -> f.range(r -> r.date(d -> {
                d.field("time").format("epoch_millis");
                if (query.from() != null) {
                    d.gte(Long.toString(query.from().toEpochMilli()));
                }
                if (query.to() != null) {
                    d.lt(Long.toString(query.to().toEpochMilli()));
                }
                return d;
            })));
        }
        try {
            SearchResponse<Stored> response = client.search(s -> s.index(index).query(q -> q.bool(bool.build()))
                    .from(query.page() * query.size()).size(query.size()).trackTotalHits(t -> t.enabled(true))
                    .sort(o -> o.field(f -> f.field("time").order(SortOrder.Desc)))
                    .sort(o -> o.field(f -> f.field("seq").order(SortOrder.Desc))), Stored.class);
            List<AuditEvent> events = new ArrayList<>();
            for (Hit<Stored> hit : response.hits().hits()) {
                events.add(hit.source().event());
            }
            long total = response.hits().total() == null ? events.size() : response.hits().total().value();
            return new AuditPage(total, events);
        } catch (IOException | ElasticsearchException e) {
            throw new ElasticsearchUnavailableException("cannot read the audit log from Elasticsearch at " + url + ": "
                    + e.getMessage(), e);
        }
    }

    @Override
    public void close() {
        try {
            flush();
        } catch (RuntimeException e) {
            LOG.error("{} audit events could not be written before closing: {}", waiting.size(), e.getMessage());
        }
        close(client);
    }

    private static void close(ElasticsearchClient client) {
        try {
            client.close();
        } catch (IOException ignored) {
            // closing anyway
        }
    }
}
