package org.minyi.collect.importer;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

/**
 * What an import did.
 *
 * @param mapping  name of the column mapping used (built-in name or mapping file name)
 * @param rowsRead data rows seen, good or bad (rowsRead = accepted + rejected)
 * @param errors   the first {@link #MAX_ERRORS} row errors, in file order
 * @param encoding the encoding a text file was read in (UTF-8 or GB18030, see {@link TextEncoding}); null for XLSX
 */
public record ImportReport(
        Path file,
        FileFormat format,
        String mapping,
        long rowsRead,
        long accepted,
        long rejected,
        List<RowError> errors,
        Duration elapsed,
        String encoding) {

    public static final int MAX_ERRORS = 100;

    public ImportReport {
        errors = List.copyOf(errors);
    }

    public double rowsPerSecond() {
        double seconds = elapsed.toNanos() / 1e9;
        return seconds > 0 ? rowsRead / seconds : 0;
    }

    public String summary() {
        return String.format("%s: %d rows read, %d imported, %d rejected in %.1f s (%,.0f rows/s, mapping %s%s)",
                file.getFileName(), rowsRead, accepted, rejected, elapsed.toMillis() / 1000.0, rowsPerSecond(),
                mapping, encodingNote());
    }

    /** Says so when a file was not UTF-8: the user should know their GBK file was read as GB18030. */
    private String encodingNote() {
        return encoding == null || encoding.equals("UTF-8") ? ""
                : ", read as " + encoding + " (GBK) because it is not UTF-8";
    }
}
