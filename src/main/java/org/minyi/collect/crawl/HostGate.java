package org.minyi.collect.crawl;

import java.time.Duration;
import java.util.HashMap;
import java.util.Map;

/**
 * Per-host politeness: at most {@code concurrency} requests in flight to one host and request starts at least
 * {@code delay} apart. A robots.txt crawl-delay longer than the configured delay wins.
 */
final class HostGate {

    private final int concurrency;
    private final long defaultDelayNanos;
    private final Map<String, HostSlot> hosts = new HashMap<>();

    private static final class HostSlot {
        int inFlight;
        long nextStartNanos;
        long delayNanos;
    }

    HostGate(Duration delay, int concurrency) {
        this.defaultDelayNanos = delay.toNanos();
        this.concurrency = concurrency;
    }

    synchronized void slowDownTo(String host, Duration delay) {
        HostSlot slot = slot(host);
        slot.delayNanos = Math.max(slot.delayNanos, delay.toNanos());
    }

    /** Blocks until a request to {@code host} may start; pair every call with {@link #release}. */
    synchronized void acquire(String host) throws InterruptedException {
        HostSlot slot = slot(host);
        while (true) {
            long waitNanos = slot.nextStartNanos - System.nanoTime();
            if (slot.inFlight < concurrency && waitNanos <= 0) {
                slot.inFlight++;
                slot.nextStartNanos = System.nanoTime() + slot.delayNanos;
                return;
            }
            if (slot.inFlight >= concurrency) {
                wait();
            } else {
                wait(Math.max(1, waitNanos / 1_000_000), (int) (waitNanos % 1_000_000));
            }
        }
    }

    synchronized void release(String host) {
        slot(host).inFlight--;
        notifyAll();
    }

    private HostSlot slot(String host) {
        return hosts.computeIfAbsent(host, h -> {
            HostSlot s = new HostSlot();
            s.delayNanos = defaultDelayNanos;
            return s;
        });
    }
}
