package org.minyi.bench;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.minyi.MinYiSettings;
import org.minyi.MinYiStack;
import org.minyi.analysis.DomainDictionary;
import org.minyi.analysis.Segmenter;
import org.minyi.index.IndexedMessage;
import org.minyi.index.lucene.LuceneMessageIndex;
import org.minyi.insight.Hotspot;
import org.minyi.insight.Hotspots;
import org.minyi.insight.IssueAssigner;
import org.minyi.insight.IssueTable;
import org.minyi.testing.TempFolders;

/**
 * Hotspots of new 7-month periods with issues assigned at indexing ({@link IssueAssigner}) beside issues formed at
 * query time, on one index per size (default 100000 1000000) of messages resampled from the real ones
 * ({@link ResampledCorpus}) and indexed in time order, as live ingest writes them. The index is built once into
 * {@code target/bench/issues-<size>} (issue merges in {@code issue-merges.tsv} beside it) and reused; delete the
 * folder to rebuild. While building, the CPU time of assignment alone is measured on the writer thread and
 * reported per message beside the index writing's. Each run asks for a period never asked before (the period
 * moves a day per run), top 100 and top 10, 90-day baseline. Wall time moves with the machine's load; the CPU
 * time of the calling thread does much less, and is the whole cost of counting issues (one thread; grouping at query time also
 * reads on up to four background threads, not counted there). Reports; asserts nothing. Run with
 * {@code bench/run issues}; {@code ISSUES_BENCH_ONLY=indexed} leaves out grouping at query time (minutes at 1M).
 */
public final class IssueHotspotBench {

    private static final int BATCH = 1000;
    private static final int WARM_UP = 2;

    private IssueHotspotBench() {
    }

    public static void main(String[] args) throws Exception {
        List<Integer> sizes = QueryBench.sizes(args);
        MinYiSettings settings = MinYiSettings.fromSystemProperties();
        Segmenter segmenter = new Segmenter(DomainDictionary.load(settings.dictionaries()));
        ResampledCorpus corpus = null; // the real messages are analysed once, for whichever sizes need building
        for (int size : sizes) {
            Path dir = QueryBench.ROOT.resolve("issues-" + size);
            Path done = dir.resolve("bench-built.txt");
            if (!Files.exists(done)) {
                TempFolders.delete(dir);
                Files.createDirectories(dir);
                long start = System.nanoTime();
                if (corpus == null) {
                    corpus = ResampledCorpus.analyse(MinYiStack.pipeline(settings), RealCorpus.messages());
                }
                build(settings, corpus.fromStart(), (System.nanoTime() - start) / 1e9, size, dir, done);
            }
            System.out.printf("issues: %,d resampled messages in time order, index %s (%,.0f MB)%n  %s%n", size, dir,
                    TempFolders.size(dir.resolve("index")) / 1e6, Files.readString(done).strip().replace("\n",
                            "\n  "));
            try (IssueTable table = IssueTable.open(dir.resolve(IssueTable.FILE_NAME));
                 LuceneMessageIndex index = LuceneMessageIndex.open(dir.resolve("index"), segmenter,
                    settings.zone())) {
                Hotspots query = Hotspots.withDefaults(index, settings.zone());
                Hotspots indexed = query.countingIssues(table);
                int runs = size > 200_000 ? 5 : 10;
                System.out.printf("  hotspots of a new 7-month period + 90-day baseline, top 100 and top 10 (the"
                        + " dashboard's); %d runs after %d warm-up, each a period not asked before%n", runs, WARM_UP);
                System.out.printf("  %-50s %9s %9s %9s %12s%n", "", "p50 ms", "p95 ms", "max ms", "p50 CPU ms");
                measure("issues assigned at indexing (indexed), top 100", indexed, settings, runs, 0, 100);
                measure("issues assigned at indexing (indexed), top 10", indexed, settings, runs, 20, 10);
                if (!"indexed".equals(System.getenv("ISSUES_BENCH_ONLY"))) {
                    measure("issues formed at query time (query), top 100", query, settings, runs, 100, 100);
                }
            }
        }
    }

    static void build(MinYiSettings settings, ResampledCorpus corpus, double analysedSeconds, int size, Path dir,
                      Path done) throws Exception {
        long start = System.nanoTime();
        List<IndexedMessage> messages = new ArrayList<>(size);
        for (int i = 0; i < size; i++) {
            messages.add(corpus.next(i));
        }
        messages.sort(Comparator.comparing((IndexedMessage m) -> m.message().createdAt()));
        double analyseSeconds = analysedSeconds + (System.nanoTime() - start) / 1e9;
        ThreadMXBean cpu = ManagementFactory.getThreadMXBean();
        IssueTable table = IssueTable.open(dir.resolve(IssueTable.FILE_NAME));
        IssueAssigner assigner = IssueAssigner.withDefaults(table);
        long assignCpu = 0;
        long writeCpu = 0;
        start = System.nanoTime();
        Segmenter segmenter = new Segmenter(DomainDictionary.load(settings.dictionaries()));
        try (table; LuceneMessageIndex index = LuceneMessageIndex.open(dir.resolve("index"), segmenter,
                settings.zone())) {
            List<IndexedMessage> batch = new ArrayList<>(BATCH);
            for (int i = 0; i < size; i++) {
                long before = cpu.getCurrentThreadCpuTime();
                batch.add(assigner.assign(messages.set(i, null)));
                assignCpu += cpu.getCurrentThreadCpuTime() - before;
                if (batch.size() == BATCH || i == size - 1) {
                    before = cpu.getCurrentThreadCpuTime();
                    index.upsert(batch);
                    writeCpu += cpu.getCurrentThreadCpuTime() - before;
                    batch.clear();
                }
            }
            index.commit();
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        String line = String.format("built %s: analysis of the real messages and resampling %.0f s; assigning and"
                        + " indexing %.0f s (%,.0f msg/s, one writer thread)%n"
                        + "ingest CPU added per message by assignment: %.3f ms (index writing on the same thread:"
                        + " %.3f ms, merges in the background not counted); %d issue merges, %d open at the end",
                Instant.now(), analyseSeconds, seconds, size / seconds, assignCpu / 1e6 / size,
                writeCpu / 1e6 / size, table.merges(), assigner.open());
        Files.writeString(done, line + "\n");
    }

    private static void measure(String name, Hotspots hotspots, MinYiSettings settings, int runs, int shift,
                                int limit) {
        Instant end = Instant.parse("2025-10-01T00:00:00Z");
        double[] millis = new double[runs];
        double[] cpuMillis = new double[runs];
        ThreadMXBean cpu = ManagementFactory.getThreadMXBean();
        int size = 0;
        for (int i = 0; i < WARM_UP + runs; i++) {
            // each run a period not asked before: a day later than the last
            Instant to = end.minus(Duration.ofDays(shift + i));
            Instant from = to.atZone(settings.zone()).minusMonths(7).toInstant();
            long startCpu = cpu.getCurrentThreadCpuTime();
            long start = System.nanoTime();
            List<Hotspot> top = hotspots.between(from, to, Duration.ofDays(90), limit);
            if (i >= WARM_UP) {
                millis[i - WARM_UP] = (System.nanoTime() - start) / 1e6;
                cpuMillis[i - WARM_UP] = (cpu.getCurrentThreadCpuTime() - startCpu) / 1e6;
            }
            size = top.size();
        }
        System.out.printf("  %-50s %9.1f %9.1f %9.1f %12.1f  (%d hotspots)%n", name, Stats.percentile(millis, 50),
                Stats.percentile(millis, 95), Stats.percentile(millis, 100), Stats.percentile(cpuMillis, 50), size);
    }
}
