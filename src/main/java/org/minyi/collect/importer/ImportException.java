package org.minyi.collect.importer;

/**
 * A whole file cannot be imported: unknown format, bad mapping, columns missing from the header, no mapping fits,
 * unreadable file. Problems with single rows are never thrown; they end up in {@link ImportReport#errors()}.
 */
public final class ImportException extends RuntimeException {

    public ImportException(String message) {
        super(message);
    }

    public ImportException(String message, Throwable cause) {
        super(message, cause);
    }
}
