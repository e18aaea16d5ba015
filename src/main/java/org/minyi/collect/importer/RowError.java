package org.minyi.collect.importer;

import java.nio.file.Path;

/**
 * Why one row was not imported.
 *
 * @param row     the data row, counting from 1 (the header is not a row)
 * @param line    where the row starts: the line in a CSV or JSONL file, the sheet row number in an XLSX file
 * @param problem what was wrong, naming the column and the offending value
 */
public record RowError(Path file, long row, long line, String problem) {

    @Override
    public String toString() {
        return file.getFileName() + ":" + line + " (row " + row + "): " + problem;
    }
}
