package org.minyi.index.lucene;

import java.io.IOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import org.apache.lucene.facet.FacetsCollector.MatchingDocs;
import org.apache.lucene.index.BinaryDocValues;
import org.apache.lucene.index.DocValues;
import org.apache.lucene.index.LeafReader;
import org.apache.lucene.index.NumericDocValues;
import org.apache.lucene.index.SortedNumericDocValues;
import org.apache.lucene.index.SortedSetDocValues;
import org.apache.lucene.search.DocIdSetIterator;
import org.apache.lucene.util.NumericUtils;
import org.minyi.analysis.Sentiment;
import org.minyi.index.IssueMember;

/**
 * Reads {@link IssueMember}s of matching documents from doc values, segment by segment: no stored message and no
 * summary is decoded, so the members of a long period's largest issues cost column reads only. Segments written
 * before votes against had a column fall back to the summary (exact, slower).
 */
final class IssueMemberColumns {

    /** Stands in for an id until the segment's ids are looked up together. */
    private static final String PENDING_ID = "";

    private IssueMemberColumns() {
    }

    static void read(Iterable<MatchingDocs> matches, Consumer<? super IssueMember> action) throws IOException {
        for (MatchingDocs match : matches) {
            DocIdSetIterator docs = match.bits() == null ? null : match.bits().iterator();
            if (docs == null) {
                continue;
            }
            LeafReader reader = match.context().reader();
            if (reader.getFieldInfos().fieldInfo(MessageDocuments.VOTES_AGAINST) == null) {
                readSummaries(reader, docs, action);
            } else {
                new Segment(reader).read(docs, action);
            }
        }
    }

    private static void readSummaries(LeafReader reader, DocIdSetIterator docs, Consumer<? super IssueMember> action)
            throws IOException {
        BinaryDocValues summaries = reader.getBinaryDocValues(MessageDocuments.SUMMARY);
        for (int doc = docs.nextDoc(); doc != DocIdSetIterator.NO_MORE_DOCS; doc = docs.nextDoc()) {
            var summary = MessageDocuments.readSummary(summaries, doc);
            if (summary.isPresent() && summary.get().issue() != null) {
                action.accept(IssueMember.of(summary.get()));
            }
        }
    }

    /** One segment's columns; values of the few-valued fields are looked up once per ordinal. */
    private static final class Segment {
        private final SortedSetDocValues ids;
        private final Keyword issues;
        private final Keyword topics;
        private final Keyword regions;
        private final Keyword sentiments;
        private final Keyword channels;
        private final SortedNumericDocValues created;
        private final SortedNumericDocValues scores;
        private final NumericDocValues likes;
        private final NumericDocValues against;

        Segment(LeafReader reader) throws IOException {
            ids = DocValues.getSortedSet(reader, MessageDocuments.ID);
            issues = new Keyword(reader, MessageDocuments.ISSUE);
            topics = new Keyword(reader, MessageDocuments.TOPIC);
            regions = new Keyword(reader, MessageDocuments.REGION);
            sentiments = new Keyword(reader, MessageDocuments.SENTIMENT);
            channels = new Keyword(reader, MessageDocuments.CHANNEL);
            created = DocValues.getSortedNumeric(reader, MessageDocuments.CREATED_AT);
            scores = DocValues.getSortedNumeric(reader, MessageDocuments.SENTIMENT_SCORE);
            likes = DocValues.getNumeric(reader, MessageDocuments.VOTES);
            against = DocValues.getNumeric(reader, MessageDocuments.VOTES_AGAINST);
        }

        /**
         * Reads the matching members of this segment. Their ids are looked up after the scan in the order of their
         * ordinals: the id column's terms are compressed in blocks, so looking them up in document order would
         * unpack a block per member, in ordinal order each block once.
         */
        void read(DocIdSetIterator docs, Consumer<? super IssueMember> action) throws IOException {
            List<IssueMember> members = new ArrayList<>();
            LongList ords = new LongList();
            for (int doc = docs.nextDoc(); doc != DocIdSetIterator.NO_MORE_DOCS; doc = docs.nextDoc()) {
                String issue = issues.at(doc);
                if (issue == null || !ids.advanceExact(doc)) {
                    continue;
                }
                ords.add(ids.nextOrd());
                Instant at = created.advanceExact(doc) ? Instant.ofEpochMilli(created.nextValue()) : null;
                double score = scores.advanceExact(doc) ? NumericUtils.sortableLongToDouble(scores.nextValue()) : 0;
                String sentiment = sentiments.at(doc);
                members.add(new IssueMember(issue, PENDING_ID, at, topics.at(doc), regions.at(doc),
                        sentiment == null ? null : Sentiment.parse(sentiment), score,
                        likes.advanceExact(doc) ? (int) likes.longValue() : 0,
                        against.advanceExact(doc) ? (int) against.longValue() : 0, channels.at(doc)));
            }
            String[] named = idsInOrdinalOrder(ords);
            for (int i = 0; i < members.size(); i++) {
                action.accept(members.get(i).withId(named[i]));
            }
        }

        private String[] idsInOrdinalOrder(LongList ords) throws IOException {
            // ordinal in the high half, member in the low half: one primitive sort orders the members by ordinal
            long[] byOrd = new long[ords.size()];
            for (int i = 0; i < byOrd.length; i++) {
                byOrd[i] = ords.get(i) << 32 | i;
            }
            Arrays.sort(byOrd);
            String[] named = new String[byOrd.length];
            for (long key : byOrd) {
                named[(int) key] = ids.lookupOrd(key >>> 32).utf8ToString();
            }
            return named;
        }
    }

    /** A growable list of primitive longs. */
    private static final class LongList {
        private long[] values = new long[64];
        private int size;

        void add(long value) {
            if (size == values.length) {
                values = Arrays.copyOf(values, size * 2);
            }
            values[size++] = value;
        }

        long get(int i) {
            return values[i];
        }

        int size() {
            return size;
        }
    }

    /** A single-valued keyword column: the first value of a document, each distinct value made a string once. */
    private static final class Keyword {
        private final SortedSetDocValues values;
        private final Map<Long, String> named = new HashMap<>();

        Keyword(LeafReader reader, String field) throws IOException {
            values = DocValues.getSortedSet(reader, field);
        }

        String at(int doc) throws IOException {
            if (!values.advanceExact(doc)) {
                return null;
            }
            long ord = values.nextOrd();
            String value = named.get(ord);
            if (value == null) {
                value = values.lookupOrd(ord).utf8ToString();
                named.put(ord, value);
            }
            return value;
        }
    }
}
