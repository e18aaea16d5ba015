package org.minyi.insight;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import org.junit.jupiter.api.RepeatedTest;
import org.junit.jupiter.api.RepetitionInfo;
import org.minyi.analysis.Analysis;
import org.minyi.analysis.Sentiment;
import org.minyi.index.IndexedMessage;
import org.minyi.message.Channel;
import org.minyi.message.Message;
import org.minyi.message.Votes;

/**
 * The clusterer avoids comparing every pair (prefix filtering, time order), so it is checked against the rules
 * applied to every pair, on random messages dense enough in words, places, titles and hashes that all four kinds of
 * link occur many times.
 */
class IssueClustererTest {

    private static final HotspotSettings SETTINGS = HotspotSettings.defaults();
    private static final List<String> TOPICS = List.of("城乡建设", "环境保护", "交通运输");
    private static final List<String> REGIONS = List.of("雨花区", "岳麓区", "芙蓉区");
    private static final String TITLE_LETTERS = "丽发新城小区伊景园滨河苑车贷路灯噪音";

    @RepeatedTest(8)
    void groupsAreThoseOfTheRulesAppliedToEveryPair(RepetitionInfo repetition) {
        long seed = 7919L * repetition.getCurrentRepetition();
        List<IndexedMessage> messages = randomMessages(new Random(seed), 600);

        // Odd runs: no sentence vectors (lexical evidence only); even runs: one of three random "kinds" of
        // complaint per message, drawn independently of its topic, as vectors two of a kind are alike by.
        ComplaintLikeness.Source likeness = repetition.getCurrentRepetition() % 2 == 1
                ? ComplaintLikeness.Source.LEXICAL
                : ComplaintLikeness.Source.vectors(IssueClustererTest::kindVector, 0.9);
        Set<Set<Integer>> fast = partition(new IssueClusterer(SETTINGS, likeness).cluster(messages));
        Set<Set<Integer>> reference = partition(allPairs(messages, likeness.over(messages)));

        assertEquals(reference, fast, "seed " + seed);
        assertTrue(reference.stream().anyMatch(g -> g.size() > 2), "the random messages should form some issues");
    }

    private static List<IndexedMessage> randomMessages(Random random, int n) {
        List<String> vocabulary = new ArrayList<>();
        for (int i = 0; i < 40; i++) {
            vocabulary.add("词" + i);
        }
        List<String> places = List.of("魅力之城小区", "劳动东路", "西湖路", "雨花区", "万家丽路", "湘江");
        List<IndexedMessage> messages = new ArrayList<>();
        long[] hashes = new long[20];
        for (int i = 0; i < hashes.length; i++) {
            hashes[i] = random.nextLong();
        }
        for (int i = 0; i < n; i++) {
            Set<String> keywords = new TreeSet<>();
            int size = random.nextInt(12); // 0..11, so some have none and some more than kept
            // Skewed choice: low-numbered words are common, as real keywords are.
            while (keywords.size() < size) {
                keywords.add(vocabulary.get((int) Math.floor(Math.pow(random.nextDouble(), 2) * vocabulary.size())));
            }
            List<String> named = random.nextInt(3) == 0 ? List.of(places.get(random.nextInt(places.size())))
                    : List.of();
            StringBuilder title = new StringBuilder();
            for (int k = 0; k < 6 + random.nextInt(6); k++) {
                title.append(TITLE_LETTERS.charAt(random.nextInt(TITLE_LETTERS.length())));
            }
            long hash = random.nextInt(4) == 0 ? hashes[random.nextInt(hashes.length)] ^ (1L << random.nextInt(64))
                    : random.nextLong();
            Instant at = Instant.parse("2024-01-01T00:00:00Z").plusSeconds(random.nextLong(200L * 86_400));
            String region = random.nextInt(5) == 0 ? null : REGIONS.get(random.nextInt(REGIONS.size()));
            String topic = TOPICS.get(random.nextInt(TOPICS.size()));
            List<String> words = new ArrayList<>(keywords);
            Message message = new Message("m" + i, "test", Channel.BOARD, title.toString(), "留言" + String.join("，", words),
                    at, region, null, new Votes(0, 0), null);
            Analysis analysis = new Analysis(words, topic, 0.9, Sentiment.NEGATIVE, -0.5, named, region, List.of(),
                    words, null, null, message.title(), message.text(), hash);
            messages.add(new IndexedMessage(message, analysis));
        }
        return messages;
    }

    @org.junit.jupiter.api.Test
    void theSameComplaintAtOnePlaceIsOneIssueWhateverTopicsTheClassifierGave() {
        IndexedMessage a = Messages.message("a", "2024-03-01", "城乡建设", "A2区", List.of("枫林路"),
                List.of("工地", "夜间", "施工", "噪音"), 1L, Sentiment.NEGATIVE, 0);
        IndexedMessage b = Messages.message("b", "2024-03-02", "环境保护", "A2区", List.of("枫林路"),
                List.of("工地", "夜间", "施工", "扰民"), 2L, Sentiment.NEGATIVE, 0);

        assertEquals(List.of(List.of(0, 1)), new IssueClusterer(SETTINGS).cluster(List.of(a, b)));
    }

    @org.junit.jupiter.api.Test
    void theSameComplaintAboutTwoEstatesIsTwoIssuesAndOneEstateNamedTwoWaysIsOne() {
        List<String> fumes = List.of("临街", "门面", "油烟", "直排", "扰民");
        IndexedMessage a = titled("a", "A3区梅溪湖看云路润芳园小区临街门面油烟直排扰民", fumes);
        IndexedMessage b = titled("b", "魅力之城小区临街门面油烟直排扰民", fumes);
        IndexedMessage c = titled("c", "A5区劳动东路魅力之城小区油烟直排扰民", fumes);

        Set<Set<Integer>> groups = partition(new IssueClusterer(SETTINGS).cluster(List.of(a, b, c)));

        assertEquals(Set.of(Set.of(0), Set.of(1, 2)), groups);
    }

    private static IndexedMessage titled(String id, String title, List<String> keywords) {
        Message message = new Message(id, "test", Channel.BOARD, title, String.join("，", keywords),
                Instant.parse("2019-08-01T02:00:00Z"), "A5区", null, new Votes(0, 0), null);
        Analysis analysis = new Analysis(keywords, "城乡建设", 0.9, Sentiment.NEGATIVE, -0.5, List.of(), "A5区",
                List.of(), keywords, null, null, title, message.text(), 0);
        return new IndexedMessage(message, analysis);
    }

    /** A message's kind of complaint, from a hash of its id: one of three orthogonal unit vectors. */
    private static float[] kindVector(IndexedMessage m) {
        float[] v = new float[3];
        v[Math.floorMod(m.id().hashCode() * 31 + 7, 3)] = 1f;
        return v;
    }

    /** The four rules of {@link IssueClusterer}, tried on every pair. */
    private static List<List<Integer>> allPairs(List<IndexedMessage> messages, ComplaintLikeness likeness) {
        int n = messages.size();
        Set<String> specific = IssueClusterer.specificPlaces(messages, SETTINGS.maxPlaceFrequency());
        TitleRuns titles = new TitleRuns(IssueClusterer.regionNames(messages));
        List<Set<String>> grams = new ArrayList<>();
        Map<String, Integer> gramFrequency = new TreeMap<>();
        for (IndexedMessage m : messages) {
            Set<String> own = titles.grams(m);
            grams.add(own);
            own.forEach(g -> gramFrequency.merge(g, 1, Integer::sum));
        }
        double gramCap = Math.max(20, SETTINGS.maxPlaceFrequency() * n);
        int[] parent = new int[n];
        for (int i = 0; i < n; i++) {
            parent[i] = i;
        }
        for (int i = 0; i < n; i++) {
            for (int j = i + 1; j < n; j++) {
                IndexedMessage x = messages.get(i);
                IndexedMessage y = messages.get(j);
                long gap = Math.abs(x.message().createdAt().toEpochMilli() - y.message().createdAt().toEpochMilli());
                if (gap > SETTINGS.maxGap().toMillis()) {
                    continue;
                }
                boolean alike = likeness.alike(i, j) && !NamedPlaces.of(x).differ(NamedPlaces.of(y));
                double overlap = IssueClusterer.jaccard(IssueClusterer.keywordsOf(x), IssueClusterer.keywordsOf(y));
                boolean nearDuplicate = x.analysis().simhash() != 0 && y.analysis().simhash() != 0
                        && IssueClusterer.hamming(x.analysis().simhash(), y.analysis().simhash())
                        <= SETTINGS.nearDuplicateBits();
                Set<String> sharedPlaces = new HashSet<>(x.analysis().places());
                sharedPlaces.retainAll(y.analysis().places());
                sharedPlaces.retainAll(specific);
                long sharedGrams = grams.get(i).stream().filter(grams.get(j)::contains)
                        .filter(g -> gramFrequency.get(g) <= gramCap).count();
                boolean sameRegion = x.region() != null && x.region().equals(y.region());
                if (nearDuplicate
                        || (alike && !sharedPlaces.isEmpty() && overlap >= SETTINGS.minKeywordOverlap())
                        || (alike && sharedGrams >= 2 && overlap >= SETTINGS.minKeywordOverlap())
                        || (alike && sameRegion && overlap >= SETTINGS.minKeywordOverlapWithoutPlace())) {
                    parent[root(parent, i)] = root(parent, j);
                }
            }
        }
        Map<Integer, List<Integer>> groups = new TreeMap<>();
        for (int i = 0; i < n; i++) {
            groups.computeIfAbsent(root(parent, i), k -> new ArrayList<>()).add(i);
        }
        return new ArrayList<>(groups.values());
    }

    private static int root(int[] parent, int i) {
        while (parent[i] != i) {
            i = parent[i];
        }
        return i;
    }

    private static Set<Set<Integer>> partition(List<List<Integer>> groups) {
        Set<Set<Integer>> result = new HashSet<>();
        groups.forEach(g -> result.add(Set.copyOf(g)));
        return result;
    }
}
