package org.minyi.index.lucene;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.lucene.index.DocValues;
import org.apache.lucene.index.IndexReader;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.OrdinalMap;
import org.apache.lucene.index.SortedSetDocValues;
import org.apache.lucene.util.BytesRef;
import org.apache.lucene.util.LongValues;
import org.apache.lucene.util.packed.PackedInts;

/**
 * Index-wide ordinals of the values of keyword fields in one reader, so values can be counted in plain arrays and
 * turned into strings only for the few that are returned. Global ordinals follow the values' byte order, so a lower
 * ordinal is the smaller value. Building the map for a field costs one pass over its values; it is built on first
 * use and kept as long as the reader is current.
 */
final class GlobalOrdinals {

    private final IndexReader reader;
    private final ConcurrentHashMap<String, OrdinalMap> maps = new ConcurrentHashMap<>();

    GlobalOrdinals(IndexReader reader) {
        this.reader = reader;
    }

    IndexReader reader() {
        return reader;
    }

    long valueCount(String field) {
        List<LeafReaderContext> leaves = reader.leaves();
        if (leaves.isEmpty()) {
            return 0;
        }
        if (leaves.size() == 1) {
            return segmentValues(leaves.getFirst(), field).getValueCount();
        }
        return map(field).getValueCount();
    }

    /** Maps the ordinals of one segment's values of {@code field} to global ordinals. */
    LongValues toGlobal(String field, LeafReaderContext leaf) {
        if (reader.leaves().size() == 1) {
            return LongValues.IDENTITY;
        }
        return map(field).getGlobalOrds(leaf.ord);
    }

    String lookup(String field, long globalOrd) {
        try {
            List<LeafReaderContext> leaves = reader.leaves();
            BytesRef value;
            if (leaves.size() == 1) {
                value = segmentValues(leaves.getFirst(), field).lookupOrd(globalOrd);
            } else {
                OrdinalMap map = map(field);
                int segment = map.getFirstSegmentNumber(globalOrd);
                value = segmentValues(leaves.get(segment), field).lookupOrd(map.getFirstSegmentOrd(globalOrd));
            }
            return value.utf8ToString();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read values of field " + field, e);
        }
    }

    static SortedSetDocValues segmentValues(LeafReaderContext leaf, String field) {
        try {
            return DocValues.getSortedSet(leaf.reader(), field);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read values of field " + field, e);
        }
    }

    private OrdinalMap map(String field) {
        return maps.computeIfAbsent(field, this::build);
    }

    private OrdinalMap build(String field) {
        List<LeafReaderContext> leaves = reader.leaves();
        SortedSetDocValues[] values = new SortedSetDocValues[leaves.size()];
        for (int i = 0; i < values.length; i++) {
            values[i] = segmentValues(leaves.get(i), field);
        }
        try {
            return OrdinalMap.build(reader.getReaderCacheHelper() == null ? null
                    : reader.getReaderCacheHelper().getKey(), values, PackedInts.DEFAULT);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot map values of field " + field, e);
        }
    }
}
