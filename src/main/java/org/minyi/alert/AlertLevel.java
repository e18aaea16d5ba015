package org.minyi.alert;

import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Locale;

/** How urgent an alert is, as government alert levels are named: 红色 above 橙色 above 黄色. */
public enum AlertLevel {
    YELLOW("黄色"), ORANGE("橙色"), RED("红色");

    private final String chinese;

    AlertLevel(String chinese) {
        this.chinese = chinese;
    }

    /** 红色, 橙色 or 黄色. */
    public String chinese() {
        return chinese;
    }

    @JsonValue
    public String key() {
        return name().toLowerCase(Locale.ROOT);
    }

    static AlertLevel highest(AlertLevel a, AlertLevel b) {
        return a.compareTo(b) >= 0 ? a : b;
    }
}
