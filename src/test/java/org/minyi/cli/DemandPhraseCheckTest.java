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
import java.util.Set;
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
 * the share of real asks per list.
 */
@ExtendWith(AttachmentThreeData.class)
class DemandPhraseCheckTest {

    private static final Path VERDICTS = Path.of("src", "test", "resources", "org", "minyi", "insight",
            "demand-verdicts.csv");
    static final List<String> SCOPES = List.of("全部", "城乡建设", "交通运输", "劳动和社会保障");
    private static final int TOP = 50;

    @Test
    void topDemandsOfAttachmentThreeAreRealDistinctAsks() throws IOException {
        AttachmentThreeIndex.ensure();
        Map<String, List<DemandCount>> lists = new LinkedHashMap<>();
        try (MinYiStack stack = MinYiStack.open(MinYiSettings.fromSystemProperties())) {
            DemandInsight insight = new DemandInsight(stack.index());
            for (String scope : SCOPES) {
                lists.put(scope, insight.topDemands(MessageFilter.ALL, scope.equals("全部") ? null : scope, null, TOP));
            }
        }
        Map<String, String> verdicts = readVerdicts(VERDICTS);
        StringBuilder draft = new StringBuilder("scope,demandKey,count,verdict\n");
        List<String> unread = new ArrayList<>();
        long real = 0;
        long judged = 0;
        for (Map.Entry<String, List<DemandCount>> list : lists.entrySet()) {
            long realHere = 0;
            for (DemandCount d : list.getValue()) {
                String verdict = verdicts.get(list.getKey() + "," + d.demandKey());
                draft.append(list.getKey()).append(',').append(d.demandKey()).append(',').append(d.count())
                        .append(',').append(verdict == null ? "" : verdict).append('\n');
                if (verdict == null) {
                    unread.add(list.getKey() + " " + d.demandKey());
                } else if (verdict.equals("real")) {
                    realHere++;
                }
            }
            System.out.printf("demands %s: %d of %d real distinct asks (%.0f%%)%n", list.getKey(), realHere,
                    list.getValue().size(), 100.0 * realHere / Math.max(1, list.getValue().size()));
            real += realHere;
            judged += list.getValue().size();
        }
        Files.writeString(Path.of("target", "demand-verdicts-draft.csv"), draft, StandardCharsets.UTF_8);
        System.out.printf("demands overall: %d of %d real distinct asks (%.1f%%)%n", real, judged,
                100.0 * real / judged);
        assertTrue(unread.isEmpty(), "phrases without a verdict (the lists changed; read "
                + "target/demand-verdicts-draft.csv and update " + VERDICTS + "): " + unread);
        assertTrue(real >= MEASURED_FLOOR * judged, "share of real asks fell below the measured "
                + MEASURED_FLOOR + ": " + real + " of " + judged);
    }

    /**
     * The share measured when the verdicts were last read, after the rules of models/labels/GUIDE.md §8 (developed on
     * attachment 4 and the raw 921 only; these lists were read once, at the end of each round): 118 of 134 (88.1 %;
     * all data 47 of 50, 城乡建设 43 of 50, 交通运输 22 of 28, 劳动和社会保障 6 of 6) after the second round (P11–P14).
     * It was 117 of 134 (87.3 %) after the first, 101 of 132 (76.5 %) before it, 93 of 160 and 78 of 197 before that.
     * The goal of issue 14 is 0.9 and is not reached; this floor only keeps a change from
     * making the phrases worse unnoticed.
     */
    private static final double MEASURED_FLOOR = 0.88;

    /**
     * scope,demandKey,verdict,reason → "scope,demandKey" → verdict; every row must have a reason and one of the
     * verdicts of guide §8. Also read for the development lists ({@link DemandPhraseDevelopmentListTest}).
     */
    static Map<String, String> readVerdicts(Path file) throws IOException {
        Map<String, String> verdicts = new LinkedHashMap<>();
        List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
        for (String line : lines.subList(1, lines.size())) {
            if (line.isBlank()) {
                continue;
            }
            String[] f = line.split(",", 4);
            assertTrue(f.length == 4 && !f[3].isBlank(), "every verdict needs a reason: " + line);
            assertTrue(Set.of("real", "vague", "duplicate", "fragment").contains(f[2]), "unknown verdict: " + line);
            verdicts.put(f[0] + "," + f[1], f[2]);
        }
        return verdicts;
    }
}
