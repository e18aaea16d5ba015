package org.minyi.audit;

import java.time.Instant;
import java.util.Objects;

/**
 * One thing a person did that someone may later need to account for: read a message, export messages, change
 * users, rules, dictionaries, labels or saved searches.
 *
 * @param user   who (the login name)
 * @param action what, a dotted code such as {@code message.view}, {@code export}, {@code user.save}
 * @param target what it was done to (a message id, a user name, a rule id…), or null
 * @param detail the filters of an export or search, the roles given to a user…, or null
 * @param status the HTTP status the service answered (403 for a refused attempt)
 * @param rows   how many messages an export held, or null
 */
public record AuditEvent(Instant time, String user, String action, String target, String detail, int status,
                         Long rows) {

    public AuditEvent {
        Objects.requireNonNull(time, "time");
        Objects.requireNonNull(user, "user");
        Objects.requireNonNull(action, "action");
    }
}
