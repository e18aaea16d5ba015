package org.minyi.alert;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;
import java.util.stream.Collectors;
import org.minyi.index.IndexedMessage;
import org.minyi.insight.Hotspot;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Matches indexed messages and current hotspots against subscribers' rules and delivers the alerts.
 *
 * <p>What a subscriber is told: a message alerts only while fresh (its own time within the subscriber's freshness
 * window, so backfills and re-imports stay quiet), a hotspot only while active (its latest message that recent).
 * One message or hotspot makes at most one alert per subscriber, naming every rule of theirs that matched, with a
 * level (红/橙/黄) from heat, growth and negativity. A rule matches only what its owner may read ({@link ReadScope}).
 * Within the subscriber's limit per window alerts go out at once (held through quiet hours); over it they are held
 * and sent as one digest when the window ends — never dropped.
 *
 * <p>Threads: {@link #onIndexed} and {@link #onHotspots} only queue the event; when the queue is full the caller
 * waits (back-pressure on ingestion) rather than an alert being lost. One matcher thread applies the rules (each on
 * its own: one failing stops none of the others), admits, and releases held alerts and digests when their time
 * comes. Two delivery threads send, retrying with exponential backoff ({@link Deliveries}).
 *
 * <p>Every state is appended to the history ({@link HistoryLog}) before it takes effect, so after a crash or restart
 * the dedupe and limit state come back, and alerts queued or held but not finished are delivered (at least once:
 * webhook receivers can dedupe on {@link WebhookSignature#ALERT_ID_HEADER}).
 */
public final class AlertEngine implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(AlertEngine.class);
    private static final long TICK_MILLIS = 250;
    /** A message dated further ahead than this is taken for bad data, not for fresh. */
    private static final Duration FUTURE_SKEW = Duration.ofDays(1);
    /** The test button sends at most once per this per rule: it must not become a way to flood a receiver. */
    private static final int TEST_INTERVAL_SECONDS = 10;
    private static final Duration TEST_INTERVAL = Duration.ofSeconds(TEST_INTERVAL_SECONDS);
    private static final DateTimeFormatter CLOCK = DateTimeFormatter.ofPattern("MM-dd HH:mm", Locale.ROOT);

    private final RuleStore ruleStore;
    private final HistoryLog history;
    private final Notifier notifier;
    private final AlertSettings settings;
    private final Clock clock;
    private final Map<String, Rule> rules = new LinkedHashMap<>();
    private final BlockingQueue<Event> events;
    private final ScheduledThreadPoolExecutor pool;
    private final Thread matcher;
    private final AlertComposer composer;
    private final Matching matching;
    private volatile WatchedSearches watchedSearches = WatchedSearches.NONE;
    private final Deliveries deliveries;
    // Matcher thread only (and open() before the thread starts):
    private final Admission admission;
    private final DigestBook digests = new DigestBook();
    private final Map<String, Held> held = new HashMap<>();
    private final Map<String, Instant> lastTest = new ConcurrentHashMap<>();
    /** Events waiting or being matched, plus deliveries under way; held alerts are not counted. */
    private final AtomicInteger busy = new AtomicInteger();
    private final AtomicLong stale = new AtomicLong();
    private final AtomicLong repeats = new AtomicLong();
    private final AtomicLong waits = new AtomicLong();
    private volatile int heldCount;
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

    /**
     * What the engine did besides alerting.
     *
     * @param stale      messages and hotspot checks too old to alert
     * @param repeats    alerts not made because the subscriber had one about the same message or issue
     * @param waits      times a caller waited for room in the full matching queue
     * @param failedRules rule evaluations that threw (logged; the other rules ran)
     * @param held       alerts waiting for quiet hours to end or for their digest
     */
    public record Stats(long stale, long repeats, long waits, long failedRules, int queued, int held) {
    }

    private AlertEngine(Path folder, Notifier notifier, AlertSettings settings, Clock clock, ReadScopes scopes) {
        this.notifier = Objects.requireNonNull(notifier, "notifier");
        this.settings = Objects.requireNonNull(settings, "settings");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.ruleStore = new RuleStore(folder);
        this.history = new HistoryLog(folder.resolve("history"), clock, settings.history(), HistoryLog.SEGMENT_BYTES);
        LegacyHistory.migrate(folder, history);
        this.events = new ArrayBlockingQueue<>(settings.queueCapacity());
        this.pool = new ScheduledThreadPoolExecutor(2, runnable -> {
            Thread thread = new Thread(runnable, "minyi-alert-delivery");
            thread.setDaemon(true);
            return thread;
        });
        pool.setExecuteExistingDelayedTasksAfterShutdownPolicy(false);
        this.composer = new AlertComposer(settings);
        this.matching = new Matching(Objects.requireNonNull(scopes, "scopes"));
        this.admission = new Admission(settings);
        this.deliveries = new Deliveries(notifier, settings, this::rule, this::recordState, pool, busy);
        this.matcher = new Thread(this::matchLoop, "minyi-alert-matcher");
        this.matcher.setDaemon(true);
    }

    /** Opens the engine over {@code folder} for a caller who may read everything (command line, tests). */
    public static AlertEngine open(Path folder, Notifier notifier, AlertSettings settings, Clock clock) {
        return open(folder, notifier, settings, clock, ReadScopes.UNRESTRICTED);
    }

    /**
     * Opens the engine over {@code folder} (created if missing): loads rules and the recent history, resumes
     * unfinished deliveries, starts its threads. Rules match within their owner's scope in {@code scopes}.
     */
    public static AlertEngine open(Path folder, Notifier notifier, AlertSettings settings, Clock clock,
                                   ReadScopes scopes) {
        AlertEngine engine = new AlertEngine(folder, notifier, settings, clock, scopes);
        engine.restore();
        engine.matcher.start();
        return engine;
    }

    // ---- what the service calls ----

    /** Hand over a message right after it was indexed. Returns at once unless matching is far behind. */
    public void onIndexed(IndexedMessage message) {
        Instant now = clock.instant();
        if (!fresh(message, settings.longestFreshness(), now)) {
            stale.incrementAndGet(); // a backfill: indexed, never alerted
            return;
        }
        enqueue(new MessageEvent(message, now));
    }

    /** Where rules that name a saved search (专题) find what it asks of a message. */
    public void watchSavedSearches(WatchedSearches searches) {
        this.watchedSearches = Objects.requireNonNull(searches, "searches");
    }

    /** Hand over the current hotspots (e.g. every few minutes). Returns at once unless matching is far behind. */
    public void onHotspots(List<Hotspot> hotspots) {
        enqueue(new HotspotEvent(List.copyOf(hotspots), clock.instant()));
    }

    /** Calls {@code source} every {@code every} and feeds its hotspots in, until the engine is closed. */
    public void watchHotspots(Supplier<List<Hotspot>> source, Duration every) {
        pool.scheduleWithFixedDelay(() -> {
            try {
                onHotspots(source.get());
            } catch (RuntimeException e) {
                LOG.warn("hotspot refresh for alerting failed: {}", e.toString());
            }
        }, every.toMillis(), every.toMillis(), TimeUnit.MILLISECONDS);
    }

    /**
     * Adds or replaces (by id) a rule; persisted before it returns.
     *
     * @throws IllegalArgumentException (in words for the user) when the channel refuses the destination — an
     *                                  internal address, a channel not configured — or a cap on rules is reached
     */
    public Rule putRule(Rule rule) {
        notifier.check(rule.destination());
        synchronized (rules) {
            if (!rules.containsKey(rule.id()) && rules.size() >= settings.maxRules()) {
                throw new IllegalArgumentException("订阅总数已达上限 " + settings.maxRules() + " 条，请先删除不用的订阅");
            }
            long ofSubscriber = rules.values().stream()
                    .filter(r -> r.subscriber().equals(rule.subscriber()) && !r.id().equals(rule.id())).count();
            if (ofSubscriber >= settings.maxRulesPerSubscriber()) {
                throw new IllegalArgumentException("订阅人 " + rule.subscriber() + " 的订阅已达上限 "
                        + settings.maxRulesPerSubscriber() + " 条，请先删除不用的订阅");
            }
            rules.put(rule.id(), rule);
            ruleStore.save(List.copyOf(rules.values()));
        }
        return rule;
    }

    /** @return whether there was such a rule */
    public boolean removeRule(String id) {
        synchronized (rules) {
            if (rules.remove(id) == null) {
                return false;
            }
            ruleStore.save(List.copyOf(rules.values()));
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

    /**
     * The newest alerts first, one row each with its states; {@code subscriber} null for everyone's. Rows whose
     * subject {@code viewer} may not read keep their times, states, level and rules but lose their content.
     */
    public List<HistoryRow> history(String subscriber, int limit, ReadScope viewer) {
        return history.rows(subscriber, limit).stream()
                .map(row -> viewer.mayRead(row.alert()) ? row : row.withoutContent()).toList();
    }

    /** Everyone's history, readable in full: the command line and tests. */
    public List<HistoryRow> history(String subscriber, int limit) {
        return history(subscriber, limit, ReadScope.EVERYTHING);
    }

    /**
     * Sends a test alert through the rule's channel now, once, and records it. At most one per rule every
     * {@value #TEST_INTERVAL_SECONDS} seconds.
     *
     * @throws NoSuchElementException when there is no such rule
     * @throws IllegalStateException            when the last test of this rule was too recent
     */
    public HistoryRow sendTest(String ruleId) {
        Rule rule = rule(ruleId).orElseThrow(() -> new NoSuchElementException("没有编号为 " + ruleId + " 的订阅"));
        Instant now = clock.instant();
        Instant last = lastTest.get(ruleId);
        if (last != null && now.isBefore(last.plus(TEST_INTERVAL))) {
            throw new IllegalStateException("刚刚发送过测试预警，请 " + TEST_INTERVAL.toSeconds() + " 秒后再试");
        }
        lastTest.put(ruleId, now);
        Alert alert = composer.test(rule, now);
        HistoryEvent queued = record(alert, DeliveryStatus.QUEUED, null, 0, null, null, true);
        Deliveries.Outcome outcome = deliveries.sendNow(alert, rule.destination());
        HistoryEvent done = record(alert, outcome.status(), outcome.reason(), 1, null, null, false);
        return new HistoryRow(alert, done.status(), done.at(), List.of(queued.state(), done.state()));
    }

    /** The ids of the alerts the history holds since {@code from}: scheduled reports are sent once by their id. */
    public Set<String> recordedSince(Instant from) {
        return history.since(from).stream().map(HistoryEvent::alertId).collect(Collectors.toSet());
    }

    /**
     * Sends a scheduled report — an alert of kind REPORT naming one rule — to that rule's channel now, on the
     * caller's thread, retrying what may pass as alerts are retried, and records it like an alert (queued, then sent
     * or failed), where its subscriber's history shows it. Not held by quiet hours and not counted in the
     * subscriber's limits: it was asked for at its time. After a crash in between it stays queued and is not sent
     * again (at most once).
     *
     * @param attachment made only for channels that carry a file (e-mail); when it throws, the delivery fails
     */
    public HistoryRow sendReport(Alert alert, Supplier<Attachment> attachment) {
        Rule rule = reportRule(alert);
        HistoryEvent queued = record(alert, DeliveryStatus.QUEUED, null, 0, null, null, true);
        Deliveries.Outcome outcome = deliveries.sendRetrying(alert, rule.destination(), attachment);
        HistoryEvent done = record(alert, outcome.status(), outcome.reason(), outcome.attempts(), null, null, false);
        return new HistoryRow(alert, done.status(), done.at(), List.of(queued.state(), done.state()));
    }

    /** Records a scheduled report that cannot be made or sent, with the reason in Chinese; sends nothing. */
    public HistoryRow failReport(Alert alert, String reason) {
        reportRule(alert);
        HistoryEvent queued = record(alert, DeliveryStatus.QUEUED, null, 0, null, null, true);
        HistoryEvent done = record(alert, DeliveryStatus.FAILED, reason, 0, null, null, false);
        return new HistoryRow(alert, done.status(), done.at(), List.of(queued.state(), done.state()));
    }

    private Rule reportRule(Alert alert) {
        if (alert.kind() != AlertKind.REPORT || alert.ruleIds().size() != 1) {
            throw new IllegalArgumentException("a scheduled report names exactly one rule: " + alert.id());
        }
        return rule(alert.ruleIds().getFirst())
                .orElseThrow(() -> new NoSuchElementException("没有编号为 " + alert.ruleIds().getFirst() + " 的订阅"));
    }

    public AlertSettings settings() {
        return settings;
    }

    public Stats stats() {
        return new Stats(stale.get(), repeats.get(), waits.get(), matching.failures(), events.size(), heldCount);
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
        deliveries.closing();
        events.clear();
        events.offer(new Stop());
        pool.shutdownNow();
        try {
            matcher.join(5_000);
            pool.awaitTermination(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        history.close();
    }

    // ---- the matcher thread ----

    private void enqueue(Event event) {
        if (closed) {
            return;
        }
        busy.incrementAndGet();
        try {
            while (!events.offer(event, 5, TimeUnit.SECONDS)) {
                if (closed) {
                    busy.decrementAndGet();
                    return;
                }
                if (waits.incrementAndGet() % 12 == 1) {
                    LOG.warn("alert matching is behind ({} events waiting): the caller waits for room", events.size());
                }
            }
        } catch (InterruptedException e) {
            busy.decrementAndGet();
            Thread.currentThread().interrupt();
            LOG.warn("interrupted while waiting for room in the alert queue: {} not matched",
                    event instanceof MessageEvent m ? "message " + m.message().id() : "a hotspot refresh");
        }
    }

    private void matchLoop() {
        long nextTick = 0;
        while (true) {
            Event event;
            try {
                event = events.poll(TICK_MILLIS, TimeUnit.MILLISECONDS);
            } catch (InterruptedException e) {
                return;
            }
            if (event instanceof Stop) {
                return;
            }
            if (event == null || System.nanoTime() >= nextTick) {
                try {
                    releaseDue(clock.instant());
                } catch (RuntimeException e) {
                    LOG.error("releasing held alerts failed", e);
                }
                nextTick = System.nanoTime() + TICK_MILLIS * 1_000_000;
            }
            if (event == null) {
                continue;
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

    private boolean matches(Rule rule, IndexedMessage message) {
        return rule.matches(message)
                && (rule.savedSearch() == null || watchedSearches.holds(rule.savedSearch(), message));
    }

    private void match(Event event) {
        List<Rule> current = rules();
        switch (event) {
            case MessageEvent(IndexedMessage m, Instant observedAt) -> matching.bySubscriber(current, m,
                    this::matches, ReadScope::mayRead).forEach((subscriber, matched) -> {
                        Instant now = clock.instant();
                        if (!fresh(m, settings.limitsOf(subscriber).freshness(), now)) {
                            stale.incrementAndGet();
                            return;
                        }
                        admitSafely(() -> composer.forMessage(matched, m, settings.levels().of(m), observedAt, now),
                                matched, now);
                    });
            case HotspotEvent(List<Hotspot> hotspots, Instant observedAt) -> {
                for (Hotspot h : hotspots) {
                    if (!active(h, settings.longestFreshness(), observedAt)) {
                        stale.incrementAndGet();
                        continue;
                    }
                    matching.bySubscriber(current, h, Rule::matches, ReadScope::mayRead).forEach((subscriber, matched) -> {
                        Instant now = clock.instant();
                        if (active(h, settings.limitsOf(subscriber).freshness(), now)) {
                            admitSafely(() -> composer.forHotspot(matched, h, settings.levels().of(h), observedAt, now),
                                    matched, now);
                        }
                    });
                }
            }
            case Stop stop -> {
            }
        }
    }

    /** One subscriber's alert: a failure here is logged and the other subscribers still get theirs. */
    private void admitSafely(Supplier<Alert> compose, List<Rule> matched, Instant now) {
        try {
            admit(compose.get(), matched, now);
        } catch (RuntimeException e) {
            LOG.error("alert for subscriber {} (rules {}) failed", matched.getFirst().subscriber(),
                    matched.stream().map(Rule::id).toList(), e);
        }
    }

    private void admit(Alert alert, List<Rule> matched, Instant now) {
        switch (admission.decide(alert, matched, now)) {
            case Admission.Repeat repeat -> repeats.incrementAndGet();
            case Admission.Deliver deliver -> {
                record(alert, DeliveryStatus.QUEUED, null, 0, null, null, true);
                deliveries.start(alert);
            }
            case Admission.HoldQuiet quiet -> hold(alert, quiet.until(), true);
            case Admission.HoldDigest digest -> {
                record(alert, DeliveryStatus.HELD, "本时段发给该订阅人的预警已达上限 " + digest.limit() + " 条，将于 "
                        + clock(digest.window().end()) + " 汇总发送", 0, HistoryEvent.Hold.DIGEST,
                        digest.window().end(), true);
                digests.hold(alert, digest.window(), digest.limit());
                heldCount++;
            }
        }
    }

    private void hold(Alert alert, Instant until, boolean first) {
        record(alert, DeliveryStatus.HELD, "免打扰时段，将于 " + clock(until) + " 发送", 0, HistoryEvent.Hold.QUIET,
                until, first);
        held.put(alert.id(), new Held(alert, until));
        heldCount++;
    }

    /** Quiet hours that ended, and digests whose window ended. */
    private void releaseDue(Instant now) {
        for (Held h : List.copyOf(held.values())) {
            if (!now.isBefore(h.until())) {
                held.remove(h.alert().id());
                heldCount--;
                deliveries.start(h.alert());
            }
        }
        for (DigestBook.Due due : digests.due(now)) {
            Alert digest = composer.digest(due.subscriber(), due.alerts(), due.window().start(), due.window().end(),
                    due.limit(), now);
            heldCount -= due.alerts().size();
            List<Rule> of = digest.ruleIds().stream().map(this::rule).flatMap(Optional::stream).toList();
            Instant quietUntil = Admission.quietUntil(of, now);
            if (quietUntil != null) {
                hold(digest, quietUntil, true);
            } else {
                record(digest, DeliveryStatus.QUEUED, null, 0, null, null, true);
            }
            for (Alert member : due.alerts()) {
                record(member, DeliveryStatus.DIGESTED, "已汇总到 " + clock(due.window().start()) + " 起的预警汇总", 0,
                        null, null, false);
            }
            if (quietUntil == null) {
                deliveries.start(digest);
            }
        }
    }

    private static boolean fresh(IndexedMessage m, Duration freshness, Instant now) {
        Instant at = m.message().createdAt();
        return at == null // no time of its own: it is new to us, and a repeat is caught by the dedupe
                || (!at.isBefore(now.minus(freshness)) && !at.isAfter(now.plus(FUTURE_SKEW)));
    }

    private static boolean active(Hotspot h, Duration freshness, Instant now) {
        return h.last() != null && !h.last().isBefore(now.minus(freshness)) && !h.last().isAfter(now.plus(FUTURE_SKEW));
    }

    // ---- history ----

    private void recordState(Alert alert, DeliveryStatus status, String reason, int attempts) {
        record(alert, status, reason, attempts, null, null, false);
    }

    private HistoryEvent record(Alert alert, DeliveryStatus status, String reason, int attempts,
                                HistoryEvent.Hold hold, Instant until, boolean first) {
        HistoryEvent event = new HistoryEvent(clock.instant(), alert.id(), alert.subscriber(), status, reason,
                attempts, hold, until, first ? alert : null);
        history.append(event);
        return event;
    }

    private String clock(Instant t) {
        return CLOCK.format(t.atZone(settings.zone()));
    }

    // ---- restart ----

    private void restore() {
        for (Rule rule : ruleStore.load()) {
            rules.put(rule.id(), rule);
        }
        Instant now = clock.instant();
        Duration back = Duration.ofDays(2);
        for (Rule rule : rules.values()) {
            Duration memory = admission.memory(rule.subscriber());
            Duration window = settings.limitsOf(rule.subscriber()).window();
            back = memory.compareTo(back) > 0 ? memory : back;
            back = window.compareTo(back) > 0 ? window : back;
        }
        Map<String, HistoryEvent> first = new LinkedHashMap<>();
        Map<String, HistoryEvent> last = new HashMap<>();
        for (HistoryEvent e : history.since(now.minus(back).minus(Duration.ofHours(1)))) {
            if (e.alert() != null) {
                first.putIfAbsent(e.alertId(), e);
            }
            last.put(e.alertId(), e);
        }
        for (HistoryEvent created : first.values()) {
            Alert alert = created.alert();
            boolean counted = created.status() == DeliveryStatus.QUEUED
                    || (created.status() == DeliveryStatus.HELD && created.hold() != HistoryEvent.Hold.DIGEST);
            boolean onDemand = alert.kind() == AlertKind.TEST || alert.kind() == AlertKind.REPORT;
            admission.restore(alert, created.at(), counted && alert.kind() != AlertKind.DIGEST && !onDemand);
            HistoryEvent latest = last.get(alert.id());
            if (latest.status() == DeliveryStatus.QUEUED && !onDemand) {
                LOG.info("resuming delivery of alert {} queued before restart", alert.id());
                deliveries.start(alert);
            } else if (latest.status() == DeliveryStatus.HELD && latest.hold() == HistoryEvent.Hold.DIGEST) {
                SubscriberLimits limits = settings.limitsOf(alert.subscriber());
                digests.hold(alert, Window.containing(created.at(), limits.window(), settings.zone()),
                        limits.maxPerWindow());
                heldCount++;
            } else if (latest.status() == DeliveryStatus.HELD) {
                Instant until = latest.until() != null ? latest.until()
                        : Optional.ofNullable(Admission.quietUntil(
                                alert.ruleIds().stream().map(rules::get).filter(Objects::nonNull).toList(),
                                latest.at())).orElse(latest.at());
                held.put(alert.id(), new Held(alert, until));
                heldCount++;
            }
        }
    }
}
