package org.minyi.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.minyi.MinYiSettings;
import org.minyi.MinYiStack;
import org.minyi.index.MessageFilter;
import org.minyi.insight.Hotspot;
import org.minyi.insight.Hotspots;
import org.minyi.insight.IssueTable;

/**
 * The top 5 hotspots of attachment 3 (all of it, as {@link HotspotPurityTest} reads them) with issues formed at
 * query time and with issues assigned when {@code minyi import} indexed the file, printed side by side. Quality is
 * read from the hand verdicts of the purity sample ({@code hotspot-purity-seed-1414.csv}, judged on the query-time
 * hotspots): a sampled member in a hotspot of either list counts as right when it was judged "same" for the
 * query-time hotspot that hotspot matches best (most members shared), as wrong when judged "other" there or when it
 * was judged for another issue altogether. Counting must be no worse than grouping: no more wrong members in its
 * top 5, and at least as many right.
 */
@ExtendWith(AttachmentThreeData.class)
class HotspotGroupingComparisonTest {

    private static final Path VERDICTS = Path.of("src", "test", "resources", "org", "minyi", "insight",
            "hotspot-purity-seed-1414.csv");
    private static final int TOP = 5;

    private record Verdict(String hotspot, boolean same) {
    }

    @Test
    void topFiveCountedFromAssignedIssuesAreAtLeastAsGoodAsGroupedAtQueryTime() throws IOException {
        AttachmentThreeIndex.ensure();
        MinYiSettings settings = MinYiSettings.fromSystemProperties();
        Instant from = LocalDate.parse("2017-01-01").atStartOfDay(settings.zone()).toInstant();
        Instant to = LocalDate.parse("2020-03-01").atStartOfDay(settings.zone()).toInstant();
        List<Hotspot> grouped;
        List<Hotspot> counted;
        List<Hotspot> groupedAll;
        try (MinYiStack stack = MinYiStack.open(settings)) {
            assertFalse(stack.index().topIssues(MessageFilter.ALL, 1).isEmpty(), "the index holds no issues: it was"
                    + " built before issues were assigned; delete " + AttachmentThreeIndex.DATA + " to rebuild it");
            Hotspots atQueryTime = Hotspots.withDefaults(stack.index(), settings.zone());
            groupedAll = atQueryTime.between(from, to, Duration.ofDays(90), 10);
            grouped = groupedAll.subList(0, TOP);
            counted = atQueryTime.countingIssues(IssueTable.open(settings.issueMerges()))
                    .between(from, to, Duration.ofDays(90), TOP);
        }
        Map<String, Verdict> verdicts = readVerdicts();
        int[] query = report("grouped at query time (minyi.hotspots.grouping=query)", grouped, groupedAll, verdicts);
        int[] indexed = report("counted from issues assigned at indexing (minyi.hotspots.grouping=indexed)",
                counted, groupedAll, verdicts);

        assertEquals(TOP, counted.size());
        assertTrue(indexed[1] <= query[1], "more misgrouped sampled members in the counted top 5");
        assertTrue(indexed[0] >= query[0], "fewer rightly grouped sampled members in the counted top 5");
    }

    /** Prints the list; returns right and wrong sampled members in it. */
    private static int[] report(String name, List<Hotspot> top, List<Hotspot> reference,
                                Map<String, Verdict> verdicts) {
        System.out.println("top " + TOP + " of attachment 3, " + name + ":");
        int right = 0;
        int wrong = 0;
        for (int rank = 1; rank <= top.size(); rank++) {
            Hotspot h = top.get(rank - 1);
            Hotspot match = bestMatch(h, reference);
            int r = 0;
            int w = 0;
            for (String id : h.messageIds()) {
                Verdict v = verdicts.get(id);
                if (v == null) {
                    continue;
                }
                if (match != null && v.hotspot().equals(match.id()) && v.same()) {
                    r++;
                } else {
                    w++;
                }
            }
            right += r;
            wrong += w;
            System.out.printf("  %d. %-28s %3d messages, heat %5.2f; best match %s (shared %.2f); sampled right %d,"
                            + " wrong %d%n", rank, h.label(), h.messageCount(), h.heat().total(),
                    match == null ? "none" : match.id(), match == null ? 0 : jaccard(h, match), r, w);
        }
        System.out.printf("  sampled members: %d right, %d wrong%n", right, wrong);
        return new int[] {right, wrong};
    }

    private static Hotspot bestMatch(Hotspot h, List<Hotspot> reference) {
        Hotspot best = null;
        double bestShare = 0;
        for (Hotspot other : reference) {
            double share = jaccard(h, other);
            if (share > bestShare) {
                best = other;
                bestShare = share;
            }
        }
        return best;
    }

    private static double jaccard(Hotspot a, Hotspot b) {
        Set<String> shared = new HashSet<>(a.messageIds());
        shared.retainAll(b.messageIds());
        return (double) shared.size() / (a.messageIds().size() + b.messageIds().size() - shared.size());
    }

    /** message,rank,hotspot,verdict,reason. */
    private static Map<String, Verdict> readVerdicts() throws IOException {
        Map<String, Verdict> verdicts = new LinkedHashMap<>();
        List<String> lines = Files.readAllLines(VERDICTS, StandardCharsets.UTF_8);
        for (String line : lines.subList(1, lines.size())) {
            if (!line.isBlank()) {
                String[] f = line.split(",", 5);
                verdicts.put(f[0], new Verdict(f[2], f[3].equals("same")));
            }
        }
        return verdicts;
    }
}
