package org.minyi.index.lucene;

import static org.minyi.index.Relevance.MENTIONS_BOOST;
import static org.minyi.index.Relevance.PHRASE_SLOP;
import static org.minyi.index.Relevance.TEXT_PHRASE_BOOST;
import static org.minyi.index.Relevance.TITLE_BOOST;
import static org.minyi.index.Relevance.TITLE_PHRASE_BOOST;
import static org.minyi.index.lucene.MessageDocuments.CHANNEL;
import static org.minyi.index.lucene.MessageDocuments.CREATED_AT;
import static org.minyi.index.lucene.MessageDocuments.DEMAND_KEY;
import static org.minyi.index.lucene.MessageDocuments.DEPARTMENT;
import static org.minyi.index.lucene.MessageDocuments.ID;
import static org.minyi.index.lucene.MessageDocuments.KEYWORD;
import static org.minyi.index.lucene.MessageDocuments.MENTIONS;
import static org.minyi.index.lucene.MessageDocuments.PLACE;
import static org.minyi.index.lucene.MessageDocuments.REGION;
import static org.minyi.index.lucene.MessageDocuments.REPLY_AGENCY_TERM;
import static org.minyi.index.lucene.MessageDocuments.SENTIMENT;
import static org.minyi.index.lucene.MessageDocuments.SOURCE;
import static org.minyi.index.lucene.MessageDocuments.TEXT;
import static org.minyi.index.lucene.MessageDocuments.TITLE;
import static org.minyi.index.lucene.MessageDocuments.TOPIC;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Set;
import java.util.function.Function;
import org.apache.lucene.document.KeywordField;
import org.apache.lucene.document.LongField;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.BooleanClause.Occur;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.BoostQuery;
import org.apache.lucene.search.DisjunctionMaxQuery;
import org.apache.lucene.search.MatchAllDocsQuery;
import org.apache.lucene.search.MatchNoDocsQuery;
import org.apache.lucene.search.PhraseQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.TermInSetQuery;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.util.BytesRef;
import org.minyi.analysis.IndexWord;
import org.minyi.analysis.IndexWords;
import org.minyi.analysis.Segmenter;
import org.minyi.index.MessageFilter;
import org.minyi.index.query.SearchExpression;

/**
 * Turns a {@link MessageFilter} into Lucene queries.
 *
 * <p>Text matching: the query text is a {@link SearchExpression} (and, or, not, groups, phrases). Each part of plain
 * words is segmented like the messages, and every content word must occur in the title, the text or the mentions
 * (keywords, places, departments) — a search narrows as words are added, as people expect from a search box. A word scores best in the title, then in the mentions, then in the text; the words appearing
 * together as a phrase (up to two words apart) in the title or text lifts a message further. Independently, a query
 * part equal to a whole keyword, place or department name matches messages filed under that name, even when the
 * segmenter would cut the name differently on its own. A query of stop words only ("的") has no content word and
 * so matches only such a name.
 */
final class MessageQueries {

    private final Segmenter segmenter;

    MessageQueries(SegmenterAnalyzer analyzer) {
        this.segmenter = analyzer.segmenter();
    }

    /** Everything the filter asks for; text is scored, the rest only filters. */
    Query matching(MessageFilter filter) {
        Query text = filter.text() == null ? null : text(filter.text());
        return combine(text, filter);
    }

    /** The scoring part of the filter alone, for highlighting; null without text. */
    Query textOnly(MessageFilter filter) {
        return filter.text() == null ? null : text(filter.text());
    }

    Query combine(Query text, MessageFilter filter) {
        BooleanQuery.Builder query = new BooleanQuery.Builder();
        boolean any = false;
        if (text != null) {
            query.add(text, Occur.MUST);
            any = true;
        }
        any |= addSet(query, TOPIC, filter.topics(), Function.identity());
        any |= addSet(query, SENTIMENT, filter.sentiments(), s -> s.key());
        any |= addSet(query, REGION, filter.regions(), Function.identity());
        any |= addSet(query, CHANNEL, filter.channels(), c -> c.key());
        any |= addSet(query, SOURCE, filter.sources(), Function.identity());
        any |= addSet(query, ID, filter.ids(), Function.identity());
        if (!filter.agencies().isEmpty()) { // indexed without doc values: a plain term set
            query.add(new TermInSetQuery(REPLY_AGENCY_TERM, filter.agencies().stream().map(BytesRef::new).toList()),
                    Occur.FILTER);
            any = true;
        }
        any |= addSet(query, DEMAND_KEY, filter.demandKeys(), Function.identity());
        for (var part : filter.profile().entrySet()) {
            any |= addSet(query, MessageDocuments.field(part.getKey()), part.getValue(), Function.identity());
        }
        if (filter.scope() != null) { // an empty scope reads nothing
            query.add(filter.scope().isEmpty() ? new MatchNoDocsQuery()
                    : KeywordField.newSetQuery(REGION, filter.scope().stream().map(BytesRef::new).toList()),
                    Occur.FILTER);
            any = true;
        }
        if (filter.from() != null || filter.to() != null) {
            long from = filter.from() == null ? Long.MIN_VALUE : filter.from().toEpochMilli();
            long toExclusive = filter.to() == null ? Long.MAX_VALUE : filter.to().toEpochMilli();
            query.add(LongField.newRangeQuery(CREATED_AT, from,
                    toExclusive == Long.MAX_VALUE ? Long.MAX_VALUE : toExclusive - 1), Occur.FILTER);
            any = true;
        }
        if (!any) {
            return new MatchAllDocsQuery();
        }
        return query.build();
    }

    private static <T> boolean addSet(BooleanQuery.Builder query, String field, Set<T> values,
                                      Function<T, String> key) {
        if (values.isEmpty()) {
            return false;
        }
        List<BytesRef> terms = new ArrayList<>(values.size());
        for (T value : values) {
            terms.add(new BytesRef(key.apply(value)));
        }
        query.add(KeywordField.newSetQuery(field, terms), Occur.FILTER);
        return true;
    }

    Query text(String text) {
        return query(SearchExpression.parse(text, typed -> IndexWords.ofQuery(typed, segmenter)));
    }

    private static Query query(SearchExpression expression) {
        return switch (expression) {
            case SearchExpression.Everything everything -> new MatchAllDocsQuery();
            case SearchExpression.Words words -> words(words.typed(), SearchExpression.texts(words.words()));
            case SearchExpression.Phrase phrase -> phrase(phrase);
            case SearchExpression.All all -> {
                BooleanQuery.Builder bool = new BooleanQuery.Builder();
                all.required().forEach(part -> bool.add(query(part), Occur.MUST));
                if (all.required().isEmpty()) {
                    bool.add(new MatchAllDocsQuery(), Occur.MUST);
                }
                all.excluded().forEach(part -> bool.add(query(part), Occur.MUST_NOT));
                yield bool.build();
            }
            case SearchExpression.Any any -> {
                BooleanQuery.Builder bool = new BooleanQuery.Builder();
                any.alternatives().forEach(part -> bool.add(query(part), Occur.SHOULD));
                bool.setMinimumNumberShouldMatch(1);
                yield bool.build();
            }
        };
    }

    /** Every content word, or the whole entry naming a keyword, place or department. */
    private static Query words(String typed, List<String> words) {
        BooleanQuery.Builder either = new BooleanQuery.Builder();
        if (!words.isEmpty()) {
            either.add(allWords(words), Occur.SHOULD);
        }
        for (String field : List.of(KEYWORD, PLACE, DEPARTMENT)) {
            either.add(KeywordField.newExactQuery(field, typed), Occur.SHOULD);
        }
        either.setMinimumNumberShouldMatch(1);
        return either.build();
    }

    /**
     * Words next to each other in the title or text: inner words stand at the position of their word, as
     * {@link IndexWordStream} indexes them, so the phrase matches where its stretch of text was cut alike.
     */
    private static Query phrase(SearchExpression.Phrase phrase) {
        if (phrase.words().isEmpty()) {
            return words(phrase.typed(), List.of());
        }
        return new DisjunctionMaxQuery(List.of(
                new BoostQuery(exactPhrase(TITLE, phrase.words()), TITLE_PHRASE_BOOST),
                new BoostQuery(exactPhrase(TEXT, phrase.words()), TEXT_PHRASE_BOOST)), 0.1f);
    }

    private static Query exactPhrase(String field, List<IndexWord> words) {
        PhraseQuery.Builder phrase = new PhraseQuery.Builder();
        int position = -1;
        for (IndexWord word : words) {
            if (!word.inner() || position < 0) {
                position++;
            }
            phrase.add(new Term(field, word.text()), position);
        }
        return phrase.build();
    }

    private static Query allWords(List<String> words) {
        BooleanQuery.Builder all = new BooleanQuery.Builder();
        for (String word : words) {
            all.add(new DisjunctionMaxQuery(List.of(
                    new BoostQuery(new TermQuery(new Term(TITLE, word)), TITLE_BOOST),
                    new BoostQuery(new TermQuery(new Term(MENTIONS, word)), MENTIONS_BOOST),
                    new TermQuery(new Term(TEXT, word))), 0.1f), Occur.MUST);
        }
        if (words.size() > 1) {
            all.add(new BoostQuery(phrase(TEXT, words), TEXT_PHRASE_BOOST), Occur.SHOULD);
            all.add(new BoostQuery(phrase(TITLE, words), TITLE_PHRASE_BOOST), Occur.SHOULD);
        }
        return all.build();
    }

    private static Query phrase(String field, Collection<String> words) {
        return new PhraseQuery(PHRASE_SLOP, field, words.toArray(String[]::new));
    }
}
