package org.minyi.index.elasticsearch;

import static org.minyi.index.elasticsearch.MessageDocuments.CREATED_AT;
import static org.minyi.index.elasticsearch.MessageDocuments.DEMAND_KEY;
import static org.minyi.index.elasticsearch.MessageDocuments.ID;
import static org.minyi.index.elasticsearch.MessageDocuments.KEYWORD;
import static org.minyi.index.elasticsearch.MessageDocuments.RECORD;
import static org.minyi.index.elasticsearch.MessageDocuments.SENTIMENT_SCORE;
import static org.minyi.index.elasticsearch.MessageDocuments.SPANS;
import static org.minyi.index.elasticsearch.MessageDocuments.VOTES;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import co.elastic.clients.elasticsearch._types.ElasticsearchException;
import co.elastic.clients.elasticsearch._types.FieldValue;
import co.elastic.clients.elasticsearch._types.SortOptions;
import co.elastic.clients.elasticsearch._types.SortOrder;
import co.elastic.clients.elasticsearch._types.aggregations.Aggregation;
import co.elastic.clients.elasticsearch._types.aggregations.CalendarInterval;
import co.elastic.clients.elasticsearch._types.aggregations.DateHistogramBucket;
import co.elastic.clients.elasticsearch._types.aggregations.StringTermsBucket;
import co.elastic.clients.elasticsearch._types.query_dsl.Query;
import co.elastic.clients.elasticsearch.core.SearchRequest;
import co.elastic.clients.elasticsearch.core.SearchResponse;
import co.elastic.clients.elasticsearch.core.search.Hit;
import co.elastic.clients.json.jackson.Jackson3JsonpMapper;
import co.elastic.clients.util.NamedValue;
import java.io.IOException;
import java.io.InputStream;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collection;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;
import org.minyi.analysis.Segmenter;
import org.minyi.index.DemandCount;
import org.minyi.index.FacetField;
import org.minyi.index.IndexHealth;
import org.minyi.index.IndexedMessage;
import org.minyi.index.MessageFilter;
import org.minyi.index.MessageIndex;
import org.minyi.index.Neighbour;
import org.minyi.index.ReplyDelays;
import org.minyi.index.SearchCursor;
import org.minyi.index.SearchHit;
import org.minyi.index.SearchOrder;
import org.minyi.index.SearchQuery;
import org.minyi.index.SearchResult;
import org.minyi.index.TermCount;
import org.minyi.index.TrendQuery;
import org.minyi.index.TrendSeries;
import org.minyi.index.TrendSplit;
import tools.jackson.databind.json.JsonMapper;

/**
 * The index for when one machine is not enough: an Elasticsearch cluster, through the official Java client.
 * Layout (index template, monthly indices under one alias) is described in {@link IndexNaming} and installed on
 * {@link #open}. Text is segmented here by the pipeline's {@link Segmenter} and sent as space-separated words, which
 * the cluster indexes with its built-in {@code whitespace} analyzer, so both adapters find the same words.
 *
 * <p>Writes are accepted into a local on-disk buffer first and shipped from there in bulk (see {@link BulkShipper});
 * while the cluster is down or rejecting, {@link #upsert} keeps accepting and the buffer is replayed when it
 * returns. {@link #refresh}, {@link #commit} and {@link #delete} first ship the buffer and throw
 * {@link ElasticsearchUnavailableException} when they cannot. Searches deeper than 10,000 hits are refused
 * (Elasticsearch's result window).
 */
public final class ElasticsearchMessageIndex implements MessageIndex {

    private static final String TEMPLATE_RESOURCE = "message-template.json";
    private static final int RESULT_WINDOW = 10_000;
    private static final int SCAN_PAGE = 1_000;

    /** What searches read back from a document's source. */
    record StoredDocument(IndexedMessage record, Spans spans) {
    }

    record StoredVector(float[] embedding) {
    }

    record Spans(int[] title, int[] text) {
    }

    private final ElasticsearchSettings settings;
    private final ElasticsearchClient client;
    private final IndexNaming naming;
    private final MessageDocuments documents;
    private final MessageQueries queries;
    private final HitHighlighter highlighter = new HitHighlighter();
    private final BulkShipper shipper;
    private final AtomicBoolean closed = new AtomicBoolean();

    private ElasticsearchMessageIndex(ElasticsearchSettings settings, ElasticsearchClient client, Segmenter segmenter,
                                      JsonMapper json) {
        this.settings = settings;
        this.client = client;
        this.naming = new IndexNaming(settings.indexPrefix(), settings.zone());
        this.documents = new MessageDocuments(segmenter, json);
        this.queries = new MessageQueries(segmenter);
        this.shipper = new BulkShipper(client,
                new Outbox(settings.bufferDir().resolve(settings.indexPrefix()), settings.maxBufferBytes(), json),
                naming.alias(), settings.maxBulkBytes(), settings.retryFor());
    }

    /**
     * Connects, installs or updates the index template and makes sure the alias exists. Records left in the
     * buffer by an earlier run are replayed in the background.
     *
     * @throws ElasticsearchUnavailableException when the cluster cannot be reached to set up the layout
     */
    public static ElasticsearchMessageIndex open(ElasticsearchSettings settings, Segmenter segmenter) {
        Objects.requireNonNull(settings, "settings");
        Objects.requireNonNull(segmenter, "segmenter");
        JsonMapper json = JsonMapper.builder().build();
        ElasticsearchClient client = ElasticsearchClient.of(b -> b.host(settings.url())
                .jsonMapper(new Jackson3JsonpMapper(json)));
        try {
            installLayout(client, settings);
        } catch (IOException | ElasticsearchException e) {
            closeQuietly(client);
            throw new ElasticsearchUnavailableException("cannot set up MinYi's indices in Elasticsearch at "
                    + settings.url() + ": " + e.getMessage(), e);
        } catch (RuntimeException e) {
            closeQuietly(client);
            throw e;
        }
        return new ElasticsearchMessageIndex(settings, client, segmenter, json);
    }

    /** Puts the template unless the cluster has this version or a newer one, then creates the first index. */
    private static void installLayout(ElasticsearchClient client, ElasticsearchSettings settings) throws IOException {
        IndexNaming naming = new IndexNaming(settings.indexPrefix(), settings.zone());
        long installed = client.indices().existsIndexTemplate(e -> e.name(naming.templateName())).value()
                ? client.indices().getIndexTemplate(g -> g.name(naming.templateName())).indexTemplates().stream()
                        .map(t -> t.indexTemplate().version()).filter(Objects::nonNull)
                        .mapToLong(Long::longValue).max().orElse(0)
                : -1;
        if (installed < IndexNaming.TEMPLATE_VERSION) {
            String body = template()
                    .replace("{{indexPattern}}", naming.indexPattern())
                    .replace("{{alias}}", naming.alias())
                    .replace("{{templateVersion}}", Integer.toString(IndexNaming.TEMPLATE_VERSION))
                    .replace("{{shards}}", Integer.toString(settings.shards()))
                    .replace("{{replicas}}", Integer.toString(settings.replicas()))
                    .replace("{{refreshInterval}}", "1s");
            client.indices().putIndexTemplate(p -> p.name(naming.templateName()).withJson(new StringReader(body)));
            if (installed >= 0) {
                addNewFields(client, naming, body);
            }
        }
        String first = naming.indexFor(null);
        if (!client.indices().exists(e -> e.index(first)).value()) {
            try {
                client.indices().create(c -> c.index(first));
            } catch (ElasticsearchException e) {
                if (!"resource_already_exists_exception".equals(e.error().type())) {
                    throw e; // another MinYi created it at the same moment otherwise
                }
            }
        }
    }

    /**
     * The fields a newer template of the same mapping version adds, put on the indices an older one created
     * (adding fields is allowed on existing indices; the mapping of every field already there is unchanged).
     */
    private static void addNewFields(ElasticsearchClient client, IndexNaming naming, String templateBody)
            throws IOException {
        String properties = new tools.jackson.databind.ObjectMapper().readTree(templateBody)
                .path("template").path("mappings").toString();
        if (client.indices().exists(e -> e.index(naming.indexPattern()).allowNoIndices(true)).value()) {
            client.indices().putMapping(m -> m.index(naming.indexPattern()).withJson(new StringReader(properties)));
        }
    }

    private static String template() throws IOException {
        try (InputStream in = ElasticsearchMessageIndex.class.getResourceAsStream(TEMPLATE_RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException("index template resource " + TEMPLATE_RESOURCE + " is missing");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    /** The alias every read goes through. */
    public String alias() {
        return naming.alias();
    }

    /** Whether writes currently reach the cluster (false while they are only buffered). */
    public boolean isClusterAvailable() {
        return shipper.isAvailable();
    }

    /** Bytes of accepted records waiting in the local buffer. */
    public long bufferedBytes() {
        return shipper.bufferedBytes();
    }

    @Override
    public void upsert(Collection<IndexedMessage> messages) {
        if (messages.isEmpty()) {
            return;
        }
        // Segmenting is most of the cost of a write; spread it over the cores. Encounter order is kept, so the
        // last of two versions of an id in one batch still wins.
        List<BulkOp> ops = messages.parallelStream()
                .map(message -> new BulkOp(naming.indexFor(message.message().createdAt()), message.id(),
                        documents.toJson(message)))
                .toList();
        shipper.submit(ops);
    }

    @Override
    public boolean delete(String id) {
        shipper.flush();
        return call("delete message " + id, () -> {
            client.indices().refresh(r -> r.index(naming.alias()));
            SearchResponse<Void> found = client.search(s -> s.index(naming.alias())
                    .query(q -> q.ids(i -> i.values(id))).source(src -> src.fetch(false)), Void.class);
            for (Hit<Void> hit : found.hits().hits()) {
                client.delete(d -> d.index(hit.index()).id(id));
            }
            shipper.forget(id);
            return !found.hits().hits().isEmpty();
        });
    }

    @Override
    public Optional<IndexedMessage> get(String id) {
        return call("get message " + id, () -> {
            SearchResponse<StoredDocument> found = client.search(s -> s.index(naming.alias())
                    .query(q -> q.ids(i -> i.values(id))).size(1)
                    .source(src -> src.filter(f -> f.includes(RECORD))), StoredDocument.class);
            return found.hits().hits().stream().findFirst().map(hit -> hit.source().record());
        });
    }

    @Override
    public Optional<float[]> vector(String id) {
        return call("get the vector of message " + id, () -> {
            SearchResponse<StoredVector> found = client.search(s -> s.index(naming.alias())
                    .query(q -> q.ids(i -> i.values(id))).size(1)
                    .source(src -> src.filter(f -> f.includes(MessageDocuments.EMBEDDING))), StoredVector.class);
            return found.hits().hits().stream().findFirst()
                    .map(hit -> hit.source() == null ? null : hit.source().embedding());
        });
    }

    @Override
    public List<Neighbour> nearest(float[] vector, MessageFilter filter, int k) {
        if (k < 1) {
            throw new IllegalArgumentException("limit must be at least 1, was " + k);
        }
        List<Float> target = new ArrayList<>(vector.length);
        for (float x : vector) {
            target.add(x);
        }
        return call("find messages near a vector", () -> {
            SearchResponse<StoredDocument> found = client.search(s -> s.index(naming.alias())
                    .knn(kn -> kn.field(MessageDocuments.EMBEDDING).queryVector(target).k(k)
                            .numCandidates(Math.max(100, 2 * k)).filter(queries.matching(filter)))
                    .size(k).source(src -> src.filter(f -> f.includes(RECORD))), StoredDocument.class);
            List<Neighbour> neighbours = new ArrayList<>();
            for (var hit : found.hits().hits()) {
                // Elasticsearch scores a dot product as (1 + cosine) / 2
                double score = hit.score() == null ? 0 : hit.score();
                neighbours.add(new Neighbour(hit.source().record(), 2 * score - 1));
            }
            return neighbours;
        });
    }

    @Override
    public void refresh() {
        shipper.flush();
        call("refresh", () -> client.indices().refresh(r -> r.index(naming.alias())));
    }

    @Override
    public void commit() {
        shipper.flush();
        call("commit", () -> {
            client.indices().flush(f -> f.index(naming.alias()));
            return client.indices().refresh(r -> r.index(naming.alias()));
        });
    }

    @Override
    public long count() {
        return call("count", () -> client.count(c -> c.index(naming.alias())).count());
    }

    /** The cluster's health for MinYi's indices: sound unless red (a primary shard lost); yellow says replicas wait. */
    @Override
    public IndexHealth checkHealth() {
        refresh();
        var health = call("report its health", () -> client.cluster().health(h -> h.index(naming.alias())));
        long messages = count();
        String summary = "cluster " + health.clusterName() + " is " + health.status().jsonValue() + ": "
                + health.activePrimaryShards() + " primary shards active, " + health.unassignedShards()
                + " unassigned, " + health.numberOfNodes() + " nodes";
        return new IndexHealth(health.status() != co.elastic.clients.elasticsearch._types.HealthStatus.Red,
                settings.url() + " " + naming.alias(), messages, summary, "");
    }

    @Override
    public SearchResult search(SearchQuery query) {
        int from = query.page() * query.size();
        if (from + query.size() > RESULT_WINDOW) {
            throw new IllegalArgumentException("page " + query.page() + " of size " + query.size()
                    + " reaches past hit " + RESULT_WINDOW + ", the deepest Elasticsearch pages; narrow the filter");
        }
        MessageFilter filter = query.filter();
        Set<String> queryWords = queries.words(filter);
        boolean hasText = filter.text() != null;
        List<SortOptions> sort = sort(query.order(), hasText);
        SearchRequest.Builder request = new SearchRequest.Builder()
                .index(naming.alias())
                .query(queries.matching(filter))
                .from(from)
                .size(query.size())
                .trackTotalHits(t -> t.enabled(true))
                .trackScores(hasText)
                .sort(sort)
                .source(src -> src.filter(f -> f.includes(RECORD, SPANS)));
        if (query.after() != null) {
            request.searchAfter(CursorValues.after(query.after(), sort.size()));
        }
        for (FacetField facet : query.facets()) {
            request.aggregations(facet.key(), terms(MessageDocuments.field(facet), query.facetSize()));
        }
        SearchResponse<StoredDocument> response = call("search", () -> client.search(request.build(),
                StoredDocument.class));
        List<SearchHit> hits = new ArrayList<>();
        for (Hit<StoredDocument> hit : response.hits().hits()) {
            StoredDocument stored = hit.source();
            IndexedMessage message = stored.record();
            float score = hit.score() == null || hit.score().isNaN() ? 0f : hit.score().floatValue();
            if (!hasText) {
                hits.add(new SearchHit(message, score, null, null));
                continue;
            }
            Spans spans = stored.spans() == null ? new Spans(new int[0], new int[0]) : stored.spans();
            hits.add(new SearchHit(message, score,
                    highlighter.title(message.message().title(), orEmpty(spans.title()), queryWords),
                    highlighter.text(message.message().text(), orEmpty(spans.text()), queryWords)));
        }
        Map<FacetField, List<TermCount>> facets = new EnumMap<>(FacetField.class);
        for (FacetField facet : query.facets()) {
            facets.put(facet, termCounts(response.aggregations().get(facet.key())));
        }
        long total = response.hits().total() == null ? hits.size() : response.hits().total().value();
        SearchCursor next = hits.size() == query.size() && query.size() > 0
                ? CursorValues.of(query.order(), response.hits().hits().getLast().sort()) : null;
        return new SearchResult(total, query.page(), query.size(), hits, facets, next);
    }

    /** Pages by id with search_after, which has no deepest page, unlike from + size. */
    @Override
    public void scan(MessageFilter filter, Consumer<? super IndexedMessage> action) {
        scan(queries.matching(filter), action);
    }

    private void scan(Query matching, Consumer<? super IndexedMessage> action) {
        String after = null;
        while (true) {
            String last = after;
            SearchResponse<StoredDocument> response = call("scan", () -> client.search(s -> {
                s.index(naming.alias()).query(matching).size(SCAN_PAGE).trackTotalHits(t -> t.enabled(false))
                        .sort(field(ID, SortOrder.Asc)).source(src -> src.filter(f -> f.includes(RECORD)));
                if (last != null) {
                    s.searchAfter(FieldValue.of(last));
                }
                return s;
            }, StoredDocument.class));
            List<Hit<StoredDocument>> hits = response.hits().hits();
            for (Hit<StoredDocument> hit : hits) {
                action.accept(hit.source().record());
            }
            if (hits.size() < SCAN_PAGE) {
                return;
            }
            after = hits.getLast().source().record().id();
        }
    }

    /**
     * Cut on this side: the record's parts cannot be left out of the source and still read as a record. Whole
     * periods on Elasticsearch cost transfer, which a cluster sized for that size affords.
     */
    @Override
    public void scanSummaries(MessageFilter filter, Consumer<? super IndexedMessage> action) {
        scan(filter, m -> action.accept(m.summary()));
    }

    /** Read from the stored records, as whole periods are here (see {@link #scanSummaries}). */
    @Override
    public void scanIssueMembers(java.util.Set<String> issues, MessageFilter filter,
                                 Consumer<? super org.minyi.index.IssueMember> action) {
        if (issues.isEmpty()) {
            return;
        }
        List<FieldValue> values = issues.stream().map(FieldValue::of).toList();
        Query inIssues = Query.of(q -> q.bool(b -> b.must(queries.matching(filter))
                .filter(f -> f.terms(t -> t.field(MessageDocuments.ISSUE).terms(v -> v.value(values))))));
        scan(inIssues, m -> action.accept(org.minyi.index.IssueMember.of(m)));
    }

    @Override
    public List<TermCount> topIssues(MessageFilter filter, int limit) {
        requirePositive(limit);
        Query matching = queries.matching(filter);
        SearchResponse<Void> response = call("top issues", () -> client.search(s -> s.index(naming.alias())
                .size(0).query(matching).aggregations("issues", terms(MessageDocuments.ISSUE, limit)), Void.class));
        return termCounts(response.aggregations().get("issues"));
    }

    /** Every order ends with newest, then id, as in the embedded index. */
    private static List<SortOptions> sort(SearchOrder order, boolean hasText) {
        SortOptions newest = field(CREATED_AT, SortOrder.Desc);
        SortOptions byId = field(ID, SortOrder.Asc);
        return switch (order) {
            case RELEVANCE -> hasText
                    ? List.of(SortOptions.of(o -> o.score(s -> s.order(SortOrder.Desc))), newest, byId)
                    : List.of(newest, byId);
            case NEWEST -> List.of(newest, byId);
            case OLDEST -> List.of(field(CREATED_AT, SortOrder.Asc), byId);
            case MOST_NEGATIVE -> List.of(field(SENTIMENT_SCORE, SortOrder.Asc), newest, byId);
            case MOST_VOTES -> List.of(field(VOTES, SortOrder.Desc), newest, byId);
        };
    }

    private static SortOptions field(String name, SortOrder order) {
        return SortOptions.of(o -> o.field(f -> f.field(name).order(order).missing("_last")));
    }

    /** Most frequent first, equal counts by value; exact on one shard, and close to it on many. */
    private static Aggregation terms(String field, int size) {
        return Aggregation.of(a -> a.terms(t -> t.field(field).size(size).shardSize(Math.max(100, size * 3))
                .order(List.of(NamedValue.of("_count", SortOrder.Desc), NamedValue.of("_key", SortOrder.Asc)))));
    }

    private static List<TermCount> termCounts(co.elastic.clients.elasticsearch._types.aggregations.Aggregate terms) {
        List<TermCount> counts = new ArrayList<>();
        for (StringTermsBucket bucket : terms.sterms().buckets().array()) {
            counts.add(new TermCount(bucket.key().stringValue(), bucket.docCount()));
        }
        return counts;
    }

    @Override
    public List<TrendSeries> trends(TrendQuery query) {
        CalendarInterval interval = switch (query.interval()) {
            case DAY -> CalendarInterval.Day;
            case WEEK -> CalendarInterval.Week;
            case MONTH -> CalendarInterval.Month;
        };
        Aggregation histogram = Aggregation.of(a -> a
                .dateHistogram(h -> h.field(CREATED_AT).calendarInterval(interval)
                        .timeZone(settings.zone().getId()).minDocCount(1))
                .aggregations("sentiment", s -> s.sum(m -> m.field(SENTIMENT_SCORE))));
        String splitField = switch (query.split()) {
            case NONE -> null;
            case TOPIC -> MessageDocuments.TOPIC;
            case REGION -> MessageDocuments.REGION;
        };
        Query dated = queries.dated(query.filter());
        SearchResponse<Void> response = call("trends", () -> client.search(s -> {
            s.index(naming.alias()).size(0).query(dated);
            if (splitField == null) {
                s.aggregations("buckets", histogram);
            } else {
                s.aggregations("series", Aggregation.of(a -> a.terms(t -> t.field(splitField)
                                .size(query.maxSeries()).shardSize(Math.max(100, query.maxSeries() * 3))
                                .order(List.of(NamedValue.of("_count", SortOrder.Desc),
                                        NamedValue.of("_key", SortOrder.Asc))))
                        .aggregations("buckets", histogram)));
            }
            return s;
        }, Void.class));
        TrendAxis axis = new TrendAxis(settings.zone());
        if (query.split() == TrendSplit.NONE) {
            axis.declare("all");
            addBuckets(axis, "all", response.aggregations().get("buckets"));
        } else {
            for (StringTermsBucket series : response.aggregations().get("series").sterms().buckets().array()) {
                addBuckets(axis, series.key().stringValue(), series.aggregations().get("buckets"));
            }
        }
        return axis.build(query);
    }

    private static void addBuckets(TrendAxis axis, String key,
                                   co.elastic.clients.elasticsearch._types.aggregations.Aggregate histogram) {
        for (DateHistogramBucket bucket : histogram.dateHistogram().buckets().array()) {
            axis.add(key, bucket.key(), bucket.docCount(), bucket.aggregations().get("sentiment").sum().value());
        }
    }

    @Override
    public List<TermCount> topKeywords(MessageFilter filter, int limit) {
        requirePositive(limit);
        Query matching = queries.matching(filter);
        SearchResponse<Void> response = call("top keywords", () -> client.search(s -> s.index(naming.alias())
                .size(0).query(matching).aggregations("keywords", terms(KEYWORD, limit)), Void.class));
        return termCounts(response.aggregations().get("keywords"));
    }

    /** The example of each demand is the demand sentence of the newest matching message with that key. */
    @Override
    public List<DemandCount> topDemands(MessageFilter filter, int limit) {
        requirePositive(limit);
        Query matching = queries.matching(filter);
        Aggregation demands = Aggregation.of(a -> a.terms(terms(DEMAND_KEY, limit).terms())
                .aggregations("example", e -> e.topHits(t -> t.size(1)
                        .sort(field(CREATED_AT, SortOrder.Desc), field(ID, SortOrder.Asc))
                        .source(src -> src.filter(f -> f.includes(RECORD + ".analysis.demand"))))));
        SearchResponse<Void> response = call("top demands", () -> client.search(s -> s.index(naming.alias())
                .size(0).query(matching).aggregations("demands", demands), Void.class));
        List<DemandCount> result = new ArrayList<>();
        for (StringTermsBucket bucket : response.aggregations().get("demands").sterms().buckets().array()) {
            List<Hit<co.elastic.clients.json.JsonData>> example = bucket.aggregations().get("example").topHits()
                    .hits().hits();
            String sentence = example.isEmpty() || example.getFirst().source() == null ? null
                    : example.getFirst().source().toJson().asJsonObject().getJsonObject(RECORD)
                            .getJsonObject("analysis").getString("demand", null);
            result.add(new DemandCount(bucket.key().stringValue(), bucket.docCount(), sentence));
        }
        return result;
    }

    @Override
    public List<ReplyDelays> replyDelays(MessageFilter filter, int maxAgencies) {
        requirePositive(maxAgencies);
        Query replied = ReplyDelayAggregations.replied(queries.matching(filter));
        SearchResponse<Void> response = call("reply delays", () -> client.search(s -> s.index(naming.alias())
                .size(0).trackTotalHits(t -> t.enabled(true)).query(replied)
                .aggregations(ReplyDelayAggregations.request(maxAgencies)), Void.class));
        return ReplyDelayAggregations.read(response.hits().total().value(), response.aggregations());
    }

    private static void requirePositive(int limit) {
        if (limit < 1) {
            throw new IllegalArgumentException("limit must be at least 1, was " + limit);
        }
    }

    /**
     * Ships what it can and closes the connection. Records the cluster did not take stay in the buffer and are
     * replayed by the next {@link #open} with the same buffer folder and prefix.
     */
    @Override
    public void close() {
        if (!closed.compareAndSet(false, true)) {
            return;
        }
        try {
            if (shipper.isAvailable()) {
                shipper.flush();
            }
        } catch (ElasticsearchUnavailableException e) {
            // kept on disk for the next start
        } finally {
            shipper.close();
            closeQuietly(client);
        }
    }

    @FunctionalInterface
    private interface ClusterCall<T> {
        T apply() throws IOException;
    }

    private <T> T call(String what, ClusterCall<T> work) {
        try {
            return work.apply();
        } catch (IOException e) {
            throw new ElasticsearchUnavailableException("Elasticsearch at " + settings.url() + " could not " + what
                    + ": " + e.getMessage(), e);
        }
    }

    private static int[] orEmpty(int[] offsets) {
        return offsets == null ? new int[0] : offsets;
    }

    private static void closeQuietly(ElasticsearchClient client) {
        try {
            client.close();
        } catch (Exception e) {
            // nothing more to do about a connection that will not close
        }
    }
}
