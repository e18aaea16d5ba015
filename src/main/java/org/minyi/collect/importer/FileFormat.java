package org.minyi.collect.importer;

import java.nio.file.Path;
import java.util.Locale;

/** The file formats {@link FileImporter} reads. */
public enum FileFormat {
    CSV, JSONL, XLSX;

    /** The format a file name implies: .csv, .jsonl/.json (one object a line), .xlsx. */
    public static FileFormat ofFileName(Path file) {
        String name = file.getFileName().toString().toLowerCase(Locale.ROOT);
        if (name.endsWith(".csv")) {
            return CSV;
        }
        if (name.endsWith(".jsonl") || name.endsWith(".json") || name.endsWith(".ndjson")) {
            return JSONL;
        }
        if (name.endsWith(".xlsx")) {
            return XLSX;
        }
        throw new ImportException("cannot tell the format of " + file.getFileName()
                + " from its extension; expected .csv, .jsonl, .json or .xlsx, or give the format explicitly");
    }

    /** Parses "csv", "JSONL", "xlsx"; "json" means JSONL. */
    public static FileFormat parse(String value) {
        String key = value.strip().toUpperCase(Locale.ROOT);
        if (key.equals("JSON") || key.equals("NDJSON")) {
            return JSONL;
        }
        try {
            return valueOf(key);
        } catch (IllegalArgumentException e) {
            throw new ImportException("unknown format '" + value + "'; expected csv, jsonl or xlsx");
        }
    }
}
