package org.minyi.insight;

import java.util.Locale;

/**
 * How a period's hotspots find their issues ({@code minyi.hotspots.grouping}): counted from the issues assigned
 * when messages were indexed ({@link IssueAssigner}; a period costs a count and the members of its largest issues),
 * or formed from all of the period's messages at query time ({@link IssueClusterer}; seconds at a million messages).
 */
public enum HotspotGrouping {
    INDEXED, QUERY;

    /** {@code indexed} or {@code query}; blank is the default. */
    public static HotspotGrouping parse(String value, HotspotGrouping fallback) {
        if (value == null || value.isBlank()) {
            return fallback;
        }
        return switch (value.strip().toLowerCase(Locale.ROOT)) {
            case "indexed" -> INDEXED;
            case "query" -> QUERY;
            default -> throw new IllegalArgumentException("minyi.hotspots.grouping must be indexed or query, was "
                    + value);
        };
    }
}
