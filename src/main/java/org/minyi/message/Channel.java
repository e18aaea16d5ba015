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

    /** The Chinese name, as exports write it: 留言板, 热线, 新闻, 论坛. */
    public String chinese() {
        return switch (this) {
            case BOARD -> "留言板";
            case HOTLINE -> "热线";
            case NEWS -> "新闻";
            case FORUM -> "论坛";
        };
    }

    /**
     * Parses "board", "BOARD", " Hotline " or the Chinese name (留言板…); rejects anything else with the list of
     * valid values.
     */
    @JsonCreator
    public static Channel parse(String value) {
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException("channel is empty; expected one of board, hotline, news, forum");
        }
        for (Channel channel : values()) {
            if (channel.chinese().equals(value.strip())) {
                return channel;
            }
        }
        try {
            return valueOf(value.trim().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(
                    "unknown channel '" + value + "'; expected one of board, hotline, news, forum");
        }
    }
}
