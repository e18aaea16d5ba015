package org.minyi.web;

import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.atomic.AtomicBoolean;
import org.minyi.index.MessageFilter;
import org.minyi.index.MessageIndex;
import org.minyi.index.SearchOrder;
import org.minyi.index.SearchQuery;
import org.minyi.insight.Hotspot;
import org.minyi.insight.Hotspots;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Hotspot answers kept until the index changes. Finding hotspots reads every message of the period and its
 * baseline (seconds at 100k messages), too slow for a dashboard that must load in under a second; so the default
 * period — the 30 days up to the newest message — is computed in the background whenever the index has changed,
 * and served from here, at most a refresh interval behind. Other periods are computed on request and remembered.
 */
@Component
class HotspotCache {

    private static final Logger LOG = LoggerFactory.getLogger(HotspotCache.class);
    static final Duration DEFAULT_PERIOD = Duration.ofDays(30);
    static final Duration DEFAULT_BASELINE = Duration.ofDays(90);
    static final Duration HALF_YEAR = Duration.ofDays(182);
    /** Enough for any request: the API's limit is at most this; shorter answers are cut from it. */
    static final int KEPT_PER_PERIOD = 100;
    private static final int KEPT_PERIODS = 32;

    /** Stale answers computed faster than this are recomputed at once rather than served stale. */
    private static final long CHEAP_MILLIS = 300;

    /** A period's hotspots as computed when the index held {@code indexCount} messages, in {@code millis}. */
    record Answer(Instant from, Instant to, Duration baseline, long indexCount, long millis, List<Hotspot> hotspots) {

        List<Hotspot> first(int limit) {
            return hotspots.subList(0, Math.min(limit, hotspots.size()));
        }
    }

    private record Key(Instant from, Instant to, Duration baseline) {
    }

    private final MessageIndex index;
    private final Hotspots hotspots;
    private final Map<Key, Answer> answers = new LinkedHashMap<>(16, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<Key, Answer> eldest) {
            return size() > KEPT_PERIODS;
        }
    };
    private volatile Answer latestDefault;
    private final AtomicBoolean halfYearDone = new AtomicBoolean();

    HotspotCache(MessageIndex index, Hotspots hotspots) {
        this.index = index;
        this.hotspots = hotspots;
    }

    /**
     * The default period's latest answer. A stale one is recomputed now when that is cheap (a small index), else
     * served as it is while the background refresh catches up.
     */
    Answer defaultPeriod() {
        Answer answer = latestDefault;
        if (answer == null || (answer.indexCount() != index.count() && answer.millis() < CHEAP_MILLIS)) {
            return refreshDefault();
        }
        return answer;
    }

    /** A given period's answer, computed now unless the index is unchanged since it was last computed. */
    Answer between(Instant from, Instant to, Duration baseline) {
        Key key = new Key(from, to, baseline);
        long count = index.count();
        synchronized (answers) {
            Answer known = answers.get(key);
            if (known != null && known.indexCount() == count) {
                return known;
            }
        }
        long start = System.nanoTime();
        List<Hotspot> found = hotspots.between(from, to, baseline, KEPT_PER_PERIOD);
        Answer answer = new Answer(from, to, baseline, count, (System.nanoTime() - start) / 1_000_000, found);
        synchronized (answers) {
            answers.put(key, answer);
        }
        return answer;
    }

    /**
     * The hotspot with this id among the answers kept, newest period first (the default period, then any other asked
     * for): what a hotspot page or an alert's link opens.
     */
    java.util.Optional<Hotspot> find(String id) {
        java.util.List<Answer> kept = new java.util.ArrayList<>();
        kept.add(defaultPeriod());
        synchronized (answers) {
            kept.addAll(answers.values());
        }
        return kept.stream().flatMap(a -> a.hotspots().stream()).filter(h -> h.id().equals(id)).findFirst();
    }

    @Scheduled(initialDelay = 5_000, fixedDelayString = "${minyi.hotspots.refresh-millis:30000}")
    void keepDefaultFresh() {
        Answer answer = latestDefault;
        if (answer == null || answer.indexCount() != index.count() || !halfYearDone.get()) {
            try {
                Answer fresh = refreshDefault();
                if (halfYearDone.compareAndSet(false, true)) {
                    halfYear(fresh.to());
                }
            } catch (RuntimeException e) {
                LOG.warn("hotspots of the default period could not be computed: {}", e.toString());
            }
        }
    }

    /**
     * Once after start, the half year up to the newest message as well: a usual longer view, kept like any period
     * asked for, and the run compiles the detector's code, so the first period a leader picks is not computed by
     * the interpreter (cold, a seven-month period at 100k messages took about twice as long as warm).
     */
    private void halfYear(Instant end) {
        Answer answer = between(end.minus(HALF_YEAR), end, DEFAULT_BASELINE);
        LOG.info("hotspots of the half year up to {} computed in {} ms", end, answer.millis());
    }

    private synchronized Answer refreshDefault() {
        Instant end = newestMessageTime().plusSeconds(1);
        Answer answer = between(end.minus(DEFAULT_PERIOD), end, DEFAULT_BASELINE);
        latestDefault = answer;
        return answer;
    }

    private Instant newestMessageTime() {
        var newest = index.search(new SearchQuery(MessageFilter.ALL, SearchOrder.NEWEST, 0, 1, Set.of(), 1));
        return newest.hits().stream()
                .map(hit -> hit.message().message().createdAt())
                .filter(Objects::nonNull)
                .findFirst()
                .orElseGet(Instant::now);
    }
}
