package org.minyi.alert;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;
import org.minyi.index.IndexedMessage;
import org.minyi.insight.Hotspot;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Matches indexed messages and fresh hotspots against subscribers' rules and delivers the alerts.
 *
 * <p>Threads: {@link #onIndexed} and {@link #onHotspots} only queue the event (ingestion is never slowed; when the
 * queue is full the event is dropped and counted). One matcher thread applies the rules, dedupe (same rule and
 * subject within {@link AlertSettings#dedupeWindow()}, or for hotspots: mostly the same messages), the per-subscriber rate limit and quiet hours (alerts are
 * held and sent when they end). Two delivery threads send, retrying with exponential backoff.
 *
 * <p>Every step is appended to the history before it takes effect, so after a crash or restart over the same folder
 * the dedupe and rate state come back, alerts that were queued or held but not finished are delivered again
 * (at least once: webhook receivers can dedupe on {@link WebhookSignature#ALERT_ID_HEADER}) and nothing is lost.
 */
public final class AlertEngine implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(AlertEngine.class);
    private static final long HELD_CHECK_MILLIS = 250;

    private final AlertStore store;
    private final Notifier notifier;
    private final AlertSettings settings;
    private final Clock clock;
    private final Map<String, Rule> rules = new LinkedHashMap<>();
    private final List<HistoryEntry> history = new ArrayList<>();
    private final BlockingQueue<Event> events;
    private final ScheduledExecutorService delivery;
    private final Thread matcher;
    /** Held alerts by id, released by a periodic check against the (injectable) clock. */
    private final Map<String, Held> held = new ConcurrentHashMap<>();
    // Admission state: written by the matcher thread only (and by open() before it starts).
    private final Map<String, List<Admitted>> admittedByRule = new HashMap<>();
    /** Per earlier alert id: subjects whose duplicate was already recorded. */
    private final Map<String, Set<String>> duplicateReported = new HashMap<>();
    private final Map<String, Deque<Instant>> admittedBySubscriber = new HashMap<>();
    /** Events waiting or being matched, plus deliveries under way; held alerts are not counted. */
    private final AtomicInteger busy = new AtomicInteger();
    private final AtomicLong dropped = new AtomicLong();
    private volatile boolean closed;

    private sealed interface Event permits MessageEvent, HotspotEvent, Stop {
    }

    private record MessageEvent(IndexedMessage message, Instant observedAt) implements Event {
    }

    private record HotspotEvent(List<Hotspot> hotspots, Instant observedAt) implements Event {
    }

    private record Stop() implements Event {
    }

    private record Held(Alert alert, Instant until) {
    }

    private record Admitted(String alertId, String subject, Set<String> messageIds, Instant at) {
    }

    private AlertEngine(Path folder, Notifier notifier, AlertSettings settings, Clock clock) {
        this.store = new AlertStore(folder);
        this.notifier = Objects.requireNonNull(notifier, "notifier");
        this.settings = Objects.requireNonNull(settings, "settings");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.events = new ArrayBlockingQueue<>(settings.queueCapacity());
        ScheduledThreadPoolExecutor pool = new ScheduledThreadPoolExecutor(2, runnable -> {
            Thread thread = new Thread(runnable, "minyi-alert-delivery");
            thread.setDaemon(true);
            return thread;
        });
        pool.setExecuteExistingDelayedTasksAfterShutdownPolicy(false);
        this.delivery = pool;
        this.matcher = new Thread(this::matchLoop, "minyi-alert-matcher");
        this.matcher.setDaemon(true);
    }

    /**
     * Opens the engine over {@code folder} (created if missing): loads rules and history, resumes unfinished
     * deliveries, starts its threads.
     */
    public static AlertEngine open(Path folder, Notifier notifier, AlertSettings settings, Clock clock) {
        AlertEngine engine = new AlertEngine(folder, notifier, settings, clock);
        engine.restore();
        engine.matcher.start();
        engine.delivery.scheduleWithFixedDelay(engine::releaseHeld, HELD_CHECK_MILLIS, HELD_CHECK_MILLIS,
                TimeUnit.MILLISECONDS);
        return engine;
    }

    // ---- what the service calls ----

    /** Hand over a message right after it was indexed. Returns at once. */
    public void onIndexed(IndexedMessage message) {
        enqueue(new MessageEvent(message, clock.instant()));
    }

    /** Hand over the current hotspots (e.g. every few minutes). Returns at once. */
    public void onHotspots(List<Hotspot> hotspots) {
        enqueue(new HotspotEvent(List.copyOf(hotspots), clock.instant()));
    }

    /** Calls {@code source} every {@code every} and feeds its hotspots in, until the engine is closed. */
    public void watchHotspots(Supplier<List<Hotspot>> source, Duration every) {
        delivery.scheduleWithFixedDelay(() -> {
            try {
                onHotspots(source.get());
            } catch (RuntimeException e) {
                LOG.warn("hotspot refresh for alerting failed: {}", e.toString());
            }
        }, every.toMillis(), every.toMillis(), TimeUnit.MILLISECONDS);
    }

    /** Adds or replaces (by id) a rule; persisted before it returns. */
    public Rule putRule(Rule rule) {
        synchronized (rules) {
            rules.put(rule.id(), rule);
            store.saveRules(List.copyOf(rules.values()));
        }
        return rule;
    }

    /** @return whether there was such a rule */
    public boolean removeRule(String id) {
        synchronized (rules) {
            if (rules.remove(id) == null) {
                return false;
            }
            store.saveRules(List.copyOf(rules.values()));
            return true;
        }
    }

    public List<Rule> rules() {
        synchronized (rules) {
            return List.copyOf(rules.values());
        }
    }

    public Optional<Rule> rule(String id) {
        synchronized (rules) {
            return Optional.ofNullable(rules.get(id));
        }
    }

    /** Newest first; {@code subscriber} null for everyone's. */
    public List<HistoryEntry> history(String subscriber, int limit) {
        List<HistoryEntry> newest = new ArrayList<>();
        synchronized (history) {
            for (int i = history.size() - 1; i >= 0 && newest.size() < limit; i--) {
                HistoryEntry entry = history.get(i);
                if (subscriber == null || subscriber.equals(entry.alert().subscriber())) {
                    newest.add(entry);
                }
            }
        }
        return newest;
    }

    /** Events dropped because the queue was full. */
    public long dropped() {
        return dropped.get();
    }

    /** Waits until every event handed in so far is matched and every non-held delivery is finished. */
    public boolean awaitIdle(Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (busy.get() > 0) {
            if (System.nanoTime() > deadline) {
                return false;
            }
            Thread.sleep(5);
        }
        return true;
    }

    /** Stops the threads. Deliveries not finished stay QUEUED or HELD in the history and resume on next open. */
    @Override
    public void close() {
        if (closed) {
            return;
        }
        closed = true;
        events.clear();
        events.offer(new Stop());
        delivery.shutdownNow();
        try {
            matcher.join(5_000);
            delivery.awaitTermination(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        store.close();
    }

    // ---- matching and admission (matcher thread) ----

    private void enqueue(Event event) {
        if (closed) {
            return;
        }
        busy.incrementAndGet();
        if (!events.offer(event)) {
            busy.decrementAndGet();
            long n = dropped.incrementAndGet();
            if (n == 1 || n % 1000 == 0) {
                LOG.warn("alert queue full: {} events dropped so far", n);
            }
        }
    }

    private void matchLoop() {
        while (true) {
            Event event;
            try {
                event = events.take();
            } catch (InterruptedException e) {
                return;
            }
            if (event instanceof Stop) {
                return;
            }
            try {
                match(event);
            } catch (RuntimeException e) {
                LOG.error("alert matching failed for {}", event.getClass().getSimpleName(), e);
            } finally {
                busy.decrementAndGet();
            }
        }
    }

    private void match(Event event) {
        List<Rule> current = rules();
        switch (event) {
            case MessageEvent(IndexedMessage m, Instant observedAt) -> {
                for (Rule rule : current) {
                    if (rule.matches(m)) {
                        admit(rule, AlertComposer.forMessage(rule, m, observedAt, clock.instant()));
                    }
                }
            }
            case HotspotEvent(List<Hotspot> hotspots, Instant observedAt) -> {
                for (Hotspot h : hotspots) {
                    for (Rule rule : current) {
                        if (rule.matches(h)) {
                            admit(rule, AlertComposer.forHotspot(rule, h, observedAt, clock.instant()));
                        }
                    }
                }
            }
            case Stop stop -> {
            }
        }
    }

    private void admit(Rule rule, Alert alert) {
        Instant now = clock.instant();
        Instant windowOpen = now.minus(settings.dedupeWindow());
        Admitted earlier = sameIssueAdmitted(alert, windowOpen);
        if (earlier != null) {
            // Hotspots come back every refresh: say so once per earlier alert, not every few minutes.
            if (duplicateReported.computeIfAbsent(earlier.alertId(), id -> new HashSet<>()).add(alert.subject())) {
                record(DeliveryStatus.SUPPRESSED, "duplicate: rule " + rule.id() + " already alerted on "
                        + earlier.subject() + " at " + earlier.at() + " (dedupe window " + settings.dedupeWindow()
                        + ")", 0, alert);
            }
            return;
        }
        Deque<Instant> recent = admittedBySubscriber.computeIfAbsent(alert.subscriber(), s -> new ArrayDeque<>());
        Instant windowStart = now.minus(settings.rateWindow());
        while (!recent.isEmpty() && recent.peekFirst().isBefore(windowStart)) {
            recent.removeFirst();
        }
        if (recent.size() >= settings.maxPerWindow()) {
            record(DeliveryStatus.SUPPRESSED, "rate limit: " + recent.size() + " alerts to " + alert.subscriber()
                    + " since " + windowStart + " (at most " + settings.maxPerWindow() + " per "
                    + settings.rateWindow() + ")", 0, alert);
            return;
        }
        remember(alert, now);
        recent.addLast(now);
        if (rule.quietHours() != null && rule.quietHours().contains(now)) {
            Instant until = rule.quietHours().nextEnd(now);
            record(DeliveryStatus.HELD, "quiet hours until " + until, 0, alert);
            held.put(alert.id(), new Held(alert, until));
        } else {
            record(DeliveryStatus.QUEUED, null, 0, alert);
            startDelivery(alert);
        }
    }

    /** An alert of the same rule in the window about the same subject, or about mostly the same messages. */
    private Admitted sameIssueAdmitted(Alert alert, Instant windowOpen) {
        List<Admitted> ofRule = admittedByRule.get(alert.ruleId());
        if (ofRule == null) {
            return null;
        }
        ofRule.removeIf(a -> {
            boolean expired = a.at().isBefore(windowOpen);
            if (expired) {
                duplicateReported.remove(a.alertId());
            }
            return expired;
        });
        Set<String> ids = Set.copyOf(alert.messageIds());
        for (Admitted a : ofRule) {
            if (a.subject().equals(alert.subject())) {
                return a;
            }
            long shared = a.messageIds().stream().filter(ids::contains).count();
            int smaller = Math.min(ids.size(), a.messageIds().size());
            if (smaller > 0 && shared * 2 >= smaller && alert.subject().startsWith("hotspot:")) {
                return a;
            }
        }
        return null;
    }

    private void remember(Alert alert, Instant at) {
        admittedByRule.computeIfAbsent(alert.ruleId(), r -> new ArrayList<>())
                .add(new Admitted(alert.id(), alert.subject(), Set.copyOf(alert.messageIds()), at));
    }

    private void releaseHeld() {
        Instant now = clock.instant();
        for (Held h : List.copyOf(held.values())) {
            if (!now.isBefore(h.until()) && held.remove(h.alert().id()) != null) {
                startDelivery(h.alert());
            }
        }
    }

    // ---- delivery (delivery threads) ----

    private void startDelivery(Alert alert) {
        busy.incrementAndGet();
        try {
            delivery.execute(() -> attempt(alert, 1));
        } catch (RuntimeException e) { // closing: the history still says QUEUED, so it resumes on next open
            busy.decrementAndGet();
        }
    }

    private void attempt(Alert alert, int attempt) {
        Optional<Rule> rule = rule(alert.ruleId());
        if (rule.isEmpty()) {
            finish(DeliveryStatus.FAILED, "rule " + alert.ruleId() + " was removed before delivery", attempt - 1,
                    alert);
            return;
        }
        Destination to = rule.get().destination();
        try {
            notifier.send(alert, to);
            finish(DeliveryStatus.SENT, "to " + to, attempt, alert);
        } catch (DeliveryException e) {
            if (e.retryable() && attempt < settings.maxAttempts() && !closed) {
                Duration wait = settings.backoff(attempt);
                LOG.info("alert {} attempt {} to {} failed ({}); retrying in {}", alert.id(), attempt, to,
                        e.getMessage(), wait);
                try {
                    delivery.schedule(() -> attempt(alert, attempt + 1), wait.toMillis(), TimeUnit.MILLISECONDS);
                } catch (RuntimeException closing) {
                    busy.decrementAndGet(); // stays QUEUED in the history; resumes on next open
                }
            } else {
                finish(DeliveryStatus.FAILED, e.getMessage() + (e.retryable() ? "" : " (not retryable)"), attempt,
                        alert);
            }
        } catch (RuntimeException e) {
            finish(DeliveryStatus.FAILED, "notifier error: " + e, attempt, alert);
        }
    }

    private void finish(DeliveryStatus status, String reason, int attempts, Alert alert) {
        try {
            record(status, reason, attempts, alert);
        } finally {
            busy.decrementAndGet();
        }
    }

    private void record(DeliveryStatus status, String reason, int attempts, Alert alert) {
        HistoryEntry entry = new HistoryEntry(clock.instant(), status, reason, attempts, alert);
        synchronized (history) {
            store.append(entry);
            history.add(entry);
        }
    }

    // ---- restart ----

    private void restore() {
        for (Rule rule : store.loadRules()) {
            rules.put(rule.id(), rule);
        }
        List<HistoryEntry> loaded = store.loadHistory();
        history.addAll(loaded);
        Map<String, HistoryEntry> lastByAlert = new LinkedHashMap<>();
        for (HistoryEntry entry : loaded) {
            Alert alert = entry.alert();
            if (entry.status() == DeliveryStatus.QUEUED || entry.status() == DeliveryStatus.HELD) {
                remember(alert, entry.at());
                admittedBySubscriber.computeIfAbsent(alert.subscriber(), s -> new ArrayDeque<>()).addLast(entry.at());
            }
            lastByAlert.put(alert.id(), entry);
        }
        for (HistoryEntry entry : lastByAlert.values()) {
            if (entry.status() == DeliveryStatus.QUEUED) {
                LOG.info("resuming delivery of alert {} queued before restart", entry.alert().id());
                startDelivery(entry.alert());
            } else if (entry.status() == DeliveryStatus.HELD) {
                Rule rule = rules.get(entry.alert().ruleId());
                Instant until = rule != null && rule.quietHours() != null
                        ? rule.quietHours().nextEnd(entry.at()) : entry.at();
                held.put(entry.alert().id(), new Held(entry.alert(), until));
            }
        }
    }
}
