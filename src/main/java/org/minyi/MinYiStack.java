package org.minyi;

import java.util.List;
import org.minyi.analysis.AnalysisPipeline;
import org.minyi.analysis.DomainDictionary;
import org.minyi.analysis.Segmenter;
import org.minyi.analysis.classify.SentimentModel;
import org.minyi.analysis.classify.TopicModel;
import org.minyi.index.MessageIndex;
import org.minyi.index.elasticsearch.ElasticsearchMessageIndex;
import org.minyi.index.elasticsearch.ElasticsearchSettings;
import org.minyi.index.lucene.LuceneMessageIndex;
import org.minyi.ingest.Ingestion;

/**
 * The one place where MinYi's parts are put together: dictionaries → segmenter → trained models → pipeline →
 * embedded index → ingestion. The service and the command line both start from here.
 */
public final class MinYiStack implements AutoCloseable {

    private final MinYiSettings settings;
    private final AnalysisPipeline pipeline;
    private final MessageIndex index;
    private final Ingestion ingestion;

    private MinYiStack(MinYiSettings settings, AnalysisPipeline pipeline, MessageIndex index, Ingestion ingestion) {
        this.settings = settings;
        this.pipeline = pipeline;
        this.index = index;
        this.ingestion = ingestion;
    }

    /** The analysis pipeline alone (no index is opened, so this works while the service runs). */
    public static AnalysisPipeline pipeline(MinYiSettings settings) {
        Segmenter segmenter = new Segmenter(DomainDictionary.loadAll(
                List.of(settings.dictionaries(), settings.adminDictionaries())));
        return AnalysisPipeline.create(segmenter,
                TopicModel.load(settings.models().resolve("topic")),
                SentimentModel.load(settings.models().resolve("sentiment")));
    }

    /**
     * Pipeline, index (embedded Lucene, or Elasticsearch when configured) and ingestion. Fails with
     * {@code IndexLockedException} when the embedded index is in use by another process.
     */
    public static MinYiStack open(MinYiSettings settings) {
        ownDataFolder(settings.dataDir());
        AnalysisPipeline pipeline = pipeline(settings);
        MessageIndex index = openIndex(settings, pipeline.segmenter());
        int threads = Math.max(1, Runtime.getRuntime().availableProcessors());
        return new MinYiStack(settings, pipeline, index, new Ingestion(pipeline, index, threads));
    }

    /**
     * The data folder holds the index of citizens' messages, uploads and users' password hashes: readable by the
     * system user running MinYi only (0700), whatever the umask made of it.
     */
    private static void ownDataFolder(java.nio.file.Path dataDir) {
        try {
            OwnerOnly.createDirectories(dataDir);
            OwnerOnly.restrict(dataDir);
        } catch (java.io.IOException e) {
            org.slf4j.LoggerFactory.getLogger(MinYiStack.class).warn("cannot make the data folder {} readable by its"
                    + " owner only ({}); check its permissions", dataDir, e.toString());
        }
    }

    private static MessageIndex openIndex(MinYiSettings settings, Segmenter segmenter) {
        MinYiSettings.ElasticsearchTarget es = settings.elasticsearch();
        if (es == null) {
            return LuceneMessageIndex.open(settings.indexDir(), segmenter, settings.zone());
        }
        return ElasticsearchMessageIndex.open(ElasticsearchSettings.of(es.url(), es.buffer())
                .withIndexPrefix(es.prefix())
                .withReplicas(es.replicas())
                .withZone(settings.zone()), segmenter);
    }

    public MinYiSettings settings() {
        return settings;
    }

    public AnalysisPipeline pipeline() {
        return pipeline;
    }

    public MessageIndex index() {
        return index;
    }

    public Ingestion ingestion() {
        return ingestion;
    }

    @Override
    public void close() {
        try {
            ingestion.close();
        } finally {
            index.close();
        }
    }
}
