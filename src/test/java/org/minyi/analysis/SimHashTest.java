package org.minyi.analysis;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.minyi.message.Message;

/**
 * Near-duplicates must be a few bits apart and unrelated messages far apart. The thresholds were chosen from the
 * distributions this test prints (rerun it to see them): {@value #NEAR} bits separates the two populations.
 */
class SimHashTest {

    /** Hamming distance at or below which two messages count as near-duplicates. */
    static final int NEAR = 12;

    private final AnalysisPipeline pipeline = Pipelines.shared();

    @Test
    void distanceCountsDifferingBits() {
        assertEquals(0, SimHash.distance(0x1234L, 0x1234L));
        assertEquals(64, SimHash.distance(0L, -1L));
        assertEquals(3, SimHash.distance(0b1011L, 0b0000L));
    }

    @Test
    void sameBagOfWordsSameFingerprint() {
        assertEquals(SimHash.of(List.of("路灯", "不亮", "路灯")), SimHash.of(List.of("不亮", "路灯", "路灯")));
        assertNotEquals(SimHash.of(List.of("路灯", "不亮")), SimHash.of(List.of("路灯", "不亮", "路灯")),
                "term frequency weighs");
        assertEquals(0L, SimHash.of(List.of()));
    }

    @Test
    void wordHashesSpreadOverAllBits() {
        // SimHash needs every bit to be 1 for about half the words; short Chinese words differ in one char only.
        int[] ones = new int[64];
        int words = 0;
        for (char a = '一'; a < '一' + 100; a++) {
            for (char b = '丁'; b < '丁' + 20; b++) {
                long h = WordHash.hash64("" + a + b);
                words++;
                for (int bit = 0; bit < 64; bit++) {
                    ones[bit] += (int) ((h >>> bit) & 1L);
                }
            }
        }
        for (int bit = 0; bit < 64; bit++) {
            double share = ones[bit] / (double) words;
            assertTrue(share > 0.45 && share < 0.55, "bit " + bit + " is set for " + share + " of words");
        }
    }

    @Test
    void repeatedBodiesOfTheVotesFileAreNearAndUnrelatedMessagesFar() {
        List<Message> messages = RealMessages.withVotes();
        Map<String, List<Message>> byBody = new LinkedHashMap<>();
        for (Message m : messages) {
            byBody.computeIfAbsent(m.text().replaceAll("\\s+", ""), k -> new ArrayList<>()).add(m);
        }
        List<Integer> repeated = new ArrayList<>();
        for (List<Message> same : byBody.values()) {
            for (int i = 1; i < same.size(); i++) {
                repeated.add(SimHash.distance(fingerprint(same.get(0)), fingerprint(same.get(i))));
            }
        }
        List<String> bodies = new ArrayList<>(byBody.keySet());
        Random random = new Random(20200101);
        List<Integer> unrelated = new ArrayList<>();
        for (int i = 0; i < 2000; i++) {
            Message a = byBody.get(bodies.get(random.nextInt(bodies.size()))).get(0);
            Message b = byBody.get(bodies.get(random.nextInt(bodies.size()))).get(0);
            if (a != b) {
                unrelated.add(SimHash.distance(fingerprint(a), fingerprint(b)));
            }
        }
        report("repeated bodies (same text, own titles)", repeated);
        report("random unrelated pairs", unrelated);
        assertTrue(repeated.size() >= 100, "expected about 104 repeated bodies, found " + repeated.size());
        assertTrue(share(repeated, NEAR) >= 0.95, "repeated bodies within " + NEAR + " bits: " + share(repeated, NEAR));
        assertTrue(share(unrelated, NEAR) <= 0.01, "unrelated within " + NEAR + " bits: " + share(unrelated, NEAR));
    }

    @Test
    void messageWithOneSentenceChangedStaysNear() {
        List<Message> messages = RealMessages.labeled();
        Random random = new Random(7);
        List<Integer> changed = new ArrayList<>();
        for (Message m : messages) {
            String[] sentences = m.text().strip().split("(?<=[。！？])");
            if (sentences.length < 5) {
                continue;
            }
            Message donor = messages.get(random.nextInt(messages.size()));
            String[] donorSentences = donor.text().strip().split("(?<=[。！？])");
            String[] edited = Arrays.copyOf(sentences, sentences.length);
            edited[sentences.length / 2] = donorSentences[donorSentences.length / 2];
            long original = fingerprint(m);
            long edit = pipeline.analyze(m.title(), String.join("", edited)).simhash();
            changed.add(SimHash.distance(original, edit));
        }
        report("one sentence of 5+ replaced by another message's", changed);
        assertTrue(changed.size() >= 200, "too few long messages: " + changed.size());
        assertTrue(share(changed, NEAR) >= 0.8, "edited messages within " + NEAR + " bits: " + share(changed, NEAR));
    }

    private final Map<Message, Long> fingerprints = new java.util.IdentityHashMap<>();

    private long fingerprint(Message m) {
        return fingerprints.computeIfAbsent(m, message -> pipeline.analyze(message).simhash());
    }

    private static double share(List<Integer> distances, int atMost) {
        return distances.stream().filter(d -> d <= atMost).count() / (double) distances.size();
    }

    private static void report(String what, List<Integer> distances) {
        List<Integer> sorted = distances.stream().sorted().toList();
        System.out.printf("simhash %s: n=%d, min %d, p10 %d, median %d, p90 %d, max %d; within %d bits: %.1f%%%n",
                what, sorted.size(), sorted.get(0), sorted.get(sorted.size() / 10), sorted.get(sorted.size() / 2),
                sorted.get(sorted.size() * 9 / 10), sorted.get(sorted.size() - 1), NEAR, 100 * share(sorted, NEAR));
    }
}
