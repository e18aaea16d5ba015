package org.minyi.web.security;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.authentication.dao.DaoAuthenticationProvider;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;
import org.springframework.security.crypto.password.PasswordEncoder;

/** HTTP Basic presents the password on every request: a success is remembered briefly, nothing else is. */
class CachingPasswordEncoderTest {

    private static final String PASSWORD = "correct horse";

    private final CountingEncoder bcrypt = new CountingEncoder(new BCryptPasswordEncoder(4)); // cost 4: fast tests
    private final MovableClock clock = new MovableClock();
    private final CachingPasswordEncoder encoder =
            new CachingPasswordEncoder(bcrypt, Duration.ofMinutes(5), 100, clock);

    @Test
    void aPasswordThatMatchedIsNotCheckedAgainstBcryptAgain() {
        String hash = encoder.encode(PASSWORD);

        assertTrue(encoder.matches(PASSWORD, hash));
        assertTrue(encoder.matches(PASSWORD, hash));
        assertTrue(encoder.matches(PASSWORD, hash));

        assertEquals(1, bcrypt.checks.get());
    }

    @Test
    void aWrongPasswordIsRefusedAndCheckedAgainstBcryptEveryTime() {
        String hash = encoder.encode(PASSWORD);
        assertTrue(encoder.matches(PASSWORD, hash));

        assertFalse(encoder.matches("wrong horse", hash));
        assertFalse(encoder.matches("wrong horse", hash));

        assertEquals(3, bcrypt.checks.get(), "failures are never remembered: guessing stays slow");
        assertEquals(1, encoder.size());
    }

    @Test
    void theRightPasswordAgainstAnotherHashIsNotTakenFromTheCache() {
        String hash = encoder.encode(PASSWORD);
        String otherUsersHash = encoder.encode("another password");
        assertTrue(encoder.matches(PASSWORD, hash));

        assertFalse(encoder.matches(PASSWORD, otherUsersHash));
    }

    @Test
    void aRememberedSuccessExpiresAfterItsLifetime() {
        String hash = encoder.encode(PASSWORD);
        assertTrue(encoder.matches(PASSWORD, hash));

        clock.advance(Duration.ofMinutes(4));
        assertTrue(encoder.matches(PASSWORD, hash));
        assertEquals(1, bcrypt.checks.get(), "still within five minutes");

        clock.advance(Duration.ofMinutes(2));
        assertTrue(encoder.matches(PASSWORD, hash));
        assertEquals(2, bcrypt.checks.get(), "checked again after the lifetime");
    }

    @Test
    void theCacheNeverHoldsMoreThanItsCapacity() {
        CachingPasswordEncoder small = new CachingPasswordEncoder(bcrypt, Duration.ofMinutes(5), 3, clock);
        for (int i = 0; i < 10; i++) {
            String password = "password " + i;
            assertTrue(small.matches(password, small.encode(password)));
            assertTrue(small.size() <= 3, "size " + small.size() + " after " + (i + 1) + " users");
        }
    }

    @Test
    void aChangedPasswordRefusesTheOldOneAtOnceThoughItWasRemembered(@TempDir Path dir) {
        UserStore users = UserStore.open(dir.resolve("users.json"), encoder);
        users.put("manager", PASSWORD, Set.of(Role.MANAGER));
        DaoAuthenticationProvider basic = provider(users);
        basic.authenticate(credentials("manager", PASSWORD));

        users.put("manager", "a new password", Set.of(Role.MANAGER));

        assertThrows(BadCredentialsException.class, () -> basic.authenticate(credentials("manager", PASSWORD)));
        assertEquals("manager", basic.authenticate(credentials("manager", "a new password")).getName());
    }

    @Test
    void aDeletedUserIsRefusedAtOnceThoughTheirPasswordWasRemembered(@TempDir Path dir) {
        UserStore users = UserStore.open(dir.resolve("users.json"), encoder);
        users.put("manager", PASSWORD, Set.of(Role.MANAGER));
        DaoAuthenticationProvider basic = provider(users);
        basic.authenticate(credentials("manager", PASSWORD));

        users.remove("manager");

        assertThrows(BadCredentialsException.class, () -> basic.authenticate(credentials("manager", PASSWORD)));
    }

    @Test
    void changedRolesApplyToTheNextRequestAsRolesAreNeverRemembered(@TempDir Path dir) {
        UserStore users = UserStore.open(dir.resolve("users.json"), encoder);
        users.put("someone", PASSWORD, Set.of(Role.MANAGER));
        DaoAuthenticationProvider basic = provider(users);
        assertEquals(Set.of("ROLE_MANAGER"), authorities(basic.authenticate(credentials("someone", PASSWORD))));

        users.put("someone", PASSWORD, Set.of(Role.LEADER)); // as PUT /api/users/someone does

        assertEquals(Set.of("ROLE_LEADER"), authorities(basic.authenticate(credentials("someone", PASSWORD))));
    }

    private DaoAuthenticationProvider provider(UserStore users) {
        DaoAuthenticationProvider provider = new DaoAuthenticationProvider(users);
        provider.setPasswordEncoder(encoder);
        return provider;
    }

    private static UsernamePasswordAuthenticationToken credentials(String name, String password) {
        return UsernamePasswordAuthenticationToken.unauthenticated(name, password);
    }

    /** The roles; other authorities (FACTOR_PASSWORD) say how the user logged in. */
    private static Set<String> authorities(Authentication authentication) {
        return Set.copyOf(authentication.getAuthorities().stream().map(GrantedAuthority::getAuthority)
                .filter(a -> a.startsWith("ROLE_")).toList());
    }

    /** BCrypt, counting the password checks. */
    private static final class CountingEncoder implements PasswordEncoder {
        final AtomicInteger checks = new AtomicInteger();
        private final PasswordEncoder bcrypt;

        CountingEncoder(PasswordEncoder bcrypt) {
            this.bcrypt = bcrypt;
        }

        @Override
        public String encode(CharSequence rawPassword) {
            return bcrypt.encode(rawPassword);
        }

        @Override
        public boolean matches(CharSequence rawPassword, String encodedPassword) {
            checks.incrementAndGet();
            return bcrypt.matches(rawPassword, encodedPassword);
        }
    }

    private static final class MovableClock implements InstantSource {
        private Instant now = Instant.parse("2026-01-01T00:00:00Z");

        void advance(Duration duration) {
            now = now.plus(duration);
        }

        @Override
        public Instant instant() {
            return now;
        }
    }
}
