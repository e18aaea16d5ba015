package org.minyi.alert;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Decides what happens to a new alert, per subscriber: a repeat of one already made is dropped (a message alerts a
 * subscriber once while it is fresh; a hotspot once per dedupe window, also when it grew under a new id); within
 * the subscriber's limit it goes out, held through quiet hours; over the limit it is held for the digest at the end
 * of the window. Only the matcher thread uses it (and the engine before that thread starts).
 */
final class Admission {

    sealed interface Decision permits Repeat, Deliver, HoldQuiet, HoldDigest {
    }

    /** The same subject (or, for hotspots, mostly the same messages) alerted this subscriber at {@code at}. */
    record Repeat(Instant at) implements Decision {
    }

    record Deliver() implements Decision {
    }

    record HoldQuiet(Instant until) implements Decision {
    }

    /** Over the limit of the window: in the digest sent at its end. */
    record HoldDigest(Window window, int limit) implements Decision {
    }

    private record Made(String subject, Set<String> messageIds, Instant at, boolean hotspot) {
    }

    private record Count(Window window, int admitted) {
    }

    private final AlertSettings settings;
    private final Map<String, Recent> recentBySubscriber = new HashMap<>();
    private final Map<String, Count> counts = new HashMap<>();

    Admission(AlertSettings settings) {
        this.settings = settings;
    }

    Decision decide(Alert alert, List<Rule> rules, Instant now) {
        Made earlier = sameIssue(alert, now);
        if (earlier != null) {
            return new Repeat(earlier.at());
        }
        remember(alert, now);
        SubscriberLimits limits = settings.limitsOf(alert.subscriber());
        Window window = Window.containing(now, limits.window(), settings.zone());
        Count count = counts.get(alert.subscriber());
        int admitted = count != null && count.window().equals(window) ? count.admitted() : 0;
        if (admitted >= limits.maxPerWindow()) {
            return new HoldDigest(window, limits.maxPerWindow());
        }
        counts.put(alert.subscriber(), new Count(window, admitted + 1));
        Instant quietUntil = quietUntil(rules, now);
        return quietUntil != null ? new HoldQuiet(quietUntil) : new Deliver();
    }

    /** When quiet hours of any of the rules hold now: the latest of their ends, else null. */
    static Instant quietUntil(List<Rule> rules, Instant now) {
        Instant until = null;
        for (Rule rule : rules) {
            if (rule.quietHours() != null && rule.quietHours().contains(now)) {
                Instant end = rule.quietHours().nextEnd(now);
                until = until == null || end.isAfter(until) ? end : until;
            }
        }
        return until;
    }

    /** Restart: an alert made at {@code at}; {@code counted} when it went out within the limit (not to a digest). */
    void restore(Alert alert, Instant at, boolean counted) {
        if (alert.kind() == AlertKind.MESSAGE || alert.kind() == AlertKind.HOTSPOT) {
            remember(alert, at);
        }
        if (counted) {
            Window window = Window.containing(at, settings.limitsOf(alert.subscriber()).window(), settings.zone());
            Count count = counts.get(alert.subscriber());
            int admitted = count != null && count.window().equals(window) ? count.admitted() : 0;
            if (count == null || !window.start().isBefore(count.window().start())) {
                counts.put(alert.subscriber(), new Count(window, admitted + 1));
            }
        }
    }

    /** How far back repeats are looked for: a message stays a repeat as long as it could still alert. */
    Duration memory(String subscriber) {
        Duration freshness = settings.limitsOf(subscriber).freshness();
        return freshness.compareTo(settings.dedupeWindow()) > 0 ? freshness : settings.dedupeWindow();
    }

    private Made sameIssue(Alert alert, Instant now) {
        Recent recent = recentBySubscriber.get(alert.subscriber());
        if (recent == null) {
            return null;
        }
        Instant hotspotsSince = now.minus(settings.dedupeWindow());
        recent.forget(now.minus(memory(alert.subscriber())), hotspotsSince);
        Made same = recent.bySubject.get(alert.subject());
        if (same != null && same.hotspot() && same.at().isBefore(hotspotsSince)) {
            same = null;
        }
        if (same != null || alert.kind() != AlertKind.HOTSPOT) {
            return same;
        }
        Set<String> ids = Set.copyOf(alert.messageIds());
        for (Made m : recent.hotspots) {
            long shared = m.messageIds().stream().filter(ids::contains).count();
            int smaller = Math.min(ids.size(), m.messageIds().size());
            if (smaller > 0 && shared * 2 >= smaller) {
                return m;
            }
        }
        return null;
    }

    private void remember(Alert alert, Instant at) {
        if (alert.kind() != AlertKind.MESSAGE && alert.kind() != AlertKind.HOTSPOT) {
            return;
        }
        boolean hotspot = alert.kind() == AlertKind.HOTSPOT;
        Made made = new Made(alert.subject(), hotspot ? Set.copyOf(alert.messageIds()) : Set.of(), at, hotspot);
        Recent recent = recentBySubscriber.computeIfAbsent(alert.subscriber(), s -> new Recent());
        recent.bySubject.remove(made.subject()); // re-inserted at the young end
        recent.bySubject.put(made.subject(), made);
        if (hotspot) {
            recent.hotspots.add(made);
        }
    }

    /** One subscriber's alerts still remembered, oldest first: by subject, and hotspots for the overlap test. */
    private static final class Recent {
        final LinkedHashMap<String, Made> bySubject = new LinkedHashMap<>();
        final ArrayDeque<Made> hotspots = new ArrayDeque<>();

        /** Messages are remembered at least as long as hotspots, so the oldest entries go first. */
        void forget(Instant messagesBefore, Instant hotspotsBefore) {
            var oldest = bySubject.values().iterator();
            while (oldest.hasNext() && oldest.next().at().isBefore(messagesBefore)) {
                oldest.remove();
            }
            while (!hotspots.isEmpty() && hotspots.peekFirst().at().isBefore(hotspotsBefore)) {
                hotspots.removeFirst();
            }
        }
    }
}
