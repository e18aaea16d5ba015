package org.minyi.index;

import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Locale;

/** Fields a search can count values of. */
public enum FacetField {
    TOPIC, SENTIMENT, REGION, CHANNEL, SOURCE, DEPARTMENT, PLACE;

    @JsonValue
    public String key() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static FacetField parse(String value) {
        try {
            return valueOf(value.trim().toUpperCase(Locale.ROOT));
        } catch (RuntimeException e) {
            throw new IllegalArgumentException("unknown facet '" + value
                    + "'; expected one of topic, sentiment, region, channel, source, department, place");
        }
    }
}
