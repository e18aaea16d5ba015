package org.minyi.insight;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import org.minyi.index.IndexedMessage;

/**
 * Groups messages that are one matter, by single linkage over three kinds of evidence:
 * <ol>
 *   <li>near-duplicate text: SimHash within a few bits (found through 4 bands of 16 bits: two hashes within 3 bits
 *       agree exactly on at least one band);</li>
 *   <li>same topic, a shared specific place (a place that is neither a filed region nor named by a large share of
 *       all messages) and overlapping keywords;</li>
 *   <li>same topic, at least two shared rare title 4-grams and overlapping keywords: catches names the place
 *       recognizer does not know, such as housing estates (伊景园滨河苑) or cases (58车贷);</li>
 *   <li>same topic and region with strongly overlapping keywords.</li>
 * </ol>
 * Every link also needs the two messages to be close in time. Candidates are only compared inside such blocks, so
 * the cost stays near-linear for realistic data.
 */
final class IssueClusterer {

    private static final int BANDS = 4;
    private static final int MIN_PLACE_CAP = 20;
    private static final int KEYWORDS = 10;
    private static final int GRAM = 4;
    private static final int MIN_SHARED_GRAMS = 2;
    private static final int MAX_TITLE = 60;

    private final HotspotSettings settings;

    IssueClusterer(HotspotSettings settings) {
        this.settings = settings;
    }

    /** @param messages all with a creation time; @return groups as lists of indexes into {@code messages} */
    List<List<Integer>> cluster(List<IndexedMessage> messages) {
        int n = messages.size();
        List<Set<String>> keywords = new ArrayList<>(n);
        for (IndexedMessage m : messages) {
            keywords.add(keywordsOf(m));
        }
        UnionFind groups = new UnionFind(n);
        linkNearDuplicates(messages, groups);
        linkSharedPlaces(messages, keywords, groups);
        linkSharedTitleAnchors(messages, keywords, groups);
        linkSameTopicAndRegion(messages, keywords, groups);
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

    private void linkSharedPlaces(List<IndexedMessage> messages, List<Set<String>> keywords, UnionFind groups) {
        Set<String> specific = specificPlaces(messages, settings.maxPlaceFrequency());
        Map<String, List<Integer>> byPlace = new HashMap<>();
        for (int i = 0; i < messages.size(); i++) {
            for (String place : new HashSet<>(messages.get(i).analysis().places())) {
                if (specific.contains(place)) {
                    byPlace.computeIfAbsent(place, k -> new ArrayList<>()).add(i);
                }
            }
        }
        linkWithin(byPlace.values(), messages, keywords, settings.minKeywordOverlap(), groups);
    }

    private void linkSharedTitleAnchors(List<IndexedMessage> messages, List<Set<String>> keywords,
                                        UnionFind groups) {
        Set<String> regions = regionNames(messages);
        Map<String, List<Integer>> byGram = new HashMap<>();
        for (int i = 0; i < messages.size(); i++) {
            for (String gram : titleGrams(messages.get(i), regions)) {
                byGram.computeIfAbsent(gram, k -> new ArrayList<>()).add(i);
            }
        }
        double cap = Math.max(MIN_PLACE_CAP, settings.maxPlaceFrequency() * messages.size());
        Map<Long, Integer> shared = new HashMap<>();
        for (List<Integer> block : byGram.values()) {
            if (block.size() < 2 || block.size() > cap) {
                continue; // a gram in one title links nothing; one in many titles is a phrase, not a name
            }
            for (int a = 0; a < block.size(); a++) {
                for (int b = a + 1; b < block.size(); b++) {
                    shared.merge((long) block.get(a) * messages.size() + block.get(b), 1, Integer::sum);
                }
            }
        }
        shared.forEach((pair, count) -> {
            int i = (int) (pair / messages.size());
            int j = (int) (pair % messages.size());
            IndexedMessage x = messages.get(i);
            IndexedMessage y = messages.get(j);
            if (count >= MIN_SHARED_GRAMS && Objects.equals(x.analysis().topic(), y.analysis().topic())
                    && closeInTime(x, y) && jaccard(keywords.get(i), keywords.get(j)) >= settings.minKeywordOverlap()) {
                groups.union(i, j);
            }
        });
    }

    /**
     * Distinct 4-character runs of letters and digits in the (masked) title, or the text's start without one.
     * Region names are cut out first: "A市绿地…" and "A市地铁…" share a region, not a matter.
     */
    static Set<String> titleGrams(IndexedMessage m, Set<String> regions) {
        Set<String> grams = new HashSet<>();
        for (String run : titleRuns(m, regions)) {
            for (int k = 0; k + GRAM <= run.length() && k < MAX_TITLE; k++) {
                grams.add(run.substring(k, k + GRAM));
            }
        }
        return grams;
    }

    /** The title (or text start) cut at region names and at everything but letters and digits. */
    static List<String> titleRuns(IndexedMessage m, Set<String> regions) {
        String title = m.message().title() != null ? m.message().title() : m.message().text();
        for (String region : regions) {
            title = title.replace(region, " ");
        }
        return List.of(title.replaceAll("[^\\p{L}\\p{Nd}]+", " ").strip().split(" +"));
    }

    private void linkSameTopicAndRegion(List<IndexedMessage> messages, List<Set<String>> keywords,
                                        UnionFind groups) {
        Map<String, List<Integer>> byTopicRegion = new HashMap<>();
        for (int i = 0; i < messages.size(); i++) {
            IndexedMessage m = messages.get(i);
            if (m.region() != null) {
                byTopicRegion.computeIfAbsent(m.analysis().topic() + '\u0000' + m.region(), k -> new ArrayList<>())
                        .add(i);
            }
        }
        linkWithin(byTopicRegion.values(), messages, keywords, settings.minKeywordOverlapWithoutPlace(), groups);
    }

    private void linkWithin(Iterable<List<Integer>> blocks, List<IndexedMessage> messages,
                            List<Set<String>> keywords, double minOverlap, UnionFind groups) {
        for (List<Integer> block : blocks) {
            for (int a = 0; a < block.size(); a++) {
                for (int b = a + 1; b < block.size(); b++) {
                    int i = block.get(a);
                    int j = block.get(b);
                    IndexedMessage x = messages.get(i);
                    IndexedMessage y = messages.get(j);
                    if (Objects.equals(x.analysis().topic(), y.analysis().topic()) && closeInTime(x, y)
                            && jaccard(keywords.get(i), keywords.get(j)) >= minOverlap) {
                        groups.union(i, j);
                    }
                }
            }
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

        void union(int a, int b) {
            int ra = find(a);
            int rb = find(b);
            if (ra != rb) {
                parent[Math.max(ra, rb)] = Math.min(ra, rb);
            }
        }
    }
}
