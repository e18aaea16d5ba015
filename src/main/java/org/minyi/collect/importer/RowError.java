package org.minyi.collect.importer;

import java.nio.file.Path;
import org.minyi.analysis.PiiMasker;

/**
 * Why one row was not imported.
 *
 * @param row     the data row, counting from 1 (the header is not a row)
 * @param line    where the row starts: the line in a CSV or JSONL file, the sheet row number in an XLSX file
 * @param problem what was wrong, naming the column and the shape of the offending value ({@link ValueShape}), never
 *                the value; PII masking runs over it all the same, in case a parser quoted some
 */
public record RowError(Path file, long row, long line, String problem) {

    private static final PiiMasker MASKER = new PiiMasker();

    public RowError {
        problem = MASKER.mask(problem);
    }

    @Override
    public String toString() {
        return file.getFileName() + ":" + line + " (row " + row + "): " + problem;
    }
}
