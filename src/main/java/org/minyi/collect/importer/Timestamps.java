package org.minyi.collect.importer;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeFormatterBuilder;
import java.time.format.DateTimeParseException;
import java.time.format.ResolverStyle;
import java.time.temporal.ChronoField;
import java.time.temporal.TemporalAccessor;
import java.util.List;

/**
 * Turns date cells into instants: the mapping's patterns first, then ISO-8601 (which is also how XLSX date cells
 * arrive). Strict, so "2019/2/30" is an error rather than silently becoming March 2nd.
 */
final class Timestamps {

    private final List<DateTimeFormatter> formats;
    private final List<String> patterns;
    private final ZoneId zone;

    Timestamps(List<String> patterns, ZoneId zone) {
        this.patterns = patterns;
        this.zone = zone;
        this.formats = patterns.stream().map(Timestamps::strict).toList();
    }

    /** The instant, or null when the text fits no pattern. */
    Instant parse(String text) {
        for (DateTimeFormatter format : formats) {
            Instant instant = tryParse(text, format);
            if (instant != null) {
                return instant;
            }
        }
        try {
            return OffsetDateTime.parse(text).toInstant();
        } catch (DateTimeParseException ignored) {
            // not ISO with offset; try local forms
        }
        Instant instant = tryParse(text, DateTimeFormatter.ISO_LOCAL_DATE_TIME);
        return instant != null ? instant : tryParse(text, DateTimeFormatter.ISO_LOCAL_DATE);
    }

    String expected() {
        return String.join(" | ", patterns) + " | ISO-8601, in " + zone;
    }

    private Instant tryParse(String text, DateTimeFormatter format) {
        try {
            TemporalAccessor parsed = format.parseBest(text, LocalDateTime::from, LocalDate::from);
            LocalDateTime local = parsed instanceof LocalDate date ? date.atStartOfDay() : (LocalDateTime) parsed;
            return local.atZone(zone).toInstant();
        } catch (DateTimeParseException e) {
            return null;
        }
    }

    private static DateTimeFormatter strict(String pattern) {
        // STRICT resolving needs an era for year-of-era ("yyyy"); default it to AD.
        return new DateTimeFormatterBuilder().appendPattern(pattern)
                .parseDefaulting(ChronoField.ERA, 1)
                .toFormatter()
                .withResolverStyle(ResolverStyle.STRICT);
    }
}
