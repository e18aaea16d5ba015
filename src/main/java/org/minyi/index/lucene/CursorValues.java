package org.minyi.index.lucene;

import java.util.ArrayList;
import java.util.List;
import org.apache.lucene.search.FieldDoc;
import org.apache.lucene.search.Sort;
import org.apache.lucene.util.BytesRef;
import org.minyi.index.SearchCursor;
import org.minyi.index.SearchOrder;

/** A {@link SearchCursor} to and from the sort values Lucene keeps with each hit of a sorted search. */
final class CursorValues {

    private CursorValues() {
    }

    static SearchCursor of(SearchOrder order, FieldDoc last) {
        List<String> values = new ArrayList<>(last.fields.length);
        for (Object value : last.fields) {
            values.add(switch (value) {
                case Float f -> "f:" + f;
                case Double d -> "d:" + d;
                case Long l -> "l:" + l;
                case Integer i -> "i:" + i;
                case BytesRef b -> "s:" + b.utf8ToString();
                default -> throw new IllegalStateException("sort value of unexpected type " + value.getClass());
            });
        }
        return new SearchCursor(order, values);
    }

    /**
     * The hit to search after; its document number is past every document, so a hit whose values equal the
     * cursor's (the same message: the id ends every sort) does not come again.
     *
     * @throws IllegalArgumentException when the cursor does not fit {@code sort}
     */
    static FieldDoc after(SearchCursor cursor, Sort sort) {
        List<String> values = cursor.values();
        if (values.size() != sort.getSort().length) {
            throw SearchCursor.bad();
        }
        Object[] fields = new Object[values.size()];
        try {
            for (int i = 0; i < fields.length; i++) {
                String value = values.get(i);
                String raw = value.substring(2);
                fields[i] = switch (value.substring(0, 2)) {
                    case "f:" -> Float.parseFloat(raw);
                    case "d:" -> Double.parseDouble(raw);
                    case "l:" -> Long.parseLong(raw);
                    case "i:" -> Integer.parseInt(raw);
                    case "s:" -> new BytesRef(raw);
                    default -> throw SearchCursor.bad();
                };
                if (!fits(sort.getSort()[i], fields[i])) {
                    throw SearchCursor.bad();
                }
            }
        } catch (NumberFormatException | StringIndexOutOfBoundsException e) {
            throw SearchCursor.bad();
        }
        return new FieldDoc(Integer.MAX_VALUE, Float.NaN, fields);
    }

    private static boolean fits(org.apache.lucene.search.SortField field, Object value) {
        return switch (field.getType()) {
            case SCORE -> value instanceof Float;
            case LONG -> value instanceof Long;
            case DOUBLE -> value instanceof Double;
            case INT -> value instanceof Integer;
            case STRING -> value instanceof BytesRef;
            default -> value instanceof Long || value instanceof Double || value instanceof BytesRef;
        };
    }
}
