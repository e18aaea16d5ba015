package org.minyi.bench;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.minyi.MinYiSettings;
import org.minyi.MinYiStack;
import org.minyi.analysis.AnalysisPipeline;
import org.minyi.collect.importer.FileImporter;
import org.minyi.collect.importer.ImportOptions;
import org.minyi.collect.importer.ImportProgress;
import org.minyi.collect.importer.ImportReport;
import org.minyi.index.IndexedMessage;
import org.minyi.index.lucene.LuceneMessageIndex;
import org.minyi.ingest.Ingestion;
import org.minyi.testing.TempFolders;

/**
 * Embedded ingest as an operator's import runs it: {@link FileImporter} reads the real CSV into {@link Ingestion}
 * (analysis threads, one per core, batching) which writes the embedded Lucene index, then a flush (commit). Against
 * it, in the same run: Lucene indexing of the very documents that ingest produced (captured with
 * {@link Ingestion#onIndexed}), upserted in batches and committed. Each round starts from an empty index. Reports;
 * asserts nothing. Run with {@code bench/run ingest}; argument: rounds (default 3).
 */
public final class IngestBench {

    private static final int BATCH = 256; // the batch Ingestion itself writes

    private IngestBench() {
    }

    public static void main(String[] args) throws Exception {
        int rounds = args.length > 0 ? Integer.parseInt(args[0]) : 3;
        Path file = RealCorpus.file();
        MinYiSettings settings = MinYiSettings.fromSystemProperties();
        // Loaded once, outside the timings: the service also loads it once at start.
        AnalysisPipeline pipeline = MinYiStack.pipeline(settings);
        int threads = Math.max(1, Runtime.getRuntime().availableProcessors()); // as MinYiStack.open does
        Path work = Files.createTempDirectory("minyi-ingest-bench");
        try {
            List<IndexedMessage> documents = ingest(pipeline, settings, threads, work.resolve("warm"));
            lucene(pipeline, settings, documents, work.resolve("warm-lucene"));
            System.out.printf("ingest: %s (%,d messages), %d analysis threads, %d rounds after a warm-up%n",
                    file.getFileName(), documents.size(), threads, rounds);
            double[] ingestRates = new double[rounds];
            double[] luceneRates = new double[rounds];
            for (int r = 0; r < rounds; r++) {
                long start = System.nanoTime();
                documents = ingest(pipeline, settings, threads, work.resolve("ingest-" + r));
                ingestRates[r] = documents.size() / seconds(start);
                luceneRates[r] = lucene(pipeline, settings, documents, work.resolve("lucene-" + r));
            }
            double ingest = Stats.median(ingestRates);
            double lucene = Stats.median(luceneRates);
            System.out.printf("  import -> analyse -> Lucene   %,8.0f msg/s  rounds %s%n", ingest,
                    Stats.rounded(ingestRates));
            System.out.printf("  Lucene of pre-built documents %,8.0f msg/s  rounds %s%n", lucene,
                    Stats.rounded(luceneRates));
            System.out.printf("  RATIO ingest/lucene %.3f;  ingest %,.0f msg/s on %d cores (goal >= 5,000 msg/s on 2"
                    + " cores)%n", ingest / lucene, ingest, threads);
        } finally {
            TempFolders.delete(work);
        }
    }

    /** One import of the real file into an empty index; returns what was indexed, in the order it was. */
    private static List<IndexedMessage> ingest(AnalysisPipeline pipeline, MinYiSettings settings, int threads,
                                               Path indexDir) {
        List<IndexedMessage> indexed = Collections.synchronizedList(new ArrayList<>());
        ImportReport report;
        try (LuceneMessageIndex index = LuceneMessageIndex.open(indexDir, pipeline.segmenter(), settings.zone());
             Ingestion ingestion = new Ingestion(pipeline, index, threads)) {
            ingestion.onIndexed(indexed::add);
            report = new FileImporter().run(RealCorpus.file(), ImportOptions.defaults(), ingestion,
                    ImportProgress.NONE);
            ingestion.flush();
            if (ingestion.stats().failed() > 0) {
                throw new IllegalStateException("ingest failed for " + ingestion.stats().failed() + " messages: "
                        + ingestion.stats().recentFailures());
            }
        }
        if (indexed.size() != report.accepted()) {
            throw new IllegalStateException("imported " + report.accepted() + " but indexed " + indexed.size());
        }
        return List.copyOf(indexed);
    }

    private static double lucene(AnalysisPipeline pipeline, MinYiSettings settings, List<IndexedMessage> documents,
                                 Path indexDir) {
        try (LuceneMessageIndex index = LuceneMessageIndex.open(indexDir, pipeline.segmenter(), settings.zone())) {
            long start = System.nanoTime();
            for (int from = 0; from < documents.size(); from += BATCH) {
                index.upsert(documents.subList(from, Math.min(documents.size(), from + BATCH)));
            }
            index.commit();
            return documents.size() / seconds(start);
        }
    }

    private static double seconds(long startNanos) {
        return (System.nanoTime() - startNanos) / 1e9;
    }
}
