package org.minyi.report;

import java.time.LocalDate;
import java.util.Objects;

/**
 * What briefing to make: a period report ({@code kind}, a {@code date} within the period, a scope) or a 专报
 * ({@code hotspotId} among the hot issues of {@code date}..{@code last}).
 */
public record BriefingRequest(ReportKind kind, LocalDate date, ReportScope scope, String hotspotId, LocalDate last) {

    public BriefingRequest {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(date, "date");
        scope = scope == null ? ReportScope.ALL : scope;
        if (kind == ReportKind.SPECIAL) {
            if (hotspotId == null || hotspotId.isBlank()) {
                throw new IllegalArgumentException("a 专报 (special) needs the hot issue's id (hotspot)");
            }
            if (last == null || last.isBefore(date)) {
                throw new IllegalArgumentException("a 专报 (special) needs a last day on or after its first");
            }
        }
    }

    public static BriefingRequest period(ReportKind kind, LocalDate date, ReportScope scope) {
        return new BriefingRequest(kind, date, scope, null, null);
    }

    public static BriefingRequest special(String hotspotId, LocalDate first, LocalDate last) {
        return new BriefingRequest(ReportKind.SPECIAL, first, ReportScope.ALL, hotspotId, last);
    }
}
