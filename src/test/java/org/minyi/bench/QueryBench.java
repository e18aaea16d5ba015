package org.minyi.bench;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.function.Supplier;
import org.minyi.MinYiSettings;
import org.minyi.MinYiStack;
import org.minyi.analysis.AnalysisPipeline;
import org.minyi.analysis.DomainDictionary;
import org.minyi.analysis.Segmenter;
import org.minyi.analysis.Sentiment;
import org.minyi.index.FacetField;
import org.minyi.index.IndexedMessage;
import org.minyi.index.MessageFilter;
import org.minyi.index.SearchOrder;
import org.minyi.index.SearchQuery;
import org.minyi.index.TrendInterval;
import org.minyi.index.TrendQuery;
import org.minyi.index.TrendSplit;
import org.minyi.index.lucene.LuceneMessageIndex;
import org.minyi.insight.Hotspots;
import org.minyi.testing.TempFolders;

/**
 * Query latency (p50/p95/p99) of search, facets and trends on the embedded Lucene index at the sizes given
 * (default 100000 1000000), corpora resampled from the real messages ({@link ResampledCorpus}). Each index is
 * built once into {@code target/bench/lucene-<size>/index} and reused by later runs (delete the folder to rebuild);
 * the memory benchmark starts the service on the same folder. Reports; asserts nothing. Run with
 * {@code bench/run query}.
 */
public final class QueryBench {

    static final Path ROOT = Path.of("target", "bench");
    private static final int WARM_UP = 20;
    private static final int RUNS = 200;
    private static final int BATCH = 1000;

    private QueryBench() {
    }

    static Path dataDir(int size) {
        return ROOT.resolve("lucene-" + size);
    }

    /** Index sizes from the arguments (1000000 or 1_000_000); 100,000 and 1,000,000 when none is given. */
    static List<Integer> sizes(String[] args) {
        List<Integer> sizes = new ArrayList<>();
        for (String arg : args) {
            sizes.add(Integer.parseInt(arg.replace("_", "")));
        }
        return sizes.isEmpty() ? List.of(100_000, 1_000_000) : sizes;
    }

    public static void main(String[] args) throws Exception {
        List<Integer> sizes = sizes(args);
        MinYiSettings settings = MinYiSettings.fromSystemProperties();
        Segmenter segmenter = new Segmenter(DomainDictionary.load(settings.dictionaries()));
        for (int size : sizes) {
            Path dir = dataDir(size);
            Path done = dir.resolve("bench-built.txt");
            if (!Files.exists(done)) {
                TempFolders.delete(dir);
                build(settings, size, dir.resolve("index"), done);
            }
            System.out.printf("query: %,d resampled messages, index %s (%,.0f MB), %s%n", size, dir,
                    TempFolders.size(dir.resolve("index")) / 1e6, Files.readString(done).strip());
            try (LuceneMessageIndex index = LuceneMessageIndex.open(dir.resolve("index"), segmenter,
                    settings.zone())) {
                if (index.count() != size) {
                    throw new IllegalStateException(dir + " holds " + index.count() + " messages, not " + size
                            + "; delete it to rebuild");
                }
                measureAll(index);
                measureHotspots(index, settings, size);
            }
        }
    }

    static void build(MinYiSettings settings, int size, Path indexDir, Path done) throws Exception {
        long start = System.nanoTime();
        AnalysisPipeline pipeline = MinYiStack.pipeline(settings);
        ResampledCorpus corpus = ResampledCorpus.analyse(pipeline, RealCorpus.messages());
        double analyseSeconds = (System.nanoTime() - start) / 1e9;
        start = System.nanoTime();
        try (LuceneMessageIndex index = LuceneMessageIndex.open(indexDir, pipeline.segmenter(), settings.zone())) {
            List<IndexedMessage> batch = new ArrayList<>(BATCH);
            for (int i = 0; i < size; i++) {
                batch.add(corpus.next(i));
                if (batch.size() == BATCH) {
                    index.upsert(batch);
                    batch.clear();
                }
            }
            index.upsert(batch);
            index.commit();
        }
        double indexSeconds = (System.nanoTime() - start) / 1e9;
        String line = String.format("built %s: analysis of the real messages %.0f s, indexing %.0f s (%,.0f msg/s,"
                + " one writer thread)", Instant.now(), analyseSeconds, indexSeconds, size / indexSeconds);
        Files.writeString(done, line + "\n");
    }

    private static void measureAll(LuceneMessageIndex index) {
        MessageFilter text = MessageFilter.text("噪音");
        MessageFilter narrowed = new MessageFilter(null, Set.of("城乡建设"), Set.of(Sentiment.NEGATIVE), Set.of(),
                Set.of(), Set.of(), Instant.parse("2025-01-01T00:00:00Z"), null);
        Set<FacetField> facets = EnumSet.allOf(FacetField.class);
        System.out.printf("  %-44s %9s %9s %9s %9s%n", "(" + RUNS + " runs after " + WARM_UP + " warm-up)", "p50 ms",
                "p95 ms", "p99 ms", "max ms");
        measure("search text, relevance, page of 20", () -> index.search(
                new SearchQuery(text, SearchOrder.RELEVANCE, 0, 20, Set.of(), 10)));
        measure("search all, newest 20", () -> index.search(
                new SearchQuery(MessageFilter.ALL, SearchOrder.NEWEST, 0, 20, Set.of(), 10)));
        measure("facets: text + all facets", () -> index.search(
                new SearchQuery(text, SearchOrder.RELEVANCE, 0, 20, facets, 10)));
        measure("facets: all messages + all facets", () -> index.search(
                new SearchQuery(MessageFilter.ALL, SearchOrder.NEWEST, 0, 20, facets, 10)));
        measure("facets: filters + all facets, most votes", () -> index.search(
                new SearchQuery(narrowed, SearchOrder.MOST_VOTES, 0, 20, facets, 10)));
        measure("trends: all by day, split by topic", () -> index.trends(
                new TrendQuery(MessageFilter.ALL, TrendInterval.DAY, TrendSplit.TOPIC, 10)));
        measure("trends: text by week", () -> index.trends(
                new TrendQuery(text, TrendInterval.WEEK, TrendSplit.NONE, 10)));
        measure("top 20 keywords, all", () -> index.topKeywords(MessageFilter.ALL, 20));
        measure("top 20 demands, all", () -> index.topDemands(MessageFilter.ALL, 20));
    }

    /**
     * Hotspots of a period as the dashboard asks for them when a leader picks a period nobody asked for before:
     * nothing cached, every message of the period read and grouped. The corpus spreads messages evenly over 2024-25.
     */
    private static void measureHotspots(LuceneMessageIndex index, MinYiSettings settings, int size) {
        Hotspots hotspots = Hotspots.withDefaults(index, settings.zone());
        Instant to = Instant.parse("2025-10-01T00:00:00Z");
        int runs = size > 200_000 ? 3 : 10;
        System.out.printf("  hotspots, top 100, not cached (%d runs after 2 warm-up)%n", runs);
        for (int months : new int[] {1, 7}) {
            Instant from = to.atZone(settings.zone()).minusMonths(months).toInstant();
            measure("hotspots: " + months + (months == 1 ? " month" : " months") + " + 90-day baseline", 2, runs,
                    () -> hotspots.between(from, to, Duration.ofDays(90), 100));
        }
    }

    private static void measure(String name, Supplier<?> query) {
        measure(name, WARM_UP, RUNS, query);
    }

    private static void measure(String name, int warmUp, int runs, Supplier<?> query) {
        for (int i = 0; i < warmUp; i++) {
            query.get(); // JIT, and per-reader ordinals built by the first counting query
        }
        double[] millis = new double[runs];
        for (int i = 0; i < runs; i++) {
            long start = System.nanoTime();
            query.get();
            millis[i] = (System.nanoTime() - start) / 1e6;
        }
        System.out.printf("  %-44s %9.1f %9.1f %9.1f %9.1f%n", name, Stats.percentile(millis, 50),
                Stats.percentile(millis, 95), Stats.percentile(millis, 99), Stats.percentile(millis, 100));
    }
}
