package org.minyi.index;

import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Locale;

/** Bucket width of a trend. Weeks start on Monday; buckets follow the configured time zone. */
public enum TrendInterval {
    DAY, WEEK, MONTH;

    @JsonValue
    public String key() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static TrendInterval parse(String value) {
        try {
            return valueOf(value.trim().toUpperCase(Locale.ROOT));
        } catch (RuntimeException e) {
            throw new IllegalArgumentException("unknown interval '" + value + "'; expected day, week or month");
        }
    }
}
