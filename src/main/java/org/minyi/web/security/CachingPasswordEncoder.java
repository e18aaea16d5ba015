package org.minyi.web.security;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.HexFormat;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.springframework.security.crypto.password.PasswordEncoder;

/**
 * Remembers for a few minutes which password matched which stored hash, so a program sending HTTP Basic credentials
 * with every request pays the deliberately slow BCrypt check once, not on each call (tens of milliseconds of CPU
 * each: 50 clients would keep two cores busy hashing).
 *
 * <p>Only successes are remembered; a wrong password always goes through BCrypt, so guessing stays as slow as
 * before. Entries are keyed by the stored hash and an HMAC of the presented password under a key made at start and
 * never kept anywhere: no password is held in memory, and a memory dump gives no fast hash to guess against. Because
 * the stored hash is part of the key, changing a user's password (a new hash with a new salt) makes the remembered
 * entries useless at once, and a deleted user is refused before any password is compared; roles are read from the
 * user store on every request and are never remembered here.
 */
final class CachingPasswordEncoder implements PasswordEncoder {

    static final Duration DEFAULT_TTL = Duration.ofMinutes(5);
    static final int DEFAULT_CAPACITY = 1_000;
    private static final String MAC = "HmacSHA256";

    private final PasswordEncoder delegate;
    private final Duration ttl;
    private final int capacity;
    private final InstantSource clock;
    private final SecretKeySpec key;
    private final Map<String, Instant> verifiedUntil = new ConcurrentHashMap<>();

    CachingPasswordEncoder(PasswordEncoder delegate, Duration ttl, int capacity, InstantSource clock) {
        if (ttl.isNegative() || ttl.isZero()) {
            throw new IllegalArgumentException("password cache lifetime must be positive, was " + ttl);
        }
        if (capacity < 1) {
            throw new IllegalArgumentException("password cache capacity must be at least 1, was " + capacity);
        }
        this.delegate = delegate;
        this.ttl = ttl;
        this.capacity = capacity;
        this.clock = clock;
        byte[] secret = new byte[32];
        new SecureRandom().nextBytes(secret);
        this.key = new SecretKeySpec(secret, MAC);
    }

    CachingPasswordEncoder(PasswordEncoder delegate) {
        this(delegate, DEFAULT_TTL, DEFAULT_CAPACITY, InstantSource.system());
    }

    @Override
    public String encode(CharSequence rawPassword) {
        return delegate.encode(rawPassword);
    }

    @Override
    public boolean matches(CharSequence rawPassword, String encodedPassword) {
        if (rawPassword == null || encodedPassword == null || encodedPassword.isEmpty()) {
            return delegate.matches(rawPassword, encodedPassword);
        }
        String fingerprint = fingerprint(rawPassword, encodedPassword);
        Instant now = clock.instant();
        Instant until = verifiedUntil.get(fingerprint);
        if (until != null && now.isBefore(until)) {
            return true;
        }
        boolean matches = delegate.matches(rawPassword, encodedPassword);
        if (matches) {
            remember(fingerprint, now);
        } else if (until != null) {
            verifiedUntil.remove(fingerprint, until);
        }
        return matches;
    }

    @Override
    public boolean upgradeEncoding(String encodedPassword) {
        return delegate.upgradeEncoding(encodedPassword);
    }

    /** How many successes are remembered now, expired ones included until they are swept. */
    int size() {
        return verifiedUntil.size();
    }

    private void remember(String fingerprint, Instant now) {
        if (verifiedUntil.size() >= capacity) {
            verifiedUntil.values().removeIf(until -> !now.isBefore(until));
            if (verifiedUntil.size() >= capacity) {
                // more live users than expected: forgetting all costs each of them one BCrypt check, nothing more
                verifiedUntil.clear();
            }
        }
        verifiedUntil.put(fingerprint, now.plus(ttl));
    }

    private String fingerprint(CharSequence rawPassword, String encodedPassword) {
        try {
            Mac mac = Mac.getInstance(MAC); // Mac instances are not thread-safe; making one costs microseconds
            mac.init(key);
            mac.update(encodedPassword.getBytes(StandardCharsets.UTF_8));
            mac.update((byte) 0); // a hash never contains NUL: hash and password cannot run into each other
            return HexFormat.of().formatHex(mac.doFinal(rawPassword.toString().getBytes(StandardCharsets.UTF_8)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("the JDK offers no " + MAC + ", which every Java runtime must have", e);
        }
    }
}
