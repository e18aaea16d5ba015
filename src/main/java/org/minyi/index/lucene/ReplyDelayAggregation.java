package org.minyi.index.lucene;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.lucene.facet.FacetsCollector.MatchingDocs;
import org.apache.lucene.index.NumericDocValues;
import org.apache.lucene.index.SortedDocValues;
import org.apache.lucene.search.DocIdSetIterator;
import org.minyi.index.ReplyDelays;

/**
 * Reply delays per agency from doc values ({@code reply_delay}, {@code reply_agency}, written only for messages
 * with a dated reply), so the dashboard's timeliness chart never loads stored documents.
 */
final class ReplyDelayAggregation {

    private ReplyDelayAggregation() {
    }

    static List<ReplyDelays> of(List<MatchingDocs> matching, int maxAgencies) throws IOException {
        Map<String, LongList> byAgency = new HashMap<>();
        LongList all = new LongList();
        for (MatchingDocs docs : matching) {
            if (docs.bits() == null) {
                continue;
            }
            NumericDocValues delays = docs.context().reader().getNumericDocValues(MessageDocuments.REPLY_DELAY);
            SortedDocValues agencies = docs.context().reader().getSortedDocValues(MessageDocuments.REPLY_AGENCY);
            if (delays == null || agencies == null) {
                continue;
            }
            DocIdSetIterator it = docs.bits().iterator();
            for (int doc = it.nextDoc(); doc != DocIdSetIterator.NO_MORE_DOCS; doc = it.nextDoc()) {
                if (delays.advanceExact(doc) && agencies.advanceExact(doc)) {
                    long delay = delays.longValue();
                    String agency = agencies.lookupOrd(agencies.ordValue()).utf8ToString();
                    byAgency.computeIfAbsent(agency, a -> new LongList()).add(delay);
                    all.add(delay);
                }
            }
        }
        if (all.size == 0) {
            return List.of();
        }
        List<ReplyDelays> lines = new ArrayList<>();
        lines.add(figures(ReplyDelays.ALL, all));
        byAgency.entrySet().stream()
                .sorted(Comparator.comparingInt((Map.Entry<String, LongList> e) -> -e.getValue().size)
                        .thenComparing(Map.Entry::getKey))
                .limit(maxAgencies)
                .forEach(e -> lines.add(figures(e.getKey(), e.getValue())));
        return lines;
    }

    private static ReplyDelays figures(String agency, LongList delays) {
        long[] sorted = Arrays.copyOf(delays.values, delays.size);
        Arrays.sort(sorted);
        return new ReplyDelays(agency, sorted.length, within(sorted, 1), within(sorted, 7), within(sorted, 30),
                (double) sorted[sorted.length / 2] / ReplyDelays.DAY_MILLIS);
    }

    /** How many of the sorted delays are at most {@code days} days. */
    private static long within(long[] sorted, int days) {
        long limit = days * ReplyDelays.DAY_MILLIS;
        int at = Arrays.binarySearch(sorted, limit);
        if (at < 0) {
            return -at - 1;
        }
        while (at + 1 < sorted.length && sorted[at + 1] == limit) {
            at++;
        }
        return at + 1;
    }

    /** A growable array of longs: delays of 100k messages without boxing. */
    private static final class LongList {
        long[] values = new long[16];
        int size;

        void add(long value) {
            if (size == values.length) {
                values = Arrays.copyOf(values, size * 2);
            }
            values[size++] = value;
        }
    }
}
