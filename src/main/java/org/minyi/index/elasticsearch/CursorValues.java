package org.minyi.index.elasticsearch;

import co.elastic.clients.elasticsearch._types.FieldValue;
import java.util.ArrayList;
import java.util.List;
import org.minyi.index.SearchCursor;
import org.minyi.index.SearchOrder;

/** A {@link SearchCursor} to and from the sort values Elasticsearch returns with each hit (search_after). */
final class CursorValues {

    private CursorValues() {
    }

    static SearchCursor of(SearchOrder order, List<FieldValue> sortValues) {
        List<String> values = new ArrayList<>(sortValues.size());
        for (FieldValue value : sortValues) {
            if (value.isLong()) {
                values.add("l:" + value.longValue());
            } else if (value.isDouble()) {
                values.add("d:" + value.doubleValue());
            } else if (value.isString()) {
                values.add("s:" + value.stringValue());
            } else {
                throw new IllegalStateException("sort value of unexpected kind " + value._kind());
            }
        }
        return new SearchCursor(order, values);
    }

    /** @throws IllegalArgumentException when the cursor does not have {@code sortFields} values of known kinds */
    static List<FieldValue> after(SearchCursor cursor, int sortFields) {
        if (cursor.values().size() != sortFields) {
            throw SearchCursor.bad();
        }
        List<FieldValue> after = new ArrayList<>(sortFields);
        try {
            for (String value : cursor.values()) {
                String raw = value.substring(2);
                after.add(switch (value.substring(0, 2)) {
                    case "l:" -> FieldValue.of(Long.parseLong(raw));
                    case "d:" -> FieldValue.of(Double.parseDouble(raw));
                    case "s:" -> FieldValue.of(raw);
                    default -> throw SearchCursor.bad();
                });
            }
        } catch (NumberFormatException | StringIndexOutOfBoundsException e) {
            throw SearchCursor.bad();
        }
        return after;
    }
}
