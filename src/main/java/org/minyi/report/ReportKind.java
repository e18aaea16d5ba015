package org.minyi.report;

import java.util.Locale;

/** The kinds of briefing: three period reports and the special report (专报) on one hot issue. */
public enum ReportKind {
    DAILY("日报"), WEEKLY("周报"), MONTHLY("月报"), SPECIAL("专报");

    private final String chinese;

    ReportKind(String chinese) {
        this.chinese = chinese;
    }

    public String chinese() {
        return chinese;
    }

    /** Lower-case name, as in URLs, commands and template file names. */
    public String key() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static ReportKind parse(String value) {
        try {
            return valueOf(value.strip().toUpperCase(Locale.ROOT));
        } catch (RuntimeException e) {
            throw new IllegalArgumentException("unknown report kind '" + value
                    + "'; expected daily, weekly, monthly or special");
        }
    }
}
