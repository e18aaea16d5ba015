package org.minyi.alert;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.minyi.analysis.Analysis;
import org.minyi.analysis.Sentiment;
import org.minyi.index.IndexedMessage;
import org.minyi.insight.Burst;
import org.minyi.insight.HeatIndex;
import org.minyi.insight.Hotspot;
import org.minyi.message.Channel;
import org.minyi.message.Message;
import org.minyi.message.Reply;
import org.minyi.message.Votes;

/**
 * Issue 14: {@code Rule.matches} threw a NullPointerException for every message without a region as soon as any rule
 * had regions, and matching stopped for all rules. Here every rule shape meets every message and hotspot shape that
 * leaves optional fields out, and must answer without throwing.
 */
class RuleMatchingTest {

    private static final Destination TO = Destination.webhook("https://203.0.113.7/hook", "k");

    private static final List<Rule> RULES = List.of(
            rule(Set.of(), Set.of(), List.of(), null, null),
            rule(Set.of("环境保护"), Set.of(), List.of(), null, null),
            rule(Set.of(), Set.of("A5区"), List.of(), null, null),
            rule(Set.of(), Set.of(), List.of("油烟", "Noise"), null, null),
            rule(Set.of(), Set.of(), List.of(), -0.5, null),
            rule(Set.of("环境保护"), Set.of("A5区"), List.of("油烟"), -0.5, null),
            rule(Set.of(), Set.of(), List.of(), null, 0.0),
            rule(Set.of("环境保护"), Set.of("A5区"), List.of("油烟"), -0.5, 1.0));

    /** The optional parts of a message and its analysis, each present or absent: 2^13 shapes. */
    private static final int MESSAGE_PARTS = 13;

    @Test
    void noRuleThrowsOnAnyMessageShape() {
        long matched = 0;
        for (int absent = 0; absent < 1 << MESSAGE_PARTS; absent++) {
            for (double score : new double[] {-0.8, 0.4, Double.NaN}) {
                IndexedMessage m = message(absent, score);
                for (Rule rule : RULES) {
                    try {
                        if (rule.matches(m)) {
                            matched++;
                        }
                    } catch (RuntimeException e) {
                        fail("rule " + rule + " threw on message shape " + Integer.toBinaryString(absent) + ": " + e, e);
                    }
                }
            }
        }
        assertTrue(matched > 0, "the shapes with every field present do match");
    }

    @Test
    void aMessageWithoutRegionOrTopicMeetsNoConditionOnThemButTheOthersStill() {
        IndexedMessage bare = message((1 << MESSAGE_PARTS) - 1, -0.8);
        assertTrue(RULES.get(0).matches(bare), "a catch-all rule");
        assertFalse(RULES.get(1).matches(bare), "no topic: not in the topic set");
        assertFalse(RULES.get(2).matches(bare), "no region: not in the region set");
        assertTrue(RULES.get(4).matches(bare), "its sentiment is still there");
    }

    /** The optional parts of a hotspot: 2^9 shapes. */
    @Test
    void noRuleThrowsOnAnyHotspotShape() {
        for (int absent = 0; absent < 1 << 9; absent++) {
            Hotspot h = hotspot(absent);
            for (Rule rule : RULES) {
                try {
                    rule.matches(h);
                } catch (RuntimeException e) {
                    fail("rule " + rule + " threw on hotspot shape " + Integer.toBinaryString(absent) + ": " + e, e);
                }
            }
        }
    }

    @Test
    void aRuleThatFailsStopsNoneOfTheOthers() {
        Matching matching = new Matching(ReadScopes.UNRESTRICTED);
        List<Rule> rules = new ArrayList<>();
        for (String subscriber : List.of("a", "b", "c")) {
            rules.add(new Rule("r-" + subscriber, subscriber, null, Set.of(), Set.of(), List.of(), null, null, null, TO));
        }
        IndexedMessage m = message(0, -0.8);

        Map<String, List<Rule>> matched = matching.bySubscriber(rules, m, (rule, msg) -> {
            if (rule.id().equals("r-b")) {
                throw new IllegalStateException("a bug in one rule");
            }
            return rule.matches(msg);
        }, ReadScope::mayRead);

        assertEquals(Set.of("a", "c"), matched.keySet());
        assertEquals(1, matching.failures());
    }

    private static Rule rule(Set<String> topics, Set<String> regions, List<String> keywords, Double maxSentiment,
                             Double minHeat) {
        return new Rule("r", "s", null, topics, regions, keywords, maxSentiment, minHeat, null, TO);
    }

    /** Bit i of {@code absent} set: optional part i left out. */
    private static IndexedMessage message(int absent, double score) {
        boolean[] gone = new boolean[MESSAGE_PARTS];
        for (int i = 0; i < MESSAGE_PARTS; i++) {
            gone[i] = (absent & (1 << i)) != 0;
        }
        Message raw = new Message("m", gone[0] ? null : "board", gone[1] ? null : Channel.BOARD,
                gone[2] ? null : "油烟扰民", "餐饮店油烟 noise 扰民", gone[3] ? null : Instant.parse("2026-03-02T01:00:00Z"),
                gone[4] ? null : "A5区", gone[5] ? null : "https://example.org/m", gone[6] ? null : new Votes(3, 1),
                gone[7] ? null : new Reply("已转办", "市环保局", Instant.parse("2026-03-03T01:00:00Z")),
                gone[8] ? null : new Message.WorkOrder("环境", "已办结", "满意", "市环保局"));
        Analysis analysis = new Analysis(gone[9] ? List.of() : List.of("油烟", "扰民"), gone[10] ? null : "环境保护",
                0.9, gone[11] ? null : Sentiment.NEGATIVE, score, List.of(), gone[12] ? null : "A5区", List.of(),
                gone[9] ? List.of() : List.of("油烟"), null, null, gone[2] ? null : "油烟扰民", raw.text(), 0L);
        return new IndexedMessage(raw, analysis);
    }

    private static Hotspot hotspot(int absent) {
        boolean[] gone = new boolean[9];
        for (int i = 0; i < 9; i++) {
            gone[i] = (absent & (1 << i)) != 0;
        }
        Instant t = Instant.parse("2026-03-02T01:00:00Z");
        HeatIndex heat = gone[4] ? null : new HeatIndex(3.0, List.of(new HeatIndex.Part("growth", 1.0, 0.5, 0.5, "")));
        Burst burst = gone[5] ? null : new Burst("环境保护", null, 3, 3, 1.0, 1.0, 0, 0);
        List<Hotspot.Representative> representatives = gone[6] ? List.of()
                : List.of(new Hotspot.Representative("m", null, null, null, 0));
        return new Hotspot("h", gone[0] ? null : "魅力之城 油烟", gone[1] ? null : "环境保护",
                gone[7] ? List.of() : List.of("魅力之城"), gone[2] ? List.of() : List.of("A5区"), gone[3] ? null : t,
                gone[3] ? null : t, 3, 4, 1.0, -0.8, gone[8] ? List.of() : List.of("油烟"), representatives,
                List.of("m"), heat, burst, null, List.of(), List.of(), List.of());
    }
}
