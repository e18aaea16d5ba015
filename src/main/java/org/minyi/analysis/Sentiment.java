package org.minyi.analysis;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Locale;

/** Polarity label; serialised as "negative", "neutral", "positive". */
public enum Sentiment {
    NEGATIVE, NEUTRAL, POSITIVE;

    @JsonValue
    public String key() {
        return name().toLowerCase(Locale.ROOT);
    }

    @JsonCreator
    public static Sentiment parse(String value) {
        try {
            return valueOf(value.trim().toUpperCase(Locale.ROOT));
        } catch (RuntimeException e) {
            throw new IllegalArgumentException(
                    "unknown sentiment '" + value + "'; expected one of negative, neutral, positive");
        }
    }
}
