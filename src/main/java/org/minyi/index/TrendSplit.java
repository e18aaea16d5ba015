package org.minyi.index;

import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Locale;

/** How a trend is split into series. */
public enum TrendSplit {
    NONE, TOPIC, REGION;

    @JsonValue
    public String key() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static TrendSplit parse(String value) {
        try {
            return valueOf(value.trim().toUpperCase(Locale.ROOT));
        } catch (RuntimeException e) {
            throw new IllegalArgumentException("unknown split '" + value + "'; expected none, topic or region");
        }
    }
}
