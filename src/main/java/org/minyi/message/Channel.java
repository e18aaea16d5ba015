package org.minyi.message;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Locale;

/** Where a citizen spoke. Serialised in lower case ("board", "hotline", ...). */
public enum Channel {
    BOARD, HOTLINE, NEWS, FORUM;

    @JsonValue
    public String key() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** Parses "board", "BOARD" or " Hotline "; rejects anything else with the list of valid values. */
    @JsonCreator
    public static Channel parse(String value) {
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException("channel is empty; expected one of board, hotline, news, forum");
        }
        try {
            return valueOf(value.trim().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(
                    "unknown channel '" + value + "'; expected one of board, hotline, news, forum");
        }
    }
}
