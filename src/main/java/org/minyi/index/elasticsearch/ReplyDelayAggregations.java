package org.minyi.index.elasticsearch;

import static org.minyi.index.elasticsearch.MessageDocuments.REPLY_AGENCY;
import static org.minyi.index.elasticsearch.MessageDocuments.REPLY_DELAY;

import co.elastic.clients.elasticsearch._types.SortOrder;
import co.elastic.clients.elasticsearch._types.aggregations.Aggregate;
import co.elastic.clients.elasticsearch._types.aggregations.Aggregation;
import co.elastic.clients.elasticsearch._types.aggregations.Percentiles;
import co.elastic.clients.elasticsearch._types.aggregations.StringTermsBucket;
import co.elastic.clients.elasticsearch._types.query_dsl.Query;
import co.elastic.clients.util.NamedValue;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.minyi.index.ReplyDelays;

/**
 * Reply delays as Elasticsearch aggregations over the {@code reply_delay_ms} and {@code reply_agency} fields, written
 * at index time for messages with a dated reply (the node has no scripting, so the delay cannot be computed there).
 * Counts within 1/7/30 days are filter aggregations; the median is the {@code percentiles} estimate.
 */
final class ReplyDelayAggregations {

    private static final int[] DAYS = {1, 7, 30};

    private ReplyDelayAggregations() {
    }

    /** Matching messages that have a reply delay. */
    static Query replied(Query matching) {
        return Query.of(q -> q.bool(b -> b.must(matching).filter(f -> f.exists(e -> e.field(REPLY_DELAY)))));
    }

    static Map<String, Aggregation> request(int maxAgencies) {
        Map<String, Aggregation> figures = figures();
        Aggregation agencies = Aggregation.of(a -> a.terms(t -> t.field(REPLY_AGENCY).size(maxAgencies)
                        .shardSize(Math.max(100, maxAgencies * 3))
                        .order(List.of(NamedValue.of("_count", SortOrder.Desc), NamedValue.of("_key", SortOrder.Asc))))
                .aggregations(figures));
        Map<String, Aggregation> all = new java.util.LinkedHashMap<>(figures);
        all.put("agencies", agencies);
        return all;
    }

    static List<ReplyDelays> read(long replied, Map<String, Aggregate> aggregations) {
        if (replied == 0) {
            return List.of();
        }
        List<ReplyDelays> lines = new ArrayList<>();
        lines.add(line(ReplyDelays.ALL, replied, aggregations));
        for (StringTermsBucket bucket : aggregations.get("agencies").sterms().buckets().array()) {
            lines.add(line(bucket.key().stringValue(), bucket.docCount(), bucket.aggregations()));
        }
        return lines;
    }

    private static Map<String, Aggregation> figures() {
        Map<String, Aggregation> figures = new java.util.LinkedHashMap<>();
        for (int days : DAYS) {
            double limit = (double) days * ReplyDelays.DAY_MILLIS;
            figures.put("within" + days, Aggregation.of(a -> a.filter(q -> q.range(r -> r.number(n -> n
                    .field(REPLY_DELAY).lte(limit))))));
        }
        figures.put("median", Aggregation.of(a -> a.percentiles(p -> p.field(REPLY_DELAY).percents(50.0))));
        return figures;
    }

    private static ReplyDelays line(String agency, long replied, Map<String, Aggregate> figures) {
        return new ReplyDelays(agency, replied,
                figures.get("within1").filter().docCount(),
                figures.get("within7").filter().docCount(),
                figures.get("within30").filter().docCount(),
                median(figures.get("median").tdigestPercentiles().values()) / ReplyDelays.DAY_MILLIS);
    }

    private static double median(Percentiles percentiles) {
        if (percentiles.isKeyed()) {
            String value = percentiles.keyed().values().iterator().next();
            return value == null ? 0 : Double.parseDouble(value);
        }
        Double value = percentiles.array().getFirst().value();
        return value == null ? 0 : value;
    }
}
