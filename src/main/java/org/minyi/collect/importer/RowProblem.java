package org.minyi.collect.importer;

/** One row cannot become a message; the message says why. Caught per row, never escapes an import. */
final class RowProblem extends RuntimeException {

    RowProblem(String message) {
        super(message, null, false, false);
    }
}
