package org.minyi.web.security;

import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * Slows password guessing: counts failed logins per user name and per client address over a sliding window, and
 * once either reaches its limit, refuses further attempts for that name or from that address until enough failures
 * have aged out of the window. A refused attempt is not checked against the stored hash, so a flood of guesses costs
 * the service next to nothing (each checked guess is a deliberately slow BCrypt of tens of milliseconds: 16
 * connections of wrong passwords raised everyone's latency twelvefold).
 *
 * <p>A user's failures are forgotten when they log in; an address's are not (one valid account must not reset
 * the count of an address guessing others). How many names and addresses are remembered is bounded; past that the
 * least recently failed are forgotten first. Thread-safe.
 */
public final class LoginThrottle {

    /** Limits; failures older than {@code window} no longer count. */
    public record Limits(int failuresPerUser, int failuresPerAddress, Duration window) {
        public Limits {
            if (failuresPerUser < 1 || failuresPerAddress < 1) {
                throw new IllegalArgumentException("login failure limits must be at least 1");
            }
            if (window.isNegative() || window.isZero()) {
                throw new IllegalArgumentException("the login failure window must be positive, was " + window);
            }
        }

        public static Limits defaults() {
            return new Limits(5, 30, Duration.ofMinutes(10));
        }
    }

    private static final int REMEMBERED = 10_000;

    private final Limits limits;
    private final InstantSource clock;
    private final Map<String, Deque<Instant>> users = lru();
    private final Map<String, Deque<Instant>> addresses = lru();

    public LoginThrottle(Limits limits, InstantSource clock) {
        this.limits = limits;
        this.clock = clock;
    }

    /** How long attempts for {@code user} or from {@code address} are refused still; empty when they may go on. */
    public synchronized Optional<Duration> refusedFor(String user, String address) {
        Instant now = clock.instant();
        Duration wait = max(waitOf(users.get(key(user)), limits.failuresPerUser(), now),
                waitOf(addresses.get(key(address)), limits.failuresPerAddress(), now));
        return wait.isZero() ? Optional.empty() : Optional.of(wait);
    }

    public synchronized void failed(String user, String address) {
        Instant now = clock.instant();
        record(users, key(user), limits.failuresPerUser(), now);
        record(addresses, key(address), limits.failuresPerAddress(), now);
    }

    public synchronized void succeeded(String user) {
        users.remove(key(user));
    }

    /** Failures of {@code user} still in the window (for the log line). */
    public synchronized int failuresOf(String user) {
        Deque<Instant> failures = users.get(key(user));
        if (failures == null) {
            return 0;
        }
        expire(failures, clock.instant());
        return failures.size();
    }

    private Duration waitOf(Deque<Instant> failures, int limit, Instant now) {
        if (failures == null) {
            return Duration.ZERO;
        }
        expire(failures, now);
        if (failures.size() < limit) {
            return Duration.ZERO;
        }
        // refused until the failure that brings the count below the limit leaves the window
        Iterator<Instant> oldestFirst = failures.iterator();
        Instant releasing = oldestFirst.next();
        for (int i = 0; i < failures.size() - limit; i++) {
            releasing = oldestFirst.next();
        }
        return Duration.between(now, releasing.plus(limits.window()));
    }

    private void record(Map<String, Deque<Instant>> counts, String key, int limit, Instant now) {
        Deque<Instant> failures = counts.computeIfAbsent(key, k -> new ArrayDeque<>());
        counts.put(key, counts.remove(key)); // most recently failed last
        expire(failures, now);
        failures.addLast(now);
        while (failures.size() > limit) {
            failures.removeFirst(); // no more than the limit is needed to know the wait
        }
    }

    private void expire(Deque<Instant> failures, Instant now) {
        Instant oldestCounted = now.minus(limits.window());
        while (!failures.isEmpty() && !failures.peekFirst().isAfter(oldestCounted)) {
            failures.removeFirst();
        }
    }

    private static Duration max(Duration a, Duration b) {
        return a.compareTo(b) >= 0 ? a : b;
    }

    private static String key(String value) {
        return value == null ? "" : value;
    }

    private static Map<String, Deque<Instant>> lru() {
        return new LinkedHashMap<>() {
            @Override
            protected boolean removeEldestEntry(Map.Entry<String, Deque<Instant>> eldest) {
                return size() > REMEMBERED;
            }
        };
    }
}
