package org.minyi.alert;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class DeliveriesTest {

    private static final Rule RULE = new Rule("env-neg", "env-bureau", "环保负面", Set.of("环境保护"), Set.of(), List.of(),
            -0.5, null, null, Destination.webhook("http://127.0.0.1:9/hook", "k"));

    private static final Alert ALERT = new Alert("a1", AlertKind.MESSAGE, "env-bureau", List.of(RULE.id()),
            List.of(RULE.name()), "message:1", AlertLevel.YELLOW, "环保负面", "油烟扰民", null, null,
            Instant.parse("2019-06-01T00:00:00Z"), Instant.parse("2019-06-01T00:00:00Z"), List.of("1"));

    @Test
    void anAttemptThatFailsWhileTheServiceStopsStaysQueuedForTheNextOpen() throws Exception {
        // the service is stopped while the attempt is out; the receiver then answers 503, which a retry may pass
        Delivered delivered = deliverWhileStopping(new DeliveryException("503 maintenance", true));

        assertEquals(List.of(), delivered.recorded(),
                "a retry is still due: no FAILED for a stop, it stays QUEUED and resumes");
        assertEquals(0, delivered.busy(), "the engine is idle: nothing left running");
    }

    @Test
    void anAttemptThatFailsForGoodIsRecordedFailedEvenWhileStopping() throws Exception {
        Delivered delivered = deliverWhileStopping(new DeliveryException("404 no such hook", false));

        assertEquals(List.of(DeliveryStatus.FAILED), delivered.recorded());
        assertEquals(0, delivered.busy());
    }

    /** The states recorded for one alert and the engine's busy count after its delivery ran to the end. */
    private record Delivered(List<DeliveryStatus> recorded, int busy) {
    }

    /** Delivers {@link #ALERT} to a receiver that fails with {@code failure}, the service stopping meanwhile. */
    private static Delivered deliverWhileStopping(DeliveryException failure) throws InterruptedException {
        ScheduledExecutorService pool = Executors.newSingleThreadScheduledExecutor();
        AtomicInteger busy = new AtomicInteger();
        List<DeliveryStatus> recorded = new CopyOnWriteArrayList<>();
        Deliveries[] deliveries = new Deliveries[1];
        Notifier stoppedMeanwhile = (alert, to) -> {
            deliveries[0].closing();
            throw failure;
        };
        deliveries[0] = new Deliveries(stoppedMeanwhile, AlertSettings.defaults(), id -> Optional.of(RULE),
                (alert, status, reason, attempts) -> recorded.add(status), pool, busy);

        deliveries[0].start(ALERT);
        pool.shutdown();
        assertTrue(pool.awaitTermination(10, TimeUnit.SECONDS));
        return new Delivered(List.copyOf(recorded), busy.get());
    }
}
