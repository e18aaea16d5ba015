package org.minyi.index.elasticsearch;

import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;

/**
 * Names of what MinYi owns in the cluster. Messages go to one index per month of creation
 * ({@code minyi-messages-v1-2024.05}), messages without a date to {@code ...-undated}; the alias
 * {@code minyi-messages} spans them all and is what every read uses. Monthly indices make retention a matter of
 * deleting whole indices and keep each one small enough to force-merge once its month is over. The mapping
 * version is part of the names: a new mapping gets new indices (filled by reindexing) and the alias moves.
 */
record IndexNaming(String prefix, ZoneId zone) {

    /** Bump when the template's mappings change incompatibly: it is part of the index names. */
    static final int MAPPING_VERSION = 2;
    /**
     * The template's own version: bump when fields are only added (3: the sentence vector; 5: the issue). A start-up that finds
     * an older template installs this one and adds the new fields to the existing indices of the same mapping
     * version, so no reindex is needed.
     */
    static final int TEMPLATE_VERSION = 5;

    private static final DateTimeFormatter MONTH = DateTimeFormatter.ofPattern("yyyy.MM");

    String alias() {
        return prefix + "-messages";
    }

    String templateName() {
        return prefix + "-messages-v" + MAPPING_VERSION;
    }

    String indexPattern() {
        return prefix + "-messages-v" + MAPPING_VERSION + "-*";
    }

    String indexFor(Instant createdAt) {
        String suffix = createdAt == null ? "undated" : MONTH.format(createdAt.atZone(zone));
        return prefix + "-messages-v" + MAPPING_VERSION + "-" + suffix;
    }
}
