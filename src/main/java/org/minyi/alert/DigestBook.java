package org.minyi.alert;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Alerts held over a subscriber's limit, per subscriber and window, until the window ends and they go out as one
 * digest. Only the matcher thread uses it.
 */
final class DigestBook {

    /** What one digest will hold. */
    record Due(String subscriber, Window window, int limit, List<Alert> alerts) {
    }

    private record Key(String subscriber, Instant windowStart) {
    }

    private final Map<Key, Due> pending = new LinkedHashMap<>();

    void hold(Alert alert, Window window, int limit) {
        pending.computeIfAbsent(new Key(alert.subscriber(), window.start()),
                k -> new Due(alert.subscriber(), window, limit, new ArrayList<>())).alerts().add(alert);
    }

    /** Removes and returns the digests whose window has ended. */
    List<Due> due(Instant now) {
        List<Due> due = new ArrayList<>();
        for (Iterator<Due> it = pending.values().iterator(); it.hasNext(); ) {
            Due d = it.next();
            if (!now.isBefore(d.window().end())) {
                due.add(d);
                it.remove();
            }
        }
        return due;
    }
}
