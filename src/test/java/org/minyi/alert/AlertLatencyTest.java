package org.minyi.alert;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.json.JsonMapper;

/**
 * Measures, without asserting any timing, how long a message takes from being handed to the engine
 * ({@link AlertEngine#onIndexed}) to its signed webhook request arriving at a receiver on loopback, with the real
 * channel router, history fsyncs included. Rerun: {@code mvn -o -q test -Dtest=AlertLatencyTest}.
 */
class AlertLatencyTest {

    private static final int MESSAGES = 200;

    @TempDir
    Path folder;

    @Test
    void reportsHandOverToDeliveryLatencyForAStreamOfMatchingMessages() throws Exception {
        Clock clock = Clock.systemUTC();
        JsonMapper json = JsonMapper.builder().build();
        try (HttpPeer peer = HttpPeer.ok();
             AlertEngine engine = AlertEngine.open(folder, ChannelRouter.standard(null, Duration.ofSeconds(5), clock,
                     ChannelsTest.LOOPBACK), AlertSettings.defaults().withLimits(new SubscriberLimits(10_000,
                     Duration.ofHours(1), Duration.ofHours(72))), clock)) {
            engine.putRule(new Rule("all-negative", "duty-office", null, Set.of(), Set.of(), List.of(), -0.5, null,
                    null, Destination.webhook(peer.url("/hook"), "k")));
            Map<String, Long> handedOver = new HashMap<>();
            for (int i = 0; i < MESSAGES; i++) {
                String id = "lat-" + i;
                handedOver.put("message:" + id, System.nanoTime());
                engine.onIndexed(TestMessages.message(id, "环境保护", "A5区", "油烟扰民" + i, -0.8, List.of(),
                        clock.instant(), 0));
                Thread.sleep(5); // a stream, not one burst
            }
            assertTrue(engine.awaitIdle(Duration.ofSeconds(60)));

            List<HttpPeer.Request> received = peer.requests();
            assertEquals(MESSAGES, received.size());
            double[] millis = received.stream()
                    .mapToDouble(r -> (r.receivedNanos() - handedOver.get(
                            json.readTree(r.body()).path("subject").asString())) / 1e6)
                    .sorted().toArray();
            System.out.printf(Locale.ROOT, "alert latency, hand-over to webhook receipt, %d messages: "
                            + "p50 %.1f ms, p95 %.1f ms, max %.1f ms, mean %.1f ms%n", MESSAGES,
                    millis[millis.length / 2], millis[(int) (millis.length * 0.95)], millis[millis.length - 1],
                    Arrays.stream(millis).average().orElseThrow());
        }
    }
}
