package org.minyi.fuzz;

import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * One deterministic fuzz run: how many inputs of each kind to try, the seed each input is generated from, and a
 * tally of inputs tried and per-item errors reported, printed at the end.
 *
 * <p>Normal {@code mvn test} runs the defaults (a few thousand inputs, well under a minute in all). A longer run by
 * hand: {@code -Dfuzz.iterations=N} multiplies every kind's count by N / 1000 (so 1000 is the default); {@code
 * -Dfuzz.seed=S} changes the base seed. A failure names the seed of its input: {@code -Dfuzz.replay=SEED} then runs
 * only that input.
 */
public final class FuzzCampaign {

    public static final long DEFAULT_SEED = 0x4D696E5969L; // "MinYi"

    private final String name;
    private final long baseSeed = Long.getLong("fuzz.seed", DEFAULT_SEED);
    private final Long replay = Long.getLong("fuzz.replay");
    private final double scale = Integer.getInteger("fuzz.iterations", 1000) / 1000.0;
    private final Map<String, AtomicLong> inputs = new TreeMap<>();
    private final Map<String, AtomicLong> itemErrors = new TreeMap<>();

    public FuzzCampaign(String name) {
        this.name = name;
    }

    /** What one input gets: its kind, its seed and a random generator made from that seed. */
    public record Input(String kind, long seed, Random random) {
        @Override
        public String toString() {
            return kind + " input with seed " + seed + " (replay: -Dfuzz.replay=" + seed + ")";
        }
    }

    /** Body of one fuzz case; may throw anything, which fails the test naming the input's seed. */
    @FunctionalInterface
    public interface Case {
        void run(Input input) throws Exception;
    }

    /**
     * Runs {@code normalCount} inputs of {@code kind} (scaled by {@code fuzz.iterations}), each with its own seed
     * derived from the base seed, the kind and the input's number.
     */
    public void run(String kind, int normalCount, Case body) {
        int count = Math.max(1, (int) Math.round(normalCount * scale));
        for (int i = 0; i < count; i++) {
            long seed = seedOf(kind, i);
            if (replay != null && replay != seed) {
                continue;
            }
            Input input = new Input(kind, seed, new Random(seed));
            inputs.computeIfAbsent(kind, k -> new AtomicLong()).incrementAndGet();
            try {
                body.run(input);
            } catch (AssertionError | Exception e) {
                throw new AssertionError(name + ": " + input + " failed: " + e.getMessage(), e);
            }
        }
    }

    /** Counts per-item errors (row errors, rejected texts, pages without content) reported for {@code kind}. */
    public void itemErrors(String kind, long count) {
        itemErrors.computeIfAbsent(kind, k -> new AtomicLong()).addAndGet(count);
    }

    public long inputsTried() {
        return inputs.values().stream().mapToLong(AtomicLong::get).sum();
    }

    /** One line per kind: inputs tried and per-item errors reported. */
    public String summary() {
        StringBuilder out = new StringBuilder("fuzz " + name + " (base seed " + baseSeed + ", scale " + scale + "):");
        long errors = 0;
        for (Map.Entry<String, AtomicLong> kind : inputs.entrySet()) {
            long reported = itemErrors.getOrDefault(kind.getKey(), new AtomicLong()).get();
            errors += reported;
            out.append(String.format("%n  %-28s %7d inputs %9d per-item errors", kind.getKey(), kind.getValue().get(),
                    reported));
        }
        return out.append(String.format("%n  %-28s %7d inputs %9d per-item errors", "total", inputsTried(), errors))
                .toString();
    }

    private long seedOf(String kind, int i) {
        long h = baseSeed ^ (kind.hashCode() * 0x9E3779B97F4A7C15L);
        return h + i * 0xBF58476D1CE4E5B9L;
    }
}
