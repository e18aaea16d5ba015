package org.minyi.insight;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import org.minyi.index.IndexedMessage;

/**
 * Assigns each message to an issue as it is indexed, so that a period's hotspots are counted per issue instead of
 * grouped from all of the period's messages. A message joins the issue of the open members it links to by the
 * clusterer's evidence (a near-duplicate text; a shared specific place, at least two shared rare title 4-grams or
 * the same region, each with overlapping keywords, decided by {@link IssueLink}); when it links members of several
 * issues, they merge into the oldest (single linkage, as the query-time clusterer groups) and the merge goes into
 * the {@link IssueTable}; when it links none it starts an issue named after itself ("is-" + its id).
 *
 * <p>Open members are kept per day of their creation time, at most {@code capacity} messages; when more arrive, the
 * day touched longest ago is closed whole. So live ingest keeps the last weeks open, and a re-import or backfill in
 * time order opens the days it is writing and groups them among themselves as live ingest would (members are only
 * linked when within {@link HotspotSettings#maxGap()} of each other, whatever order they arrive in). A message
 * already open keeps its issue when it is indexed again.
 *
 * <p>Candidates come from postings per band of the SimHash, place, title gram and region-with-keyword, each read
 * newest first and at most {@value #MAX_SCAN} deep: a bounded cost per message where the clusterer's blocks grow
 * with the period. Places and grams named by more than {@link HotspotSettings#maxPlaceFrequency()} of the open
 * members (at least {@value #MIN_CAP}) are too common to link on, as in the clusterer. Not thread-safe apart from
 * being synchronized: the ingest writer is its one caller.
 */
public final class IssueAssigner {

    static final int MAX_SCAN = 400;
    private static final int MIN_CAP = 20;
    private static final int BANDS = 4;
    private static final int MIN_SHARED_GRAMS = 2;

    private final HotspotSettings settings;
    private final IssueLink link;
    private final IssueTable table;
    private final int capacity;

    private final Map<String, List<Member>> postings = new HashMap<>();
    private final Map<String, Integer> placeCount = new HashMap<>();
    private final Map<String, Integer> gramCount = new HashMap<>();
    private final Map<String, Integer> keyCount = new HashMap<>();
    private final Map<String, Member> byId = new HashMap<>();
    /** Open days, least recently touched first. */
    private final LinkedHashMap<Long, List<Member>> days = new LinkedHashMap<>(64, 0.75f, true);
    private final Set<String> regionNames = new HashSet<>();
    private TitleRuns titles = new TitleRuns(Set.of());
    private boolean titlesStale;
    private int open;
    private int closedSinceSweep;

    /** One open message: what linking reads of it and the issue it was given. */
    private static final class Member {
        final String id;
        final IssueLink.Features features;
        final String region;
        final Set<String> places;
        final Set<String> grams;
        final String issue;
        boolean closed;

        Member(String id, IssueLink.Features features, String region, Set<String> places, Set<String> grams,
               String issue) {
            this.id = id;
            this.features = features;
            this.region = region;
            this.places = places;
            this.grams = grams;
            this.issue = issue;
        }
    }

    /**
     * @param minCosine sentence-vector cosine linked messages need when both have a vector ({@link Hotspots})
     * @param capacity  open messages kept at most
     */
    public IssueAssigner(HotspotSettings settings, double minCosine, IssueTable table, int capacity) {
        this.settings = Objects.requireNonNull(settings, "settings");
        this.table = Objects.requireNonNull(table, "table");
        if (capacity < 1) {
            throw new IllegalArgumentException("capacity must be >= 1, was " + capacity);
        }
        this.capacity = capacity;
        this.link = new PairRule(settings, minCosine);
    }

    /** With the service's defaults: the hotspot settings and vector threshold, 200,000 open messages. */
    public static IssueAssigner withDefaults(IssueTable table) {
        return new IssueAssigner(HotspotSettings.defaults(), Hotspots.MIN_COSINE, table, 200_000);
    }

    public IssueTable table() {
        return table;
    }

    /** The message with its issue; a message without a creation time cannot be placed and gets none. */
    public synchronized IndexedMessage assign(IndexedMessage m) {
        if (m.message().createdAt() == null) {
            return m.issue() == null ? m : m.withIssue(null);
        }
        Member known = byId.get(m.id());
        if (known != null && !known.closed) {
            return m.withIssue(table.survivor(known.issue));
        }
        IssueLink.Features features = IssueLink.Features.of(m);
        Prepared p = prepare(m, features);
        String issue = issueOfLinked(p);
        add(p, issue);
        return m.withIssue(issue);
    }

    /**
     * Opens a message indexed before (as read back at start, with its issue) without linking it: the open window
     * is rebuilt from the index after a restart. Messages without an issue or a time are skipped.
     */
    public synchronized void reopen(IndexedMessage m) {
        if (m.issue() == null || m.message().createdAt() == null || byId.containsKey(m.id())) {
            return;
        }
        add(prepare(m, IssueLink.Features.of(m)), table.survivor(m.issue()));
    }

    /** Open messages now. */
    public synchronized int open() {
        return open;
    }

    private record Prepared(String id, IssueLink.Features features, String region, Set<String> places,
                            Set<String> grams) {
    }

    private Prepared prepare(IndexedMessage m, IssueLink.Features features) {
        boolean newRegion = false;
        for (String region : new String[] {m.message().region(), m.analysis().region()}) {
            if (region != null && !region.isBlank()) {
                newRegion |= regionNames.add(region);
            }
        }
        if (newRegion || titlesStale) {
            titles = new TitleRuns(regionNames);
            titlesStale = false;
        }
        Set<String> places = new HashSet<>(m.analysis().places());
        places.removeAll(regionNames);
        return new Prepared(m.id(), features, m.region(), places, titles.grams(m));
    }

    private String issueOfLinked(Prepared x) {
        Set<Member> linked = new HashSet<>();
        Set<Member> compared = new HashSet<>();
        // near-duplicate text
        for (String key : bandKeys(x.features().simhash())) {
            for (Member y : recent(key)) {
                if (link.nearDuplicate(x.features(), y.features)) {
                    linked.add(y);
                }
            }
        }
        // a shared specific place
        double cap = Math.max(MIN_CAP, settings.maxPlaceFrequency() * (open + 1));
        for (String place : x.places()) {
            if (placeCount.getOrDefault(place, 0) + 1 <= cap) {
                for (Member y : recent("p" + place)) {
                    if (!linked.contains(y) && compared.add(y)
                            && link.similar(x.features(), y.features, settings.minKeywordOverlap())) {
                        linked.add(y);
                    }
                }
            }
        }
        // at least two shared rare title grams
        Map<Member, Integer> shared = new HashMap<>();
        for (String gram : x.grams()) {
            int frequency = gramCount.getOrDefault(gram, 0) + 1;
            if (frequency >= 2 && frequency <= cap) {
                for (Member y : recent("g" + gram)) {
                    shared.merge(y, 1, Integer::sum);
                }
            }
        }
        shared.forEach((y, count) -> {
            if (count >= MIN_SHARED_GRAMS && !linked.contains(y)
                    && link.similar(x.features(), y.features, settings.minKeywordOverlap())) {
                linked.add(y);
            }
        });
        // the same region with strongly overlapping keywords: candidates share one of x's rarest keywords
        if (x.region() != null) {
            double t = settings.minKeywordOverlapWithoutPlace();
            List<String> words = new ArrayList<>(x.features().keywords());
            words.sort((a, b) -> Integer.compare(keyCount.getOrDefault(regionKey(x.region(), a), 0),
                    keyCount.getOrDefault(regionKey(x.region(), b), 0)));
            int prefix = words.size() - (int) Math.ceil(t * words.size() - 1e-9) + 1;
            Set<Member> regionCompared = new HashSet<>();
            for (int k = 0; k < Math.min(prefix, words.size()); k++) {
                for (Member y : recent(regionKey(x.region(), words.get(k)))) {
                    if (!linked.contains(y) && regionCompared.add(y) && link.similar(x.features(), y.features, t)) {
                        linked.add(y);
                    }
                }
            }
        }
        if (linked.isEmpty()) {
            return "is-" + x.id();
        }
        Member oldest = null;
        Set<String> issues = new HashSet<>();
        for (Member y : linked) {
            issues.add(table.survivor(y.issue));
            if (oldest == null || y.features.time() < oldest.features.time()
                    || (y.features.time() == oldest.features.time() && y.id.compareTo(oldest.id) < 0)) {
                oldest = y;
            }
        }
        String survivor = table.survivor(oldest.issue);
        for (String issue : issues) {
            if (!issue.equals(survivor)) {
                table.merge(issue, survivor);
            }
        }
        return survivor;
    }

    private static String regionKey(String region, String word) {
        return "r" + region + '\u0000' + word;
    }

    private static List<String> bandKeys(long hash) {
        if (hash == 0) {
            return List.of(); // no content words: the hash says nothing
        }
        List<String> keys = new ArrayList<>(BANDS);
        for (int band = 0; band < BANDS; band++) {
            keys.add("b" + band + ":" + ((hash >>> (16 * band)) & 0xFFFF));
        }
        return keys;
    }

    /** The open members under {@code key}, newest first, at most {@value #MAX_SCAN}; drops closed ones met. */
    private List<Member> recent(String key) {
        List<Member> list = postings.get(key);
        if (list == null) {
            return List.of();
        }
        List<Member> found = new ArrayList<>(Math.min(MAX_SCAN, list.size()));
        int closed = 0;
        for (int i = list.size() - 1; i >= 0 && found.size() < MAX_SCAN; i--) {
            Member y = list.get(i);
            if (y.closed) {
                closed++;
            } else {
                found.add(y);
            }
        }
        if (closed > list.size() / 2) {
            list.removeIf(y -> y.closed);
        }
        return found;
    }

    private void add(Prepared p, String issue) {
        Member member = new Member(p.id(), p.features(), p.region(), p.places(), p.grams(), issue);
        for (String key : bandKeys(p.features().simhash())) {
            post(member, key);
        }
        for (String place : p.places()) {
            post(member, "p" + place);
            placeCount.merge(place, 1, Integer::sum);
        }
        for (String gram : p.grams()) {
            post(member, "g" + gram);
            gramCount.merge(gram, 1, Integer::sum);
        }
        if (p.region() != null) {
            for (String word : p.features().keywords()) {
                String key = regionKey(p.region(), word);
                post(member, key);
                keyCount.merge(key, 1, Integer::sum);
            }
        }
        byId.put(member.id, member);
        long day = Math.floorDiv(p.features().time(), 86_400_000L);
        days.computeIfAbsent(day, d -> new ArrayList<>()).add(member);
        open++;
        while (open > capacity && days.size() > 1) {
            closeDay(days.keySet().iterator().next());
        }
    }

    private void post(Member member, String key) {
        postings.computeIfAbsent(key, k -> new ArrayList<>()).add(member);
    }

    private void closeDay(long day) {
        List<Member> members = days.remove(day);
        for (Member m : members) {
            m.closed = true;
            byId.remove(m.id, m);
            m.places.forEach(place -> decrement(placeCount, place));
            m.grams.forEach(gram -> decrement(gramCount, gram));
            if (m.region != null) {
                m.features.keywords().forEach(word -> decrement(keyCount, regionKey(m.region, word)));
            }
        }
        open -= members.size();
        closedSinceSweep += members.size();
        if (closedSinceSweep > capacity) {
            sweep();
        }
    }

    /** Drops closed members from every posting list (lists read often drop them as they go). */
    private void sweep() {
        for (Iterator<List<Member>> lists = postings.values().iterator(); lists.hasNext(); ) {
            List<Member> list = lists.next();
            list.removeIf(y -> y.closed);
            if (list.isEmpty()) {
                lists.remove();
            }
        }
        closedSinceSweep = 0;
    }

    private static void decrement(Map<String, Integer> counts, String key) {
        counts.computeIfPresent(key, (k, v) -> v == 1 ? null : v - 1);
    }
}
