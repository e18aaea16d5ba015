package org.minyi.web.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

class LoginThrottleTest {

    private final AtomicReference<Instant> now = new AtomicReference<>(Instant.parse("2026-01-01T00:00:00Z"));
    private final LoginThrottle throttle = new LoginThrottle(new LoginThrottle.Limits(3, 5, Duration.ofMinutes(10)),
            () -> now.get());

    @Test
    void aUserIsRefusedAfterTheLimitUntilTheFailuresAgeOut() {
        for (int i = 0; i < 3; i++) {
            assertThat(throttle.refusedFor("li", "10.0.0.1")).isEmpty();
            throttle.failed("li", "10.0.0.1");
            tick(Duration.ofMinutes(1));
        }

        assertThat(throttle.refusedFor("li", "10.0.0.9")).as("from any address").hasValue(Duration.ofMinutes(7));
        assertThat(throttle.refusedFor("wang", "10.0.0.2")).isEmpty();
        tick(Duration.ofMinutes(7));
        assertThat(throttle.refusedFor("li", "10.0.0.1")).isEmpty();
    }

    @Test
    void anAddressGuessingManyNamesIsRefusedForEveryName() {
        for (int i = 0; i < 5; i++) {
            throttle.failed("user" + i, "10.0.0.1");
        }

        assertThat(throttle.refusedFor("somebody", "10.0.0.1")).isPresent();
        assertThat(throttle.refusedFor("somebody", "10.0.0.2")).isEmpty();
    }

    @Test
    void aSuccessClearsTheUsersFailuresButNotTheAddresss() {
        throttle.failed("li", "10.0.0.1");
        throttle.failed("li", "10.0.0.1");
        throttle.succeeded("li");
        throttle.failed("li", "10.0.0.1");
        throttle.failed("li", "10.0.0.1");

        assertThat(throttle.refusedFor("li", "10.0.0.3")).isEmpty();
        assertThat(throttle.failuresOf("li")).isEqualTo(2);
        throttle.failed("wang", "10.0.0.1");
        assertThat(throttle.refusedFor("zhao", "10.0.0.1")).as("five failures from the address").isPresent();
    }

    @Test
    void logLinesGetPrintableNames() {
        assertThat(LoginAttempts.printable("li\nFAKE LOG LINE")).isEqualTo("li?FAKE LOG LINE");
        assertThat(LoginAttempts.printable("x".repeat(100))).hasSize(65);
    }

    private void tick(Duration d) {
        now.set(now.get().plus(d));
    }
}
