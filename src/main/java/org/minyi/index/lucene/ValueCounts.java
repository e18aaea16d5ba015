package org.minyi.index.lucene;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.PriorityQueue;
import org.apache.lucene.facet.FacetsCollector.MatchingDocs;
import org.apache.lucene.index.LeafReader;
import org.apache.lucene.index.SortedSetDocValues;
import org.apache.lucene.index.Terms;
import org.apache.lucene.index.TermsEnum;
import org.apache.lucene.search.DocIdSetIterator;
import org.apache.lucene.util.LongValues;
import org.minyi.index.TermCount;

/**
 * Counts, per value of a keyword field, the matching messages that have it (a message with a value twice counts
 * once), and returns the most frequent first, ties by value.
 */
final class ValueCounts {

    private ValueCounts() {
    }

    static List<TermCount> top(GlobalOrdinals ordinals, List<MatchingDocs> matches, String field, int limit)
            throws IOException {
        long[] counts = count(ordinals, matches, field);
        PriorityQueue<Integer> best = new PriorityQueue<>(limit + 1,
                (a, b) -> counts[a] != counts[b] ? Long.compare(counts[a], counts[b]) : Integer.compare(b, a));
        for (int ord = 0; ord < counts.length; ord++) {
            if (counts[ord] == 0) {
                continue;
            }
            best.add(ord);
            if (best.size() > limit) {
                best.poll(); // the least frequent, or of equal counts the largest value
            }
        }
        List<TermCount> top = new ArrayList<>(best.size());
        while (!best.isEmpty()) {
            int ord = best.poll();
            top.add(new TermCount(ordinals.lookup(field, ord), counts[ord]));
        }
        return top.reversed();
    }

    /** Counts per global ordinal of {@code field}. */
    static long[] count(GlobalOrdinals ordinals, List<MatchingDocs> matches, String field) throws IOException {
        long valueCount = ordinals.valueCount(field);
        if (valueCount > Integer.MAX_VALUE - 8) {
            throw new IllegalStateException("field " + field + " has too many distinct values to count: "
                    + valueCount);
        }
        long[] counts = new long[(int) valueCount];
        for (MatchingDocs match : matches) {
            if (match.totalHits() == 0) {
                continue;
            }
            LongValues toGlobal = ordinals.toGlobal(field, match.context());
            LeafReader leaf = match.context().reader();
            if (leaf.getLiveDocs() == null && match.totalHits() == leaf.maxDoc()) {
                countWholeSegment(leaf, field, toGlobal, counts);
                continue;
            }
            SortedSetDocValues values = GlobalOrdinals.segmentValues(match.context(), field);
            DocIdSetIterator docs = match.bits().iterator();
            for (int doc = docs.nextDoc(); doc != DocIdSetIterator.NO_MORE_DOCS; doc = docs.nextDoc()) {
                if (values.advanceExact(doc)) {
                    for (int i = values.docValueCount(); i > 0; i--) {
                        counts[(int) toGlobal.get(values.nextOrd())]++;
                    }
                }
            }
        }
        return counts;
    }

    /**
     * Every document of the segment matches and none is deleted (the common unfiltered dashboard): the inverted
     * index already knows how many documents have each value, in the same order as the doc-values ordinals.
     */
    private static void countWholeSegment(LeafReader leaf, String field, LongValues toGlobal, long[] counts)
            throws IOException {
        Terms terms = leaf.terms(field);
        if (terms == null) {
            return;
        }
        TermsEnum values = terms.iterator();
        for (long ord = 0; values.next() != null; ord++) {
            counts[(int) toGlobal.get(ord)] += values.docFreq();
        }
    }
}
