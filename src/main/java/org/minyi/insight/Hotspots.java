package org.minyi.insight;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import org.minyi.index.MessageFilter;
import org.minyi.index.MessageIndex;
import org.minyi.index.IndexedMessage;
import org.minyi.index.TrendInterval;
import org.minyi.index.TrendQuery;
import org.minyi.index.TrendSeries;
import org.minyi.index.TrendSplit;

/** Hotspots of a period read from the index: what {@code minyi hotspots}, the REST API and alerting call. */
public final class Hotspots {

    private static final int MAX_READERS = 4;
    /**
     * Sentence-vector cosine two linked messages need (BGE-small-zh, unit vectors): below it they speak of different
     * things even when they share a place and a few words. On the Teddy Cup 2020 board messages pairs of one issue
     * scored 0.82–0.99 (伊景园滨河苑 parking, 丽发新城 mixing plant) and parking questions about different estates
     * (圣力华苑, 深业睿城, 伊景园) 0.63–0.66, which 0.6 let chain into one issue.
     */
    static final double MIN_COSINE = 0.75;

    private final MessageIndex index;
    private final HotspotDetector detector;

    public Hotspots(MessageIndex index, HotspotDetector detector) {
        this.index = Objects.requireNonNull(index, "index");
        this.detector = Objects.requireNonNull(detector, "detector");
    }

    /** Hotspots with the default detection settings, days counted in {@code zone}: what the service and CLI use. */
    public static Hotspots withDefaults(MessageIndex index, ZoneId zone) {
        return new Hotspots(index, new HotspotDetector(HotspotSettings.defaults(), zone));
    }

    /** The same detection over another view of the index (a reader's jurisdiction, say). */
    public Hotspots over(MessageIndex other) {
        return new Hotspots(other, detector);
    }

    /**
     * The hottest issues among messages created in {@code [from, to)}; messages of the {@code baseline} period
     * before {@code from} are read as well, for the theme baselines of the burst check.
     */
    public List<Hotspot> between(Instant from, Instant to, Duration baseline, int limit) {
        Objects.requireNonNull(from, "from");
        Objects.requireNonNull(to, "to");
        if (limit < 1) {
            throw new IllegalArgumentException("limit must be >= 1, was " + limit);
        }
        // Issues are formed from the period's messages; the baseline days only need counts per topic and day.
        List<IndexedMessage> window = readInParallel(from, to);
        List<TrendSeries> daily = index.trends(new TrendQuery(period(from.minus(baseline), to), TrendInterval.DAY,
                TrendSplit.TOPIC, TrendQuery.MAX_SERIES));
        return detector.detect(window, daily, from, to, limit, ComplaintLikeness.Source.vectors(index, MIN_COSINE));
    }

    /**
     * The period's messages, read as one slice of time per core at once: decoding stored messages
     * is most of the cost of reading, and the index serves concurrent reads.
     */
    private List<IndexedMessage> readInParallel(Instant from, Instant to) {
        int slices = Math.max(1, Math.min(MAX_READERS, Runtime.getRuntime().availableProcessors()));
        long step = Math.max(1, Duration.between(from, to).toMillis() / slices);
        List<CompletableFuture<List<IndexedMessage>>> parts = new ArrayList<>();
        for (int k = 0; k < slices; k++) {
            Instant start = from.plusMillis(k * step);
            Instant end = k == slices - 1 ? to : from.plusMillis((k + 1) * step);
            parts.add(BackgroundWork.start("hotspot-read", () -> read(index, period(start, end))));
        }
        List<IndexedMessage> messages = new ArrayList<>();
        for (CompletableFuture<List<IndexedMessage>> part : parts) {
            messages.addAll(BackgroundWork.join(part));
        }
        return messages;
    }

    private static MessageFilter period(Instant from, Instant to) {
        return new MessageFilter(null, Set.of(), Set.of(), Set.of(), Set.of(), Set.of(), from, to);
    }

    /** Summaries of every message matching the filter, in no order: the detector's answer does not depend on it. */
    static List<IndexedMessage> read(MessageIndex index, MessageFilter filter) {
        List<IndexedMessage> messages = new ArrayList<>();
        index.scanSummaries(filter, messages::add);
        return messages;
    }
}
