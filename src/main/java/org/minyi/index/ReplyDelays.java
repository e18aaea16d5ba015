package org.minyi.index;

import java.time.Duration;
import org.minyi.message.Message;

/**
 * How fast replies came for one replying agency (or {@link #ALL}): of {@code replied} messages, how many were
 * answered within 1, 7 and 30 days (delay ≤ that many days) and the median delay in days (to within an hour).
 * The delay is reply time − message time; a reply dated before its message counts as immediate.
 */
public record ReplyDelays(String agency, long replied, long within1Day, long within7Days, long within30Days,
                          double medianDays) {

    /** The agency of the line over all replied messages. */
    public static final String ALL = "全部";
    /** The agency of replies that do not name one. */
    public static final String UNKNOWN_AGENCY = "未注明";

    public static final long DAY_MILLIS = Duration.ofDays(1).toMillis();

    /** The reply delay of a message in milliseconds, or -1 when it has no reply time or no creation time. */
    public static long delayMillis(Message message) {
        if (message.reply() == null || message.reply().time() == null || message.createdAt() == null) {
            return -1;
        }
        return Math.max(0, Duration.between(message.createdAt(), message.reply().time()).toMillis());
    }

    /** The agency a message's reply is counted under. */
    public static String agencyOf(Message message) {
        String agency = message.reply() == null ? null : message.reply().agency();
        return agency == null || agency.isBlank() ? UNKNOWN_AGENCY : agency.strip();
    }
}
