package org.minyi.index.elasticsearch;

import static org.minyi.index.Relevance.MENTIONS_BOOST;
import static org.minyi.index.Relevance.PHRASE_SLOP;
import static org.minyi.index.Relevance.TEXT_PHRASE_BOOST;
import static org.minyi.index.Relevance.TITLE_BOOST;
import static org.minyi.index.Relevance.TITLE_PHRASE_BOOST;
import static org.minyi.index.elasticsearch.MessageDocuments.CHANNEL;
import static org.minyi.index.elasticsearch.MessageDocuments.CREATED_AT;
import static org.minyi.index.elasticsearch.MessageDocuments.DEMAND_KEY;
import static org.minyi.index.elasticsearch.MessageDocuments.DEPARTMENT;
import static org.minyi.index.elasticsearch.MessageDocuments.ID;
import static org.minyi.index.elasticsearch.MessageDocuments.KEYWORD;
import static org.minyi.index.elasticsearch.MessageDocuments.MENTION_WORDS;
import static org.minyi.index.elasticsearch.MessageDocuments.PLACE;
import static org.minyi.index.elasticsearch.MessageDocuments.REGION;
import static org.minyi.index.elasticsearch.MessageDocuments.REPLY_AGENCY;
import static org.minyi.index.elasticsearch.MessageDocuments.SENTIMENT;
import static org.minyi.index.elasticsearch.MessageDocuments.SOURCE;
import static org.minyi.index.elasticsearch.MessageDocuments.TEXT_WORDS;
import static org.minyi.index.elasticsearch.MessageDocuments.TITLE_WORDS;
import static org.minyi.index.elasticsearch.MessageDocuments.TOPIC;

import co.elastic.clients.elasticsearch._types.FieldValue;
import co.elastic.clients.elasticsearch._types.query_dsl.BoolQuery;
import co.elastic.clients.elasticsearch._types.query_dsl.Query;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.function.Function;
import org.minyi.analysis.IndexWords;
import org.minyi.analysis.Segmenter;
import org.minyi.index.MessageFilter;
import org.minyi.index.query.SearchExpression;

/**
 * Turns a {@link MessageFilter} into Elasticsearch queries with the same meaning and scoring shape as the
 * embedded index. The query text is a {@link SearchExpression}; each part of plain words requires every content word
 * in the title, the text or the mentions (best in the title, then mentions, then text; the words within two of each
 * other lift a message further), or the part names a keyword, place or department the message is filed under. The
 * other parts of the filter only filter.
 */
final class MessageQueries {

    private final Segmenter segmenter;

    MessageQueries(Segmenter segmenter) {
        this.segmenter = segmenter;
    }

    /** The words hits are highlighted for: those of the query's parts that are not excluded; empty without text. */
    Set<String> words(MessageFilter filter) {
        return filter.text() == null ? Set.of() : SearchExpression.wordsToHighlight(expression(filter.text()));
    }

    private SearchExpression expression(String text) {
        return SearchExpression.parse(text, typed -> IndexWords.ofQuery(typed, segmenter));
    }

    Query matching(MessageFilter filter) {
        BoolQuery.Builder query = new BoolQuery.Builder();
        boolean any = false;
        if (filter.text() != null) {
            query.must(text(filter.text()));
            any = true;
        }
        any |= addSet(query, TOPIC, filter.topics(), Function.identity());
        any |= addSet(query, SENTIMENT, filter.sentiments(), s -> s.key());
        any |= addSet(query, REGION, filter.regions(), Function.identity());
        any |= addSet(query, CHANNEL, filter.channels(), c -> c.key());
        any |= addSet(query, SOURCE, filter.sources(), Function.identity());
        any |= addSet(query, ID, filter.ids(), Function.identity());
        any |= addSet(query, REPLY_AGENCY, filter.agencies(), Function.identity());
        any |= addSet(query, DEMAND_KEY, filter.demandKeys(), Function.identity());
        for (var part : filter.profile().entrySet()) {
            any |= addSet(query, MessageDocuments.field(part.getKey()), part.getValue(), Function.identity());
        }
        if (filter.scope() != null) { // an empty scope reads nothing
            if (filter.scope().isEmpty()) {
                query.filter(f -> f.matchNone(n -> n));
            } else {
                addSet(query, REGION, filter.scope(), Function.identity());
            }
            any = true;
        }
        if (filter.from() != null || filter.to() != null) {
            query.filter(f -> f.range(r -> r.date(d -> {
                d.field(CREATED_AT).format("epoch_millis");
                if (filter.from() != null) {
                    d.gte(Long.toString(filter.from().toEpochMilli()));
                }
                if (filter.to() != null) {
                    d.lt(Long.toString(filter.to().toEpochMilli()));
                }
                return d;
            })));
            any = true;
        }
        return any ? query.build()._toQuery() : Query.of(q -> q.matchAll(m -> m));
    }

    /** The filter plus "has a creation time", for trends. */
    Query dated(MessageFilter filter) {
        Query matching = matching(filter);
        return Query.of(q -> q.bool(b -> b.must(matching).filter(f -> f.exists(e -> e.field(CREATED_AT)))));
    }

    private Query text(String text) {
        return query(expression(text));
    }

    /** The same tree, node by node, as the embedded index builds it (see its MessageQueries). */
    private static Query query(SearchExpression expression) {
        return switch (expression) {
            case SearchExpression.Everything everything -> Query.of(q -> q.matchAll(m -> m));
            case SearchExpression.Words words -> words(words.typed(), SearchExpression.texts(words.words()));
            case SearchExpression.Phrase phrase -> phrase(phrase);
            case SearchExpression.All all -> {
                BoolQuery.Builder bool = new BoolQuery.Builder();
                all.required().forEach(part -> bool.must(query(part)));
                if (all.required().isEmpty()) {
                    bool.must(m -> m.matchAll(a -> a));
                }
                all.excluded().forEach(part -> bool.mustNot(query(part)));
                yield bool.build()._toQuery();
            }
            case SearchExpression.Any any -> {
                BoolQuery.Builder bool = new BoolQuery.Builder().minimumShouldMatch("1");
                any.alternatives().forEach(part -> bool.should(query(part)));
                yield bool.build()._toQuery();
            }
        };
    }

    /** Every content word, or the whole entry naming a keyword, place or department. */
    private static Query words(String typed, List<String> words) {
        BoolQuery.Builder either = new BoolQuery.Builder().minimumShouldMatch("1");
        if (!words.isEmpty()) {
            either.should(allWords(words));
        }
        for (String field : List.of(KEYWORD, PLACE, DEPARTMENT)) {
            either.should(s -> s.term(t -> t.field(field).value(typed)));
        }
        return either.build()._toQuery();
    }

    /**
     * Words next to each other in the title or text. The indexed words of a stretch of text, inner words included,
     * are consecutive in a document exactly when that stretch was cut as the phrase was.
     */
    private static Query phrase(SearchExpression.Phrase phrase) {
        List<String> words = SearchExpression.texts(phrase.words());
        if (words.isEmpty()) {
            return words(phrase.typed(), words);
        }
        String joined = String.join(" ", words);
        return Query.of(q -> q.disMax(d -> d.tieBreaker(0.1)
                .queries(t -> t.matchPhrase(p -> p.field(TITLE_WORDS).query(joined).boost(TITLE_PHRASE_BOOST)))
                .queries(t -> t.matchPhrase(p -> p.field(TEXT_WORDS).query(joined).boost(TEXT_PHRASE_BOOST)))));
    }

    private static Query allWords(List<String> words) {
        BoolQuery.Builder all = new BoolQuery.Builder();
        for (String word : words) {
            all.must(m -> m.disMax(d -> d.tieBreaker(0.1)
                    .queries(q -> q.term(t -> t.field(TITLE_WORDS).value(word).boost(TITLE_BOOST)))
                    .queries(q -> q.term(t -> t.field(MENTION_WORDS).value(word).boost(MENTIONS_BOOST)))
                    .queries(q -> q.term(t -> t.field(TEXT_WORDS).value(word)))));
        }
        if (words.size() > 1) {
            String phrase = String.join(" ", words);
            all.should(s -> s.matchPhrase(p -> p.field(TEXT_WORDS).query(phrase).slop(PHRASE_SLOP)
                    .boost(TEXT_PHRASE_BOOST)));
            all.should(s -> s.matchPhrase(p -> p.field(TITLE_WORDS).query(phrase).slop(PHRASE_SLOP)
                    .boost(TITLE_PHRASE_BOOST)));
        }
        return all.build()._toQuery();
    }

    private static <T> boolean addSet(BoolQuery.Builder query, String field, Set<T> values,
                                      Function<T, String> key) {
        if (values.isEmpty()) {
            return false;
        }
        List<FieldValue> terms = new ArrayList<>(values.size());
        for (T value : values) {
            terms.add(FieldValue.of(key.apply(value)));
        }
        query.filter(f -> f.terms(t -> t.field(field).terms(v -> v.value(terms))));
        return true;
    }
}
