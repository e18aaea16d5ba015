package org.minyi.collect.crawl;

import java.net.URI;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.minyi.collect.crawl.CrawlLog.ItemState;
import org.minyi.collect.crawl.CrawlLog.Kind;
import org.minyi.collect.crawl.CrawlLog.QueuedUrl;
import org.minyi.ingest.MessageSink;
import org.minyi.message.Message;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One run of one source: replays the state log, seeds or resumes the frontier, and lets {@code concurrency}
 * workers drain it. Each finished URL is logged together with what it discovered, so the frontier on disk is
 * always complete.
 */
final class CrawlRun implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(CrawlRun.class);

    /** How often a running crawl refreshes status.json for the status API. */
    private static final int STATUS_EVERY_PAGES = 50;
    /** A flush is due once this many times its last duration has passed since it ended. */
    private static final int FLUSH_COST_RATIO = 10;
    /** Items delivered but not yet marked done, at most; they are fetched again after a crash. */
    private static final int MAX_UNACKNOWLEDGED = 100;

    private final CrawlerConfig config;
    private final Path stateRoot;
    private final MessageSink sink;
    private final CrawlProgress progress;
    private final CrawlLog log;
    private final Fetcher fetcher;
    private final AddressGuard guard;
    private final RobotsRules robots;
    private final PageParser parser;
    private final ItemMapper mapper;

    private final Map<String, ItemState> items;
    private final Map<String, Kind> queued;
    private final Deque<QueuedUrl> frontier = new ArrayDeque<>();
    private final Object deliveryLock = new Object();
    /** Set when the sink could not make an item durable: the run stops, leaving the rest of its frontier. */
    private volatile RuntimeException sinkFailure;
    /** Delivered, not yet acknowledged by a flush; guarded by deliveryLock. */
    private final List<Delivered> unacknowledged = new ArrayList<>();
    private long lastFlushEnd = System.nanoTime();
    private long lastFlushCost;
    private int inFlight;
    private int listPagesQueued;

    private final Instant started;
    private final boolean resumed;
    private int listPages;
    private int detailPages;
    private int itemsNew;
    private int itemsUpdated;
    private int itemsUnchanged;
    private final Map<FailureKind, Integer> errors = new EnumMap<>(FailureKind.class);

    CrawlRun(CrawlerConfig config, Path stateRoot, MessageSink sink, CrawlProgress progress) {
        this.config = config;
        this.stateRoot = stateRoot;
        this.sink = sink;
        this.progress = progress;
        this.log = new CrawlLog(stateRoot.resolve(config.name()));
        CrawlLog.Recovered state = log.recover();
        this.items = new ConcurrentHashMap<>(state.items());
        this.queued = new HashMap<>(state.queuedThisRun());
        HostGate gate = new HostGate(config.politeness().delay(), config.politeness().concurrency());
        this.guard = new AddressGuard(config.network());
        this.fetcher = new Fetcher(config.politeness(), guard, gate);
        this.robots = new RobotsRules(fetcher, gate, config.politeness().userAgent(), config.politeness().obeyRobots());
        this.parser = new PageParser(config);
        this.mapper = new ItemMapper(config);
        this.resumed = state.runUnfinished();
        if (resumed) {
            started = state.runStarted();
            frontier.addAll(state.frontier());
            listPagesQueued = (int) queued.values().stream().filter(k -> k == Kind.LIST).count();
            state.outcomesThisRun().forEach(this::count);
            LOG.info("{}: resuming an interrupted run with {} URLs left", config.name(), frontier.size());
        } else {
            started = Instant.now();
            log.runStarted(started);
            seed();
        }
    }

    /** Start URLs, plus known items still without a reply that are young enough to get one. */
    private void seed() {
        List<QueuedUrl> seeds = new ArrayList<>();
        for (URI start : config.startUrls()) {
            if (queued.putIfAbsent(start.toString(), Kind.LIST) == null && listPagesQueued < config.list().maxPages()) {
                listPagesQueued++;
                seeds.add(new QueuedUrl(start.toString(), Kind.LIST, 1));
            }
        }
        Instant horizon = started.minus(config.recheckUnrepliedFor());
        for (ItemState item : items.values()) {
            if (!item.replied() && item.firstSeen().isAfter(horizon)
                    && queued.putIfAbsent(item.url(), Kind.DETAIL) == null) {
                seeds.add(new QueuedUrl(item.url(), Kind.DETAIL, null));
            }
        }
        log.queued(seeds);
        frontier.addAll(seeds);
    }

    CrawlReport execute() {
        CrawlStatus.of(snapshot(null), true, items.size()).write(stateRoot);
        int workers = config.politeness().concurrency();
        ExecutorService pool = Executors.newFixedThreadPool(workers, r -> {
            Thread t = new Thread(r, "crawl-" + config.name());
            t.setDaemon(true);
            return t;
        });
        List<Future<?>> running = new ArrayList<>();
        try {
            for (int i = 0; i < workers; i++) {
                running.add(pool.submit(this::work));
            }
            for (Future<?> f : running) {
                f.get();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (java.util.concurrent.ExecutionException e) {
            throw new IllegalStateException("crawl of " + config.name() + " failed", e.getCause());
        } finally {
            pool.shutdownNow();
        }
        checkpoint(); // the last items of the run (or of an interrupted one)
        if (sinkFailure != null) {
            CrawlStatus.of(snapshot(Instant.now()), true, items.size()).write(stateRoot);
            throw new IllegalStateException("crawl of " + config.name() + " stopped: crawled items could not be made "
                    + "durable (" + sinkFailure.getMessage() + "); the run resumes where it stopped at the next crawl",
                    sinkFailure);
        }
        boolean complete = remaining() == 0 && !Thread.currentThread().isInterrupted();
        Instant finished = Instant.now();
        CrawlReport report = snapshot(finished);
        if (complete) {
            log.runFinished(finished, items);
        }
        CrawlStatus.of(report, !complete, items.size()).write(stateRoot);
        return report;
    }

    private void work() {
        try {
            QueuedUrl next;
            while ((next = take()) != null) {
                List<QueuedUrl> discovered = List.of();
                try {
                    discovered = next.kind() == Kind.LIST ? visitList(next) : visitDetail(next);
                } finally {
                    finish(discovered);
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private synchronized QueuedUrl take() throws InterruptedException {
        while (frontier.isEmpty() && inFlight > 0) {
            wait();
        }
        if (frontier.isEmpty() || Thread.currentThread().isInterrupted() || sinkFailure != null) {
            notifyAll();
            return null;
        }
        inFlight++;
        return frontier.poll();
    }

    private synchronized void finish(List<QueuedUrl> discovered) {
        frontier.addAll(discovered);
        inFlight--;
        notifyAll();
    }

    private synchronized int remaining() {
        return frontier.size() + inFlight;
    }

    private List<QueuedUrl> visitList(QueuedUrl task) throws InterruptedException {
        URI url = URI.create(task.url());
        Page page;
        try {
            page = fetchAllowed(url, Validators.NONE);
        } catch (FetchException e) {
            failed(task, e);
            return List.of();
        }
        PageParser.ListPage list = parser.parseList(page);
        List<QueuedUrl> discovered = new ArrayList<>();
        int unseen = 0;
        synchronized (this) {
            for (URI link : list.itemLinks()) {
                if (items.containsKey(mapper.itemKey(link))) {
                    continue;
                }
                unseen++;
                if (queued.putIfAbsent(link.toString(), Kind.DETAIL) == null) {
                    discovered.add(new QueuedUrl(link.toString(), Kind.DETAIL, null));
                }
            }
            boolean allKnown = !list.itemLinks().isEmpty() && unseen == 0;
            URI next = nextListPage(page, list, task);
            if (next != null && !(allKnown && config.list().stopWhenAllKnown())
                    && listPagesQueued < config.list().maxPages()
                    && queued.putIfAbsent(next.toString(), Kind.LIST) == null) {
                listPagesQueued++;
                discovered.add(new QueuedUrl(next.toString(), Kind.LIST, task.page() == null ? null : task.page() + 1));
            }
        }
        log.done(task.url(), "list", null, discovered);
        count("list");
        report(url, "list");
        return discovered;
    }

    private URI nextListPage(Page page, PageParser.ListPage list, QueuedUrl task) {
        String template = config.list().pageUrlTemplate();
        if (template == null) {
            return list.nextPage();
        }
        // With a URL template the site never says "last page": an empty page is the end.
        if (list.itemLinks().isEmpty() || task.page() == null) {
            return null;
        }
        return page.uri().resolve(template.replace("{page}", Integer.toString(task.page() + 1)));
    }

    private List<QueuedUrl> visitDetail(QueuedUrl task) throws InterruptedException {
        URI url = URI.create(task.url());
        String key = mapper.itemKey(url);
        ItemState known = items.get(key);
        try {
            Page page = fetchAllowed(url, known == null ? Validators.NONE : known.validators());
            if (page.notModified()) {
                complete(task, "unchanged", null);
                return List.of();
            }
            Message message = mapper.toMessage(key, page.uri(), parser.parseDetail(page));
            String hash = ItemMapper.contentHash(message);
            Validators validators = page.validators();
            if (known != null && known.hash().equals(hash)) {
                complete(task, "unchanged", known.withValidators(validators));
                return List.of();
            }
            ItemState state = new ItemState(key, task.url(), message.id(), hash, validators.etag(),
                    validators.lastModified(), hasReplyText(message),
                    known == null ? Instant.now() : known.firstSeen());
            deliver(task, message, state, known == null ? "new" : "updated");
        } catch (FetchException e) {
            failed(task, e);
        } catch (RuntimeException e) {
            LOG.warn("{}: unexpected failure on {}", config.name(), url, e);
            failed(task, new FetchException(FailureKind.UNEXPECTED, e.toString()));
        }
        return List.of();
    }

    /** An agency or date without text is "being handled": keep checking until the answer itself is there. */
    private static boolean hasReplyText(Message message) {
        return message.reply() != null && message.reply().text() != null && !message.reply().text().isBlank();
    }

    /**
     * Sink first, log second: an item is marked done only once the sink acknowledged it (a flush returned after
     * it was accepted), so a crash in between re-delivers the same id (sinks upsert), never loses it.
     */
    private void deliver(QueuedUrl task, Message message, ItemState state, String outcome) {
        synchronized (deliveryLock) {
            if (sinkFailure != null) {
                return; // the run is stopping; this URL stays on the frontier
            }
            try {
                sink.accept(message);
            } catch (RuntimeException e) {
                LOG.warn("{}: sink rejected {}", config.name(), message.id(), e);
                failed(task, new FetchException(FailureKind.SINK_REJECTED, e.toString()));
                return;
            }
            unacknowledged.add(new Delivered(task, outcome, state));
            boolean flushIsDue = System.nanoTime() - lastFlushEnd >= FLUSH_COST_RATIO * lastFlushCost;
            if (flushIsDue || unacknowledged.size() >= MAX_UNACKNOWLEDGED) {
                checkpoint();
            }
        }
    }

    /**
     * Flushes the sink, then marks what it acknowledged done. Group commit: a sink whose flush costs nothing (a
     * write-through file) is flushed after every item; an index commit is spread over the items of about
     * {@value #FLUSH_COST_RATIO} times its own duration, so flushing costs at most a tenth of the crawl's time.
     * With a politeness delay of seconds every item is flushed on its own.
     */
    private void checkpoint() {
        synchronized (deliveryLock) {
            if (unacknowledged.isEmpty() || sinkFailure != null) {
                return;
            }
            long start = System.nanoTime();
            try {
                sink.flush();
            } catch (RuntimeException e) {
                // Not marked done: the URLs stay on the frontier on disk and are fetched again when the run resumes.
                LOG.warn("{}: {} crawled items were not made durable, stopping the run: {}", config.name(),
                        unacknowledged.size(), e.getMessage());
                sinkFailure = e;
                unacknowledged.clear();
                return;
            }
            lastFlushEnd = System.nanoTime();
            lastFlushCost = lastFlushEnd - start;
            List<CrawlLog.Finished> finished = new ArrayList<>(unacknowledged.size());
            for (Delivered item : unacknowledged) {
                items.put(item.state().key(), item.state());
                finished.add(new CrawlLog.Finished(item.task().url(), item.outcome(), item.state()));
            }
            log.doneAll(finished);
            for (Delivered item : unacknowledged) {
                count(item.outcome());
                report(URI.create(item.task().url()), item.outcome());
            }
            unacknowledged.clear();
        }
    }

    /** An item handed to the sink, to be marked done once the sink acknowledged it. */
    private record Delivered(QueuedUrl task, String outcome, ItemState state) {
    }

    private void complete(QueuedUrl task, String outcome, ItemState state) {
        if (state != null) {
            items.put(state.key(), state);
        }
        log.done(task.url(), outcome, state, List.of());
        count(outcome);
        report(URI.create(task.url()), outcome);
    }

    private void failed(QueuedUrl task, FetchException e) {
        LOG.debug("{}: {} failed: {}", config.name(), task.url(), e.getMessage());
        String outcome = "failed:" + e.kind().name();
        log.done(task.url(), outcome, null, List.of());
        count(outcome);
        report(URI.create(task.url()), outcome);
    }

    private Page fetchAllowed(URI url, Validators validators) throws FetchException, InterruptedException {
        guard.check(url); // before robots.txt, so a refused host is reported as such and never contacted
        if (!robots.allows(url)) {
            throw new FetchException(FailureKind.ROBOTS_DISALLOWED, "robots.txt disallows " + url);
        }
        return fetcher.fetch(url, validators);
    }

    private synchronized void count(String outcome) {
        switch (outcome) {
            case "list" -> listPages++;
            case "new" -> { detailPages++; itemsNew++; }
            case "updated" -> { detailPages++; itemsUpdated++; }
            case "unchanged" -> { detailPages++; itemsUnchanged++; }
            default -> errors.merge(FailureKind.valueOf(outcome.substring("failed:".length())), 1, Integer::sum);
        }
    }

    private void report(URI url, String outcome) {
        CrawlReport soFar = snapshot(null);
        synchronized (progress) {
            if (soFar.pagesFetched() % STATUS_EVERY_PAGES == 0) {
                CrawlStatus.of(soFar, true, items.size()).write(stateRoot);
            }
            progress.pageDone(url, outcome, soFar);
        }
    }

    private synchronized CrawlReport snapshot(Instant finished) {
        return new CrawlReport(config.name(), started, finished, resumed, listPages, detailPages, itemsNew,
                itemsUpdated, itemsUnchanged, errors, frontier.size() + inFlight);
    }

    @Override
    public void close() {
        fetcher.close();
        log.close();
    }
}
