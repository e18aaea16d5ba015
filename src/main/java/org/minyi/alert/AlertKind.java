package org.minyi.alert;

import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Locale;

/** What an alert is about: one message, one hotspot, a digest of alerts held over a limit, or a channel test. */
public enum AlertKind {
    MESSAGE, HOTSPOT, DIGEST, TEST;

    @JsonValue
    public String key() {
        return name().toLowerCase(Locale.ROOT);
    }
}
