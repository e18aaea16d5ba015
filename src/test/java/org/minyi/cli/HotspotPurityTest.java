package org.minyi.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.minyi.MinYiSettings;
import org.minyi.MinYiStack;
import org.minyi.insight.Hotspot;
import org.minyi.insight.Hotspots;

/**
 * Purity of the top 10 hotspots of attachment 3 (teddy2020-messages-with-votes.csv, all of it), as read by a
 * person: 100 members drawn with a fixed seed, each judged "same" (belongs to its issue) or "other" with a short
 * reason, in {@code hotspot-purity-seed-<seed>.csv} (ids and verdicts only, no message text). The test recomputes
 * the hotspots and the draw, reports every sampled message that now falls in another hotspot (drift: the verdicts
 * then need reading again), and checks that the verdicts give at least the purity last measured.
 *
 * <p>A sample read once is spent as a measure: rules changed after reading it are tuned on it. So each change of
 * the grouping is measured on a fresh seed, and the earlier samples are only reported again: of their members still
 * in the hotspot of the issue they were read against, the share read as belonging.
 *
 * <p>Indexing the file with the sentence encoder takes minutes, so the index is built once into
 * {@code target/hotspot-purity-data} and reused. A draft of the sample with titles, for reading, is written to
 * {@code target/hotspot-purity-draft.tsv}.
 */
@ExtendWith(AttachmentThreeData.class)
class HotspotPurityTest {

    private static final long SEED = 1414;
    private static final Path VERDICTS = verdicts(SEED);
    /** Samples read for earlier groupings: seed 14 was read before named places of every kind kept issues apart. */
    private static final List<Long> EARLIER_SEEDS = List.of(14L);
    private static final int SAMPLE = 100;
    private static final int TOP = 10;

    /** One sampled member: the hotspot it was drawn from (rank and id), and the reader's verdict. */
    private record Verdict(String messageId, int rank, String hotspotId, String verdict, String reason) {
    }

    @Test
    void topTenHotspotsOfAttachmentThreeAreAtLeast95PercentPure() throws IOException {
        AttachmentThreeIndex.ensure();
        MinYiSettings settings = MinYiSettings.fromSystemProperties();
        List<Hotspot> top;
        Map<String, String> titles = new LinkedHashMap<>();
        try (MinYiStack stack = MinYiStack.open(settings)) {
            Instant from = LocalDate.parse("2017-01-01").atStartOfDay(settings.zone()).toInstant();
            Instant to = LocalDate.parse("2020-03-01").atStartOfDay(settings.zone()).toInstant();
            top = Hotspots.withDefaults(stack.index(), settings.zone())
                    .between(from, to, Duration.ofDays(90), TOP);
            for (Hotspot h : top) {
                for (String id : h.messageIds()) {
                    stack.index().get(id).ifPresent(m -> titles.put(id, m.message().title()));
                }
            }
        }
        List<Verdict> drawn = draw(top);
        writeDraft(drawn, top, titles);

        Map<String, Verdict> read = readVerdicts(VERDICTS);
        List<String> drift = new ArrayList<>();
        for (Verdict now : drawn) {
            Verdict then = read.get(now.messageId());
            if (then == null || !then.hotspotId().equals(now.hotspotId())) {
                drift.add(now.messageId() + " now in " + now.hotspotId() + " (#" + now.rank() + "), read as "
                        + (then == null ? "not sampled" : then.hotspotId()));
            }
        }
        long same = read.values().stream().filter(v -> v.verdict().equals("same")).count();
        double purity = (double) same / read.size();
        System.out.printf("hotspot purity: %d of %d sampled members belong to their issue (%.1f%%); drift %d%n",
                same, read.size(), 100 * purity, drift.size());
        read.values().stream().filter(v -> !v.verdict().equals("same"))
                .forEach(v -> System.out.println("  misgrouped: " + v.messageId() + " in #" + v.rank() + " "
                        + v.hotspotId() + ": " + v.reason()));
        for (long earlier : EARLIER_SEEDS) {
            reportAgain(earlier, top);
        }
        assertEquals(SAMPLE, read.size(), "the verdict file holds the whole sample");
        assertTrue(drift.isEmpty(), "hotspots changed since the sample was read; read "
                + "target/hotspot-purity-draft.tsv again and update " + VERDICTS + ":\n" + String.join("\n", drift));
        assertTrue(purity >= MEASURED_PURITY, "purity " + purity);
    }

    private static Path verdicts(long seed) {
        return Path.of("src", "test", "resources", "org", "minyi", "insight", "hotspot-purity-seed-" + seed + ".csv");
    }

    /**
     * An earlier sample against today's hotspots: each hotspot read then is today's top-10 hotspot holding most of
     * its members read as belonging; members still there count with their old verdicts.
     */
    private static void reportAgain(long seed, List<Hotspot> top) throws IOException {
        Map<String, Verdict> read = readVerdicts(verdicts(seed));
        Map<String, Hotspot> now = new LinkedHashMap<>();
        top.forEach(h -> h.messageIds().forEach(id -> now.put(id, h)));
        Map<String, Map<Hotspot, Integer>> votes = new LinkedHashMap<>();
        read.values().stream().filter(v -> v.verdict().equals("same") && now.containsKey(v.messageId()))
                .forEach(v -> votes.computeIfAbsent(v.hotspotId(), k -> new LinkedHashMap<>())
                        .merge(now.get(v.messageId()), 1, Integer::sum));
        int still = 0;
        int same = 0;
        List<String> left = new ArrayList<>();
        for (Verdict v : read.values()) {
            Hotspot issue = votes.getOrDefault(v.hotspotId(), Map.of()).entrySet().stream()
                    .max(Map.Entry.comparingByValue()).map(Map.Entry::getKey).orElse(null);
            if (issue != null && issue.messageIds().contains(v.messageId())) {
                still++;
                if (v.verdict().equals("same")) {
                    same++;
                }
            } else {
                left.add(v.messageId() + " (" + v.verdict() + ")");
            }
        }
        System.out.printf("earlier sample seed %d: %d of %d members still in the hotspot of their issue, %d of them "
                + "belong (%.1f%%); left: %s%n", seed, still, read.size(), same, 100.0 * same / Math.max(1, still),
                String.join(", ", left));
    }

    /**
     * The purity read for the shipped models (encoder at 512 tokens) once named places of every kind keep issues
     * apart: 100 of 100 on seed 1414 (issue 14's goal is 0.95). Seed 14, read before that change, gave 89 of 100.
     */
    private static final double MEASURED_PURITY = 1.00;

    /** Every member of the top hotspots, in rank order, shuffled with the fixed seed; the first 100. */
    private static List<Verdict> draw(List<Hotspot> top) {
        List<Verdict> members = new ArrayList<>();
        for (int rank = 1; rank <= top.size(); rank++) {
            Hotspot h = top.get(rank - 1);
            for (String id : h.messageIds()) {
                members.add(new Verdict(id, rank, h.id(), "", ""));
            }
        }
        Collections.shuffle(members, new Random(SEED));
        return members.subList(0, Math.min(SAMPLE, members.size()));
    }

    private static void writeDraft(List<Verdict> drawn, List<Hotspot> top, Map<String, String> titles)
            throws IOException {
        StringBuilder draft = new StringBuilder("rank\thotspot\tlabel\tmessage\ttitle\n");
        drawn.stream().sorted(java.util.Comparator.comparingInt(Verdict::rank).thenComparing(Verdict::messageId))
                .forEach(v -> draft.append(v.rank()).append('\t').append(v.hotspotId()).append('\t')
                        .append(top.get(v.rank() - 1).label()).append('\t').append(v.messageId()).append('\t')
                        .append(titles.get(v.messageId())).append('\n'));
        Files.writeString(Path.of("target", "hotspot-purity-draft.tsv"), draft, StandardCharsets.UTF_8);
    }

    /** message,rank,hotspot,verdict,reason — verdict "same" or "other". */
    private static Map<String, Verdict> readVerdicts(Path file) throws IOException {
        Map<String, Verdict> verdicts = new LinkedHashMap<>();
        for (String[] f : VerdictRows.read(file, 5, 3, List.of("same", "other"))) {
            verdicts.put(f[0], new Verdict(f[0], Integer.parseInt(f[1]), f[2], f[3], f[4]));
        }
        return verdicts;
    }
}
