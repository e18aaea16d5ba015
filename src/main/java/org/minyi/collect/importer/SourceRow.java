package org.minyi.collect.importer;

import java.util.function.Function;

/**
 * One record as read, before it becomes a message.
 *
 * @param line   where it starts: the file line (CSV, JSONL) or the sheet row number (XLSX)
 * @param values the raw cell of each mapped field, null when absent
 */
record SourceRow(long line, Function<MessageField, String> values) {

    String value(MessageField field) {
        return values.apply(field);
    }
}
