package org.minyi.index.lucene;

import static org.minyi.index.lucene.MessageDocuments.CREATED_AT;
import static org.minyi.index.lucene.MessageDocuments.SENTIMENT_SCORE;

import java.io.IOException;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.apache.lucene.document.LongPoint;
import org.apache.lucene.facet.FacetsCollector.MatchingDocs;
import org.apache.lucene.index.DocValues;
import org.apache.lucene.index.PointValues;
import org.apache.lucene.index.SortedNumericDocValues;
import org.apache.lucene.index.SortedSetDocValues;
import org.apache.lucene.search.DocIdSetIterator;
import org.apache.lucene.util.LongValues;
import org.apache.lucene.util.NumericUtils;
import org.minyi.index.MessageFilter;
import org.minyi.index.TrendInterval;
import org.minyi.index.TrendPoint;
import org.minyi.index.TrendSeries;
import org.minyi.index.TrendQuery;
import org.minyi.index.TrendSplit;

/**
 * Counts and sums sentiment per local day from doc values (no stored fields), then rolls days up into the
 * requested buckets. All series share one time axis: from the first to the last bucket holding a message of any
 * kept series, widened to the filter's from/to when given, with empty buckets present as zeros.
 *
 * <p>The caller's matches must all have a creation time. With a split, messages without a topic (or region) are
 * left out, and only the {@code maxSeries} largest series are kept (ties by key).
 */
final class TrendAggregation {

    static final String ALL = "all";

    /** About 270 years of days: more is a mistyped time range, not a chart. */
    static final int MAX_BUCKETS = 100_000;

    private final ZoneId zone;

    TrendAggregation(ZoneId zone) {
        this.zone = zone;
    }

    List<TrendSeries> aggregate(GlobalOrdinals ordinals, List<MatchingDocs> matches, TrendQuery query)
            throws IOException {
        String splitField = switch (query.split()) {
            case NONE -> null;
            case TOPIC -> MessageDocuments.TOPIC;
            case REGION -> MessageDocuments.REGION;
        };
        List<String> keys;
        int[] slotOfOrd = null;
        if (splitField == null) {
            keys = List.of(ALL);
        } else {
            slotOfOrd = largestSeries(ordinals, matches, splitField, query.maxSeries());
            keys = new ArrayList<>();
            for (int ord = 0; ord < slotOfOrd.length; ord++) {
                if (slotOfOrd[ord] >= 0) {
                    keys.add(null);
                }
            }
            for (int ord = 0; ord < slotOfOrd.length; ord++) {
                if (slotOfOrd[ord] >= 0) {
                    keys.set(slotOfOrd[ord], ordinals.lookup(splitField, ord));
                }
            }
        }
        LocalDays localDays = new LocalDays(zone);
        MessageFilter filter = query.filter();
        long firstDay = indexBoundDay(ordinals, true, localDays);
        long lastDay = indexBoundDay(ordinals, false, localDays);
        if (filter.from() != null) {
            firstDay = Math.max(firstDay, localDays.epochDay(filter.from().toEpochMilli()));
        }
        if (filter.to() != null) {
            lastDay = Math.min(lastDay, localDays.epochDay(filter.to().toEpochMilli() - 1));
        }
        if (keys.isEmpty() || lastDay < firstDay) {
            return splitField == null ? List.of(emptySeries(query)) : List.of();
        }
        int days = Math.toIntExact(lastDay - firstDay + 1);
        long[] counts = new long[keys.size() * days];
        double[] sentimentSums = new double[keys.size() * days];

        for (MatchingDocs match : matches) {
            if (match.totalHits() == 0) {
                continue;
            }
            SortedNumericDocValues created = DocValues.getSortedNumeric(match.context().reader(), CREATED_AT);
            SortedNumericDocValues sentiment = DocValues.getSortedNumeric(match.context().reader(), SENTIMENT_SCORE);
            SortedSetDocValues split = splitField == null ? null
                    : GlobalOrdinals.segmentValues(match.context(), splitField);
            LongValues toGlobal = splitField == null ? null : ordinals.toGlobal(splitField, match.context());
            DocIdSetIterator docs = match.bits().iterator();
            for (int doc = docs.nextDoc(); doc != DocIdSetIterator.NO_MORE_DOCS; doc = docs.nextDoc()) {
                int slot = 0;
                if (split != null) {
                    if (!split.advanceExact(doc)) {
                        continue;
                    }
                    slot = slotOfOrd[(int) toGlobal.get(split.nextOrd())];
                    if (slot < 0) {
                        continue;
                    }
                }
                if (!created.advanceExact(doc)) {
                    continue;
                }
                long day = localDays.epochDay(created.nextValue());
                if (day < firstDay || day > lastDay) {
                    continue; // cannot happen for matches: the bounds hold every creation time in range
                }
                int cell = slot * days + (int) (day - firstDay);
                counts[cell]++;
                if (sentiment.advanceExact(doc)) {
                    sentimentSums[cell] += NumericUtils.sortableLongToDouble(sentiment.nextValue());
                }
            }
        }
        return toSeries(query, keys, days, firstDay, counts, sentimentSums);
    }

    private List<TrendSeries> toSeries(TrendQuery query, List<String> keys, int days, long firstDay, long[] counts,
                                       double[] sentimentSums) {
        TrendInterval interval = query.interval();
        long firstWithData = Long.MAX_VALUE;
        long lastWithData = Long.MIN_VALUE;
        for (int cell = 0; cell < counts.length; cell++) {
            if (counts[cell] > 0) {
                long day = firstDay + cell % days;
                firstWithData = Math.min(firstWithData, day);
                lastWithData = Math.max(lastWithData, day);
            }
        }
        MessageFilter filter = query.filter();
        LocalDate axisStart = filter.from() != null ? localDate(filter.from())
                : firstWithData == Long.MAX_VALUE ? null : LocalDate.ofEpochDay(firstWithData);
        LocalDate axisEnd = filter.to() != null ? localDate(filter.to().minusMillis(1))
                : lastWithData == Long.MIN_VALUE ? null : LocalDate.ofEpochDay(lastWithData);
        List<LocalDate> bucketStarts = new ArrayList<>();
        if (axisStart != null && axisEnd != null) {
            for (LocalDate start = bucketStart(axisStart, interval); !start.isAfter(axisEnd);
                 start = next(start, interval)) {
                bucketStarts.add(start);
                if (bucketStarts.size() > MAX_BUCKETS) {
                    throw new IllegalArgumentException("a trend from " + axisStart + " to " + axisEnd + " by "
                            + interval.key() + " has more than " + MAX_BUCKETS
                            + " buckets; narrow the time range or use a wider interval");
                }
            }
        }
        List<TrendSeries> series = new ArrayList<>(keys.size());
        for (int slot = 0; slot < keys.size(); slot++) {
            long[] bucketCounts = new long[bucketStarts.size()];
            double[] bucketSums = new double[bucketStarts.size()];
            long total = 0;
            for (int d = 0; d < days; d++) {
                int cell = slot * days + d;
                if (counts[cell] == 0) {
                    continue;
                }
                LocalDate bucket = bucketStart(LocalDate.ofEpochDay(firstDay + d), interval);
                int index = indexOf(bucketStarts, bucket);
                bucketCounts[index] += counts[cell];
                bucketSums[index] += sentimentSums[cell];
                total += counts[cell];
            }
            if (total == 0 && query.split() != TrendSplit.NONE) {
                continue;
            }
            List<TrendPoint> points = new ArrayList<>(bucketStarts.size());
            for (int b = 0; b < bucketStarts.size(); b++) {
                double mean = bucketCounts[b] == 0 ? 0 : bucketSums[b] / bucketCounts[b];
                points.add(new TrendPoint(bucketStarts.get(b), bucketCounts[b], mean));
            }
            series.add(new TrendSeries(keys.get(slot), total, points));
        }
        series.sort(Comparator.comparingLong(TrendSeries::total).reversed().thenComparing(TrendSeries::key));
        return series;
    }

    /** The series with a zero total: points are zero-filled over from..to when both are given, else none. */
    private TrendSeries emptySeries(TrendQuery query) {
        return toSeries(query, List.of(ALL), 1, 0, new long[1], new double[1]).getFirst();
    }

    /**
     * Global ordinals of the largest series, mapped to slots 0..n-1 in ordinal order; -1 for dropped values.
     */
    private static int[] largestSeries(GlobalOrdinals ordinals, List<MatchingDocs> matches, String field,
                                       int maxSeries) throws IOException {
        long[] counts = ValueCounts.count(ordinals, matches, field);
        Integer[] byCount = new Integer[counts.length];
        for (int i = 0; i < counts.length; i++) {
            byCount[i] = i;
        }
        // Global ordinals follow value order, so equal counts fall back to the smaller key.
        java.util.Arrays.sort(byCount, (a, b) -> counts[a] != counts[b] ? Long.compare(counts[b], counts[a])
                : Integer.compare(a, b));
        int[] slotOfOrd = new int[counts.length];
        java.util.Arrays.fill(slotOfOrd, -1);
        boolean[] kept = new boolean[counts.length];
        for (int i = 0; i < Math.min(maxSeries, byCount.length) && counts[byCount[i]] > 0; i++) {
            kept[byCount[i]] = true;
        }
        int slot = 0;
        for (int ord = 0; ord < counts.length; ord++) {
            if (kept[ord]) {
                slotOfOrd[ord] = slot++;
            }
        }
        return slotOfOrd;
    }

    /**
     * The first (or last) local day any message falls on: the earliest (latest) creation time in the whole index,
     * which the points index knows without reading documents.
     */
    private static long indexBoundDay(GlobalOrdinals ordinals, boolean lower, LocalDays localDays)
            throws IOException {
        byte[] packed = lower ? PointValues.getMinPackedValue(ordinals.reader(), CREATED_AT)
                : PointValues.getMaxPackedValue(ordinals.reader(), CREATED_AT);
        if (packed == null) {
            return lower ? Long.MAX_VALUE : Long.MIN_VALUE;
        }
        return localDays.epochDay(LongPoint.decodeDimension(packed, 0));
    }

    private LocalDate localDate(Instant instant) {
        return LocalDate.ofInstant(instant, zone);
    }

    private static int indexOf(List<LocalDate> bucketStarts, LocalDate bucket) {
        // Buckets are consecutive, so the index is the distance from the first.
        int index = java.util.Collections.binarySearch(bucketStarts, bucket);
        if (index < 0) {
            throw new IllegalStateException("bucket " + bucket + " outside the trend's axis " + bucketStarts);
        }
        return index;
    }

    private static LocalDate bucketStart(LocalDate day, TrendInterval interval) {
        return switch (interval) {
            case DAY -> day;
            case WEEK -> day.with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY));
            case MONTH -> day.withDayOfMonth(1);
        };
    }

    private static LocalDate next(LocalDate bucketStart, TrendInterval interval) {
        return switch (interval) {
            case DAY -> bucketStart.plusDays(1);
            case WEEK -> bucketStart.plusWeeks(1);
            case MONTH -> bucketStart.plusMonths(1);
        };
    }
}
