package org.minyi.collect.importer;

import java.nio.file.Path;
import java.time.Duration;

/**
 * Listens to a running import. Called on the importing thread every {@value FileImporter#PROGRESS_EVERY_ROWS} rows
 * or once a second, whichever comes first, and once more at the end; keep it quick.
 */
@FunctionalInterface
public interface ImportProgress {

    ImportProgress NONE = update -> {
    };

    void update(Update update);

    /**
     * @param fractionDone 0..1 by bytes (CSV, JSONL) or by sheet bytes (XLSX); -1 when unknown
     * @param finished     true for the last update of the import
     */
    record Update(Path file, long rowsRead, long accepted, long rejected, double fractionDone, Duration elapsed,
                  boolean finished) {
    }
}
