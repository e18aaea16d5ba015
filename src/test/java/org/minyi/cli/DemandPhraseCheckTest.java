package org.minyi.cli;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.minyi.MinYiSettings;
import org.minyi.MinYiStack;
import org.minyi.index.DemandCount;
import org.minyi.index.MessageFilter;
import org.minyi.insight.DemandInsight;

/**
 * The top 50 demands of attachment 3, of all of it and of three topics, as read by a person: each action phrase
 * judged "real" (a distinct ask someone can act on) or not ("vague", "duplicate" of another phrase in the same list,
 * "fragment"), with a short reason, in {@code demand-verdicts.csv} (phrases and verdicts only, no message text). The
 * test recomputes the lists, names every phrase no verdict covers (the lists changed: read them again) and prints
 * the share of real asks per list: of every phrase, and of the phrases that rank by default, those at least
 * {@link DemandInsight#SHARED_BY} messages share.
 *
 * <p>Two sets of lists. The (all data, 城乡建设, 交通运输, 劳动和社会保障) were read at the end of every round
 * of rules, and the kinds of error seen there steered later rounds, so their figure is optimistic. The other four
 * topics (环境保护, 商贸旅游, 教育文体, 卫生计生) were read once, by a reader who had not seen them, after the third
 * round and with no rule written since: they are the fair check of how the rules carry to messages they were not
 * shaped on.
 */
@ExtendWith(AttachmentThreeData.class)
class DemandPhraseCheckTest {

    private static final Path VERDICTS = Path.of("src", "test", "resources", "org", "minyi", "insight",
            "demand-verdicts.csv");
    static final List<String> SCOPES = List.of("全部", "城乡建设", "交通运输", "劳动和社会保障");
    /** Topic lists read once, blind, after the rules were fixed (stop 25). */
    static final List<String> UNSEEN_SCOPES = List.of("环境保护", "商贸旅游", "教育文体", "卫生计生");
    private static final int TOP = 50;

    @Test
    void topDemandsOfAttachmentThreeAreRealDistinctAsks() throws IOException {
        AttachmentThreeIndex.ensure();
        Map<String, List<DemandCount>> lists = new LinkedHashMap<>();
        try (MinYiStack stack = MinYiStack.open(MinYiSettings.fromSystemProperties())) {
            DemandInsight insight = new DemandInsight(stack.index());
            for (String scope : Stream.concat(SCOPES.stream(), UNSEEN_SCOPES.stream()).toList()) {
                // every phrase, said once or more: the default ranking is its head, the phrases shared by two or more
                lists.put(scope, insight.topDemands(MessageFilter.ALL, scope.equals("全部") ? null : scope, null, TOP,
                        1));
            }
        }
        Map<String, String> verdicts = readVerdicts(VERDICTS);
        StringBuilder draft = new StringBuilder("scope,demandKey,count,verdict\n");
        List<String> unread = new ArrayList<>();
        for (Map.Entry<String, List<DemandCount>> list : lists.entrySet()) {
            for (DemandCount d : list.getValue()) {
                String verdict = verdicts.get(list.getKey() + "," + d.demandKey());
                draft.append(list.getKey()).append(',').append(d.demandKey()).append(',').append(d.count())
                        .append(',').append(verdict == null ? "" : verdict).append('\n');
                if (verdict == null) {
                    unread.add(list.getKey() + " " + d.demandKey());
                }
            }
        }
        Files.writeString(Path.of("target", "demand-verdicts-draft.csv"), draft, StandardCharsets.UTF_8);
        assertTrue(unread.isEmpty(), "phrases without a verdict (the lists changed; read "
                + "target/demand-verdicts-draft.csv and update " + VERDICTS + "): " + unread);

        Share seen = share("issue's lists", SCOPES, lists, verdicts);
        Share unseen = share("unseen lists", UNSEEN_SCOPES, lists, verdicts);
        assertTrue(seen.ranked() >= SEEN_RANKED_FLOOR, "issue's lists as ranked: " + seen);
        assertTrue(seen.all() >= SEEN_ALL_FLOOR, "issue's lists, every phrase: " + seen);
        assertTrue(unseen.ranked() >= UNSEEN_RANKED_FLOOR, "unseen lists as ranked: " + unseen);
        assertTrue(unseen.all() >= UNSEEN_ALL_FLOOR, "unseen lists, every phrase: " + unseen);
    }

    /** Real asks among every phrase of the lists, and among those that rank by default. */
    private record Share(long real, long phrases, long realRanked, long rankedPhrases) {
        double all() {
            return (double) real / Math.max(1, phrases);
        }

        double ranked() {
            return (double) realRanked / Math.max(1, rankedPhrases);
        }
    }

    private static Share share(String name, List<String> scopes, Map<String, List<DemandCount>> lists,
            Map<String, String> verdicts) {
        long real = 0;
        long phrases = 0;
        long realRanked = 0;
        long ranked = 0;
        for (String scope : scopes) {
            List<DemandCount> list = lists.get(scope);
            long realHere = list.stream().filter(d -> isReal(verdicts, scope, d)).count();
            List<DemandCount> shared = list.stream().filter(d -> d.count() >= DemandInsight.SHARED_BY).toList();
            long realShared = shared.stream().filter(d -> isReal(verdicts, scope, d)).count();
            System.out.printf("demands %s: %d of %d real distinct asks; as ranked (shared by %d or more): %d of %d%n",
                    scope, realHere, list.size(), DemandInsight.SHARED_BY, realShared, shared.size());
            real += realHere;
            phrases += list.size();
            realRanked += realShared;
            ranked += shared.size();
        }
        Share share = new Share(real, phrases, realRanked, ranked);
        System.out.printf("demands %s: %d of %d real (%.1f%%); as ranked %d of %d (%.1f%%)%n", name, real, phrases,
                100 * share.all(), realRanked, ranked, 100 * share.ranked());
        return share;
    }

    private static boolean isReal(Map<String, String> verdicts, String scope, DemandCount d) {
        return "real".equals(verdicts.get(scope + "," + d.demandKey()));
    }

    /*
     * The shares measured when the verdicts were last read (stop 25, after the third round of rules of
     * models/labels/GUIDE.md §8). The lists: 124 of 133 phrases real (93.2 %; all data 47 of 50, 城乡建设 47
     * of 50, 交通运输 24 of 27, 劳动和社会保障 6 of 6), 91 of 95 (95.8 %) of those that rank. It was 118 of 134 after
     * the second round, 117 of 134 after the first, 101 of 132 before it, 93 of 160 and 78 of 197 before that. The
     * unseen lists: 32 of 64 (50 %; 环境保护 14 of 28, 商贸旅游 6 of 12, 教育文体 11 of 21, 卫生计生 1 of 3), 9 of 10
     * of those that rank. Floors only keep a change from making the phrases worse unnoticed.
     *
     * <p>After the topic model was retrained on the targeted labels (2026-12-07) the phrases are the same but some
     * messages changed topic, so the lists changed: the lists 130 of 139 (93.5 %), 87 of 90 ranked; the
     * unseen lists 31 of 61, and 9 of 11 ranked — 增设走廊 (vague) now has two 商贸旅游 messages and ranks. The new
     * pairs were read by the lead with their example clauses; no phrase rule was written after.
     */
    private static final double SEEN_RANKED_FLOOR = 0.95;
    private static final double SEEN_ALL_FLOOR = 0.93;
    private static final double UNSEEN_RANKED_FLOOR = 0.8;
    private static final double UNSEEN_ALL_FLOOR = 0.5;

    /**
     * scope,demandKey,verdict,reason → "scope,demandKey" → verdict; every row must have a reason and one of the
     * verdicts of guide §8. Also read for the development lists ({@link DemandPhraseDevelopmentListTest}).
     */
    static Map<String, String> readVerdicts(Path file) throws IOException {
        Map<String, String> verdicts = new LinkedHashMap<>();
        for (String[] f : VerdictRows.read(file, 4, 2, List.of("real", "vague", "duplicate", "fragment"))) {
            verdicts.put(f[0] + "," + f[1], f[2]);
        }
        return verdicts;
    }
}
