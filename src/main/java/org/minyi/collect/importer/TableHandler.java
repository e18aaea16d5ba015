package org.minyi.collect.importer;

import java.util.List;

/** Receives the rows of a tabular file (CSV, XLSX) in order, header included. */
interface TableHandler {

    /** A record starting at {@code line}; cells may be null (XLSX gaps). */
    void cells(long line, List<String> cells);

    /** A record starting at {@code line} could not be read at all. */
    void broken(long line, String problem);
}
