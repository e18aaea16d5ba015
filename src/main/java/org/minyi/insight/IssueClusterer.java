package org.minyi.insight;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import org.minyi.index.IndexedMessage;

/**
 * Groups messages that are one matter, by single linkage over three kinds of evidence:
 * <ol>
 *   <li>near-duplicate text: SimHash within a few bits (found through 4 bands of 16 bits: two hashes within 3 bits
 *       agree exactly on at least one band);</li>
 *   <li>a shared specific place (a place that is neither a filed region nor named by a large share of all messages)
 *       and overlapping keywords;</li>
 *   <li>at least two shared rare title 4-grams and overlapping keywords: catches names the place recognizer does
 *       not know, such as housing estates (伊景园滨河苑) or cases (58车贷);</li>
 *   <li>same region with strongly overlapping keywords.</li>
 * </ol>
 * The predicted topic plays no part: one construction site is one issue even when the classifier files its messages
 * under two topics. Instead every link but a near-duplicate also needs the two messages to complain of the same kind
 * of thing ({@link ComplaintLikeness}: close sentence vectors when the index has them) and titles and texts that do
 * not name two different places of one kind (estates or building sites, stations, roads, companies) with none in
 * common ({@link NamedPlaces}), and every link needs the two messages to be close in time.
 * Candidates are only compared inside such blocks, so
 * the cost stays near-linear for realistic data.
 */
final class IssueClusterer {

    private static final int BANDS = 4;
    private static final int MIN_PLACE_CAP = 20;
    private static final int KEYWORDS = 10;
    private static final int MIN_SHARED_GRAMS = 2;

    private final HotspotSettings settings;
    private final ComplaintLikeness.Source likeness;

    IssueClusterer(HotspotSettings settings) {
        this(settings, ComplaintLikeness.Source.LEXICAL);
    }

    IssueClusterer(HotspotSettings settings, ComplaintLikeness.Source likeness) {
        this.settings = settings;
        this.likeness = likeness;
    }

    /** @param messages all with a creation time; @return groups as lists of indexes into {@code messages} */
    List<List<Integer>> cluster(List<IndexedMessage> messages) {
        int n = messages.size();
        // Cutting titles into grams needs nothing else, so it runs on the other core meanwhile.
        CompletableFuture<NumberedGrams> titleGrams = BackgroundWork.start("hotspot-grams", () -> NumberedGrams.of(messages));
        List<Set<String>> keywords = new ArrayList<>(n);
        for (IndexedMessage m : messages) {
            keywords.add(keywordsOf(m));
        }
        Candidates candidates = new Candidates(messages, keywords, likeness.over(messages));
        // Two independent halves of the evidence, one per core; their groupings are merged after.
        CompletableFuture<UnionFind> textAndPlaces = BackgroundWork.start("hotspot-links", () -> {
            UnionFind links = new UnionFind(n);
            linkNearDuplicates(messages, links);
            linkSharedPlaces(messages, candidates, links);
            return links;
        });
        UnionFind titlesAndRegions = new UnionFind(n);
        linkSharedTitleAnchors(BackgroundWork.join(titleGrams), candidates, titlesAndRegions);
        linkSameRegion(messages, candidates, titlesAndRegions);
        UnionFind groups = titlesAndRegions.merge(BackgroundWork.join(textAndPlaces));
        Map<Integer, List<Integer>> byRoot = new HashMap<>();
        for (int i = 0; i < n; i++) {
            byRoot.computeIfAbsent(groups.find(i), k -> new ArrayList<>()).add(i);
        }
        return new ArrayList<>(byRoot.values());
    }

    static Set<String> keywordsOf(IndexedMessage m) {
        List<String> source = m.analysis().keywords().isEmpty() ? m.analysis().tokens() : m.analysis().keywords();
        Set<String> set = new HashSet<>();
        for (String word : source) {
            if (set.size() == KEYWORDS) {
                break;
            }
            set.add(word);
        }
        return set;
    }

    /** Filed regions and regions the analysis found: names too broad to say two messages are one matter. */
    static Set<String> regionNames(List<IndexedMessage> messages) {
        Set<String> regions = new HashSet<>();
        for (IndexedMessage m : messages) {
            if (m.region() != null && !m.region().isBlank()) {
                regions.add(m.region());
            }
            if (m.analysis().region() != null && !m.analysis().region().isBlank()) {
                regions.add(m.analysis().region());
            }
        }
        return regions;
    }

    /** Places specific enough to link on: not a region name, not named by too many messages. */
    static Set<String> specificPlaces(List<IndexedMessage> messages, double maxShare) {
        Set<String> regions = regionNames(messages);
        Map<String, Integer> frequency = new HashMap<>();
        for (IndexedMessage m : messages) {
            for (String place : new HashSet<>(m.analysis().places())) {
                frequency.merge(place, 1, Integer::sum);
            }
        }
        double cap = Math.max(MIN_PLACE_CAP, maxShare * messages.size());
        Set<String> specific = new HashSet<>();
        frequency.forEach((place, count) -> {
            if (!regions.contains(place) && count <= cap) {
                specific.add(place);
            }
        });
        return specific;
    }

    private void linkNearDuplicates(List<IndexedMessage> messages, UnionFind groups) {
        Map<Long, List<Integer>> bands = new HashMap<>();
        for (int i = 0; i < messages.size(); i++) {
            long hash = messages.get(i).analysis().simhash();
            if (hash == 0) {
                continue; // no content words: the hash says nothing
            }
            for (int band = 0; band < BANDS; band++) {
                long key = ((long) band << 16) | ((hash >>> (16 * band)) & 0xFFFF);
                bands.computeIfAbsent(key, k -> new ArrayList<>()).add(i);
            }
        }
        for (List<Integer> block : bands.values()) {
            for (int a = 0; a < block.size(); a++) {
                for (int b = a + 1; b < block.size(); b++) {
                    int i = block.get(a);
                    int j = block.get(b);
                    if (closeInTime(messages.get(i), messages.get(j))
                            && hamming(messages.get(i).analysis().simhash(), messages.get(j).analysis().simhash())
                            <= settings.nearDuplicateBits()) {
                        groups.union(i, j);
                    }
                }
            }
        }
    }

    private void linkSharedPlaces(List<IndexedMessage> messages, Candidates candidates, UnionFind groups) {
        Set<String> specific = specificPlaces(messages, settings.maxPlaceFrequency());
        Map<String, List<Integer>> byPlace = new HashMap<>();
        for (int i = 0; i < messages.size(); i++) {
            for (String place : new HashSet<>(messages.get(i).analysis().places())) {
                if (specific.contains(place)) {
                    byPlace.computeIfAbsent(place, k -> new ArrayList<>()).add(i);
                }
            }
        }
        int[] seen = new int[messages.size()];
        for (List<Integer> block : byPlace.values()) {
            candidates.linkSimilar(block, settings.minKeywordOverlap(), groups, seen);
        }
    }

    /** Each message's title grams as numbers (one per distinct gram), and how many titles have each gram. */
    private record NumberedGrams(int[][] grams, int[] frequency, int distinct) {

        static NumberedGrams of(List<IndexedMessage> messages) {
            TitleRuns titles = new TitleRuns(regionNames(messages));
            Map<String, Integer> numbers = new HashMap<>();
            int[][] grams = new int[messages.size()][];
            int[] frequency = new int[16];
            for (int i = 0; i < messages.size(); i++) {
                Set<String> own = titles.grams(messages.get(i));
                int[] numbered = new int[own.size()];
                int k = 0;
                for (String gram : own) {
                    int number = numbers.computeIfAbsent(gram, g -> numbers.size());
                    if (number == frequency.length) {
                        frequency = java.util.Arrays.copyOf(frequency, 2 * number);
                    }
                    frequency[number]++;
                    numbered[k++] = number;
                }
                grams[i] = numbered;
            }
            return new NumberedGrams(grams, frequency, numbers.size());
        }
    }

    private void linkSharedTitleAnchors(NumberedGrams numbered, Candidates candidates, UnionFind groups) {
        int[][] grams = numbered.grams();
        int[] frequency = numbered.frequency();
        int n = grams.length;
        double cap = Math.max(MIN_PLACE_CAP, settings.maxPlaceFrequency() * n);
        // Oldest first; each message counts the grams it shares with earlier ones still close in time.
        int[][] earlierWith = new int[numbered.distinct()][];
        int[] earlierCount = new int[numbered.distinct()];
        int[] shared = new int[n];
        int[] touched = new int[n];
        for (int x : candidates.byTime()) {
            int touchedCount = 0;
            for (int gram : grams[x]) {
                if (frequency[gram] < 2 || frequency[gram] > cap) {
                    continue; // a gram in one title links nothing; one in many titles is a phrase, not a name
                }
                int[] earlier = earlierWith[gram];
                for (int e = earlierCount[gram] - 1; e >= 0 && candidates.closeInTime(x, earlier[e]); e--) {
                    int y = earlier[e];
                    if (shared[y]++ == 0) {
                        touched[touchedCount++] = y;
                    }
                }
                if (earlier == null) {
                    earlier = earlierWith[gram] = new int[frequency[gram]];
                }
                earlier[earlierCount[gram]++] = x;
            }
            for (int t = 0; t < touchedCount; t++) {
                int y = touched[t];
                if (shared[y] >= MIN_SHARED_GRAMS && candidates.similar(x, y, settings.minKeywordOverlap())) {
                    groups.union(x, y);
                }
                shared[y] = 0;
            }
        }
    }

    private void linkSameRegion(List<IndexedMessage> messages, Candidates candidates, UnionFind groups) {
        Map<String, List<Integer>> byRegion = new HashMap<>();
        for (int i = 0; i < messages.size(); i++) {
            IndexedMessage m = messages.get(i);
            if (m.region() != null) {
                byRegion.computeIfAbsent(m.region(), k -> new ArrayList<>()).add(i);
            }
        }
        int[] seen = new int[messages.size()];
        for (List<Integer> block : byRegion.values()) {
            candidates.linkSimilar(block, settings.minKeywordOverlapWithoutPlace(), groups, seen);
        }
    }

    /**
     * Finds the pairs of a block that are alike in complaint, close in time and overlap in keywords by at least a
     * Jaccard threshold, without comparing every pair: the all-pairs loop was quadratic in a block, and a block (one
     * topic in one region) holds thousands of messages over a few months. Two techniques keep it near-linear and
     * exact:
     * <ul>
     *   <li>prefix filtering: with each keyword set sorted rarest word first, two sets with Jaccard >= t share a
     *       word among the first {@code |x| - ceil(t|x|) + 1} words of each (they share at least ceil(t|x|) words,
     *       so x cannot hide them all after its prefix), so only messages sharing a prefix word are compared;</li>
     *   <li>time order: a message is compared with earlier ones, newest first, and stops at the first one more than
     *       the maximum gap before it.</li>
     * </ul>
     */
    private final class Candidates {

        private final long[] times;
        private final ComplaintLikeness likeness;
        private final List<IndexedMessage> messages;
        /** Each message's named places, read when first needed: most pairs fail on time or keywords first. */
        private final NamedPlaces[] places;
        /** Each message's keywords as word numbers, rarest word first (ties by number). */
        private final int[][] words;
        private final int[] byTime;
        private final int[] timeRank;

        Candidates(List<IndexedMessage> messages, List<Set<String>> keywords, ComplaintLikeness likeness) {
            int n = messages.size();
            times = new long[n];
            this.likeness = likeness;
            this.messages = messages;
            places = new NamedPlaces[n];
            Map<String, Integer> wordNumbers = new HashMap<>();
            int[] frequency = new int[16];
            words = new int[n][];
            for (int i = 0; i < n; i++) {
                times[i] = messages.get(i).message().createdAt().toEpochMilli();
                int[] set = new int[keywords.get(i).size()];
                int k = 0;
                for (String word : keywords.get(i)) {
                    int number = wordNumbers.computeIfAbsent(word, w -> wordNumbers.size());
                    if (number == frequency.length) {
                        frequency = java.util.Arrays.copyOf(frequency, 2 * number);
                    }
                    frequency[number]++;
                    set[k++] = number;
                }
                words[i] = set;
            }
            for (int[] set : words) {
                // rarest first, ties by number: frequency in the high half of a long, the number in the low half
                long[] keyed = new long[set.length];
                for (int k = 0; k < set.length; k++) {
                    keyed[k] = (long) frequency[set[k]] << 32 | set[k];
                }
                java.util.Arrays.sort(keyed);
                for (int k = 0; k < set.length; k++) {
                    set[k] = (int) keyed[k];
                }
            }
            byTime = java.util.stream.IntStream.range(0, n).boxed()
                    .sorted(java.util.Comparator.comparingLong((Integer i) -> times[i]).thenComparingInt(i -> i))
                    .mapToInt(Integer::intValue).toArray();
            timeRank = new int[n];
            for (int r = 0; r < n; r++) {
                timeRank[byTime[r]] = r;
            }
        }

        /** Message indexes, oldest first. */
        int[] byTime() {
            return byTime;
        }

        boolean closeInTime(int i, int j) {
            return Math.abs(times[i] - times[j]) <= settings.maxGap().toMillis();
        }

        boolean similar(int i, int j, double minOverlap) {
            return closeInTime(i, j) && overlap(words[i], words[j]) >= minOverlap
                    && likeness.alike(i, j) && !placesOf(i).differ(placesOf(j));
        }

        /** Both halves of the evidence run at once and may read one message; they compute the same value. */
        private NamedPlaces placesOf(int i) {
            NamedPlaces named = places[i];
            if (named == null) {
                named = NamedPlaces.of(messages.get(i));
                places[i] = named;
            }
            return named;
        }

        /**
         * @param seen one per pass, as long as there are messages: {@code seen[y] == x + 1} once x was compared
         *             with y in this pass, which gives the same answer in every block they share
         */
        void linkSimilar(List<Integer> block, double minOverlap, UnionFind groups, int[] seen) {
            if (block.size() < 2) {
                return;
            }
            int[] ordered = block.stream().mapToInt(Integer::intValue)
                    .boxed().sorted(java.util.Comparator.comparingInt(i -> timeRank[i]))
                    .mapToInt(Integer::intValue).toArray();
            Map<Integer, List<Integer>> postings = new HashMap<>();
            for (int x : ordered) {
                int[] set = words[x];
                if (set.length == 0) {
                    continue; // no keywords: overlap 0, never similar
                }
                // The small slack keeps float error (0.1 * 30 = 3.0000000000000004) from shortening the prefix.
                int prefix = set.length - (int) Math.ceil(minOverlap * set.length - 1e-9) + 1;
                for (int k = 0; k < Math.min(prefix, set.length); k++) {
                    List<Integer> earlier = postings.computeIfAbsent(set[k], w -> new ArrayList<>());
                    for (int e = earlier.size() - 1; e >= 0; e--) {
                        int y = earlier.get(e);
                        if (!closeInTime(x, y)) {
                            break; // earlier entries are older still
                        }
                        if (seen[y] != x + 1) {
                            seen[y] = x + 1;
                            if (similar(x, y, minOverlap)) {
                                groups.union(x, y);
                            }
                        }
                    }
                    earlier.add(x);
                }
            }
        }

        private static double overlap(int[] a, int[] b) {
            if (a.length == 0 || b.length == 0) {
                return 0;
            }
            int shared = 0;
            for (int word : a) {
                for (int other : b) {
                    if (word == other) {
                        shared++;
                        break;
                    }
                }
            }
            return (double) shared / (a.length + b.length - shared);
        }
    }

    private boolean closeInTime(IndexedMessage x, IndexedMessage y) {
        long gap = Math.abs(x.message().createdAt().toEpochMilli() - y.message().createdAt().toEpochMilli());
        return gap <= settings.maxGap().toMillis();
    }

    static int hamming(long a, long b) {
        return Long.bitCount(a ^ b);
    }

    static double jaccard(Set<String> a, Set<String> b) {
        if (a.isEmpty() || b.isEmpty()) {
            return 0;
        }
        int shared = 0;
        for (String word : a) {
            if (b.contains(word)) {
                shared++;
            }
        }
        return (double) shared / (a.size() + b.size() - shared);
    }

    private static final class UnionFind {
        private final int[] parent;

        UnionFind(int n) {
            parent = new int[n];
            for (int i = 0; i < n; i++) {
                parent[i] = i;
            }
        }

        int find(int i) {
            while (parent[i] != i) {
                parent[i] = parent[parent[i]];
                i = parent[i];
            }
            return i;
        }

        /** Adds the other grouping's links: messages end up together when either grouping has them together. */
        UnionFind merge(UnionFind other) {
            for (int i = 0; i < parent.length; i++) {
                union(i, other.find(i));
            }
            return this;
        }

        void union(int a, int b) {
            int ra = find(a);
            int rb = find(b);
            if (ra != rb) {
                parent[Math.max(ra, rb)] = Math.min(ra, rb);
            }
        }
    }
}
