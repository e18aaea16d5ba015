package org.minyi.insight;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import org.minyi.index.MessageFilter;
import org.minyi.index.MessageIndex;
import org.minyi.index.IndexedMessage;
import org.minyi.index.IssueMember;
import org.minyi.index.TermCount;
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

    /**
     * Issues counted from the index are ranked among this many of the largest in the period (at least, or three
     * times the hotspots asked for): heat is mostly volume, and reading the members of every issue of a long period
     * is what grouping at query time cost.
     */
    static final int MIN_CANDIDATES = 60;
    /**
     * Issue ids counted per period, times the candidates: enough that an issue merged since indexing adds up over its
     * ids, few enough that naming them stays cheap (each id counted is looked up in the index's terms).
     */
    static final int COUNTED_PER_CANDIDATE = 5;

    private final MessageIndex index;
    private final HotspotDetector detector;
    /** Null: issues are formed from the period's messages at query time. */
    private final IssueTable issues;

    public Hotspots(MessageIndex index, HotspotDetector detector) {
        this(index, detector, null);
    }

    private Hotspots(MessageIndex index, HotspotDetector detector, IssueTable issues) {
        this.index = Objects.requireNonNull(index, "index");
        this.detector = Objects.requireNonNull(detector, "detector");
        this.issues = issues;
    }

    /**
     * The same detection, counting the issues assigned at indexing ({@link IssueAssigner}) with merges read from
     * {@code table}, instead of grouping the period's messages. A period whose messages carry no issue (indexed
     * before assignment, or with it off) is still grouped at query time.
     */
    public Hotspots countingIssues(IssueTable table) {
        return new Hotspots(index, detector, Objects.requireNonNull(table, "table"));
    }

    /** Whether issues are counted from the index rather than formed at query time. */
    public boolean countsIssues() {
        return issues != null;
    }

    /** Hotspots with the default detection settings, days counted in {@code zone}: what the service and CLI use. */
    public static Hotspots withDefaults(MessageIndex index, ZoneId zone) {
        return new Hotspots(index, new HotspotDetector(HotspotSettings.defaults(), zone));
    }

    /** The same detection over another view of the index (a reader's jurisdiction, say). */
    public Hotspots over(MessageIndex other) {
        return new Hotspots(other, detector, issues);
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
        // The baseline days only need counts per topic and day.
        List<TrendSeries> daily = index.trends(new TrendQuery(period(from.minus(baseline), to), TrendInterval.DAY,
                TrendSplit.TOPIC, TrendQuery.MAX_SERIES));
        if (issues != null) {
            int candidates = Math.max(MIN_CANDIDATES, 3 * limit);
            int countedIds = COUNTED_PER_CANDIDATE * candidates;
            List<TermCount> counted = index.topIssues(period(from, to), countedIds);
            if (!counted.isEmpty() && coversPeriod(counted, countedIds, from, to)) {
                return detector.rank(membersOfLargest(counted, from, to, candidates), daily, from, to, limit,
                        this::summaries);
            }
        }
        // Issues are formed from the period's messages.
        List<IndexedMessage> window = readInParallel(from, to);
        return detector.detect(window, daily, from, to, limit, ComplaintLikeness.Source.vectors(index, MIN_COSINE));
    }

    /**
     * Whether (nearly) every message of the period has an issue: an index that held messages before assignment
     * existed has periods where only the newer ones do, and counting those alone would hide the rest. When every
     * issue id was counted their counts add up to the messages with an issue; past the ids counted the
     * period is taken as covered (a period that long is written after assignment or re-imported).
     */
    private boolean coversPeriod(List<TermCount> counted, int countedIds, Instant from, Instant to) {
        if (counted.size() >= countedIds) {
            return true;
        }
        long withIssue = counted.stream().mapToLong(TermCount::count).sum();
        // a page of none: the index only counts
        long all = index.search(new org.minyi.index.SearchQuery(period(from, to), org.minyi.index.SearchOrder.NEWEST,
                0, 0, Set.of(), 10)).total();
        return withIssue >= MIN_COVERAGE * all;
    }

    /** Share of a period's messages that must have an issue for the period to be counted by issue. */
    static final double MIN_COVERAGE = 0.99;

    /** The period's members of its largest issues, counted over every id that now survives in each. */
    private Collection<List<IssueMember>> membersOfLargest(List<TermCount> counted, Instant from, Instant to,
                                                              int candidates) {
        Map<String, Long> sizes = new HashMap<>();
        for (TermCount count : counted) {
            String survivor = issues.survivor(count.term());
            sizes.merge(survivor, count.count(), Long::sum);
        }
        Set<String> largest = new HashSet<>();
        sizes.entrySet().stream()
                .sorted(Map.Entry.<String, Long>comparingByValue().reversed().thenComparing(Map.Entry.comparingByKey()))
                .limit(candidates)
                .forEach(e -> largest.add(e.getKey()));
        // every id merged into them, also those too small to be among the ids counted
        Set<String> ids = issues.idsSurvivingIn(largest);
        Map<String, List<IssueMember>> members = new HashMap<>();
        Map<String, String> survivors = new HashMap<>(); // each id's survivor followed once, not once per member
        index.scanIssueMembers(ids, period(from, to), m -> members
                .computeIfAbsent(survivors.computeIfAbsent(m.issue(), issues::survivor), k -> new ArrayList<>())
                .add(m));
        return members.values();
    }

    /** The summaries of the messages an issue is described by. */
    private Map<String, IndexedMessage> summaries(Set<String> ids) {
        Map<String, IndexedMessage> byId = new HashMap<>();
        if (!ids.isEmpty()) {
            index.scanSummaries(MessageFilter.ALL.withIds(ids), m -> byId.put(m.id(), m));
        }
        return byId;
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
