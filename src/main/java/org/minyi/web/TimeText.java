package org.minyi.web;

import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;

/** Times as people read them in exports: local time of the service's zone (Asia/Shanghai), no offset, no "T". */
final class TimeText {

    private static final DateTimeFormatter MINUTES = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");
    private static final DateTimeFormatter SECONDS = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");

    private TimeText() {
    }

    static String minutes(Instant time, ZoneId zone) {
        return time == null ? "" : MINUTES.format(time.atZone(zone));
    }

    /** To the second: what an export needs to be imported again without moving a message in time. */
    static String seconds(Instant time, ZoneId zone) {
        return time == null ? "" : SECONDS.format(time.atZone(zone));
    }
}
