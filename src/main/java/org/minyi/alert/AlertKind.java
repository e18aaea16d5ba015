package org.minyi.alert;

import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Locale;

/**
 * What an alert is about: one message, one hotspot, a digest of alerts held over a limit, a channel test, or a
 * scheduled report (周报) a subscription asked for.
 */
public enum AlertKind {
    MESSAGE, HOTSPOT, DIGEST, TEST, REPORT;

    @JsonValue
    public String key() {
        return name().toLowerCase(Locale.ROOT);
    }
}
