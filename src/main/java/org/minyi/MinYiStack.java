package org.minyi;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import org.minyi.analysis.AnalysisPipeline;
import org.minyi.analysis.AnalysisSteps;
import org.minyi.analysis.DomainDictionary;
import org.minyi.analysis.Segmenter;
import org.minyi.analysis.SentimentAnalyzer;
import org.minyi.analysis.TopicClassifier;
import org.minyi.analysis.classify.EncoderAttitudeModel;
import org.minyi.analysis.classify.EncoderTopicModel;
import org.minyi.analysis.classify.GroupRelevanceModel;
import org.minyi.analysis.classify.NgramAttitudeModel;
import org.minyi.analysis.classify.SentimentModel;
import org.minyi.analysis.classify.ServiceDomainModel;
import org.minyi.analysis.classify.TopicModel;
import org.minyi.analysis.encode.SentenceEncoder;
import org.minyi.index.MessageFilter;
import org.minyi.index.MessageIndex;
import org.minyi.index.SearchOrder;
import org.minyi.index.SearchQuery;
import org.minyi.index.elasticsearch.ElasticsearchMessageIndex;
import org.minyi.index.elasticsearch.ElasticsearchSettings;
import org.minyi.index.lucene.LuceneMessageIndex;
import org.minyi.ingest.CorrectionStore;
import org.minyi.ingest.Ingestion;
import org.minyi.insight.HotspotGrouping;
import org.minyi.insight.HotspotSettings;
import org.minyi.insight.Hotspots;
import org.minyi.insight.IssueAssigner;
import org.minyi.insight.IssueTable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The one place where MinYi's parts are put together: dictionaries → segmenter → trained models → pipeline →
 * embedded index → ingestion. The service and the command line both start from here.
 */
public final class MinYiStack implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(MinYiStack.class);

    private final MinYiSettings settings;
    private final AnalysisPipeline pipeline;
    private final MessageIndex index;
    private final Ingestion ingestion;
    private final IssueAssigner issues;

    private MinYiStack(MinYiSettings settings, AnalysisPipeline pipeline, MessageIndex index, Ingestion ingestion) {
        this.settings = settings;
        this.pipeline = pipeline;
        this.index = index;
        this.ingestion = ingestion;
        this.issues = IssueAssigner.withDefaults(issueTable(settings, index));
        reopenRecentIssues();
        ingestion.assignIssuesWith(issues::assign);
        ingestion.beforeEachCommit(issues.table()::sync);
    }

    /**
     * The issue merges kept beside the index; cleared when the index starts empty (new, or its folder deleted to
     * build it again), as they name the issues of messages no longer there.
     */
    private static IssueTable issueTable(MinYiSettings settings, MessageIndex index) {
        return startsEmpty(index) ? IssueTable.fresh(settings.issueMerges()) : IssueTable.open(settings.issueMerges());
    }

    private static boolean startsEmpty(MessageIndex index) {
        if (index.count() > 0) {
            return false;
        }
        if (index instanceof ElasticsearchMessageIndex es) {
            // messages of an earlier run may still wait in the local buffer, or be shipped but not yet searchable
            try {
                es.refresh();
            } catch (RuntimeException e) {
                return false; // in doubt the merges stay: stale ones only matter for an index built again
            }
            return es.bufferedBytes() == 0 && es.count() == 0;
        }
        return true;
    }

    /**
     * Rebuilds the open issues after a start: the messages of the last weeks before the newest one, with the issues
     * they were indexed with, so that the next messages join them as they would have before the restart.
     */
    private void reopenRecentIssues() {
        long start = System.nanoTime();
        var newest = index.search(new SearchQuery(MessageFilter.ALL,
                SearchOrder.NEWEST, 0, 1, Set.of(), 10)).hits();
        if (newest.isEmpty() || newest.getFirst().message().message().createdAt() == null) {
            return;
        }
        Instant last = newest.getFirst().message().message().createdAt();
        Instant from = last.minus(HotspotSettings.defaults().maxGap());
        index.scanSummaries(MessageFilter.ALL.withPeriod(from, last.plusMillis(1)), issues::reopen);
        LOG.info("issues: {} messages of the {} days before {} reopened in {} ms", issues.open(),
                HotspotSettings.defaults().maxGap().toDays(), last,
                (System.nanoTime() - start) / 1_000_000);
    }

    /** Hotspots over this stack's index, finding issues as {@code minyi.hotspots.grouping} says. */
    public Hotspots hotspots() {
        return hotspots(index);
    }

    /** The same over another view of the index (a reader's jurisdiction, say). */
    public Hotspots hotspots(MessageIndex view) {
        var hotspots = Hotspots.withDefaults(view, settings.zone());
        return settings.hotspotGrouping() == HotspotGrouping.INDEXED
                ? hotspots.countingIssues(issues.table()) : hotspots;
    }

    /** Assigns each message its issue as it is indexed. */
    public IssueAssigner issueAssigner() {
        return issues;
    }

    /** The analysis pipeline alone (no index is opened, so this works while the service runs). */
    public static AnalysisPipeline pipeline(MinYiSettings settings) {
        AnalysisSteps.Resources resources = resources(settings);
        List<String> steps = settings.analysis().steps();
        if (resources.domains() == null && steps.contains("domains") && steps.equals(AnalysisSteps.WITH_ENCODER)) {
            // the default list names every step; without a trained domain model the service still starts
            LOG.warn("no service-domain model in {}: messages get no domains (train one: minyi train domains --out"
                    + " models/domains)", settings.models().resolve("domains"));
            steps = steps.stream().filter(s -> !s.equals("domains")).toList();
        }
        return AnalysisPipeline.assemble(resources.segmenter(), AnalysisSteps.named(steps, resources));
    }

    /**
     * What analysis steps are built from: the segmenter over the project and admin dictionaries, the trained models
     * and, unless it is switched off, the sentence encoder.
     */
    public static AnalysisSteps.Resources resources(MinYiSettings settings) {
        Segmenter segmenter = new Segmenter(DomainDictionary.loadAll(
                List.of(settings.dictionaries(), settings.adminDictionaries())));
        SentenceEncoder encoder = settings.analysis().steps().contains("encode")
                ? settings.analysis().encoder().open() : null;
        if (encoder == null) {
            LOG.info("sentence encoder off (minyi.encoder.enabled=false): messages get no vectors, similar messages"
                    + " are not found, and topic and attitude come from the n-gram models{}",
                    settings.analysis().distilled() ? " (the students of the encoder models)" : "");
        } else {
            LOG.info("sentence encoder {} ({} dimensions)", encoder.name(), encoder.dimensions());
        }
        TopicClassifier topics = TopicModel.load(settings.models().resolve("topic"));
        SentimentAnalyzer sentiment = SentimentModel.load(settings.models().resolve("sentiment"));
        if (encoder != null && !settings.analysis().distilled()) {
            Path topicFolder = settings.models().resolve("topic");
            if (Files.isRegularFile(topicFolder.resolve(EncoderTopicModel.FILE_NAME))) {
                EncoderTopicModel model = EncoderTopicModel.load(topicFolder, topics);
                warnOnEncoderMismatch("topic", model.facts().get("encoder"), encoder);
                topics = model;
            }
            Path sentimentFolder = settings.models().resolve("sentiment");
            if (Files.isRegularFile(sentimentFolder.resolve(EncoderAttitudeModel.FILE_NAME))) {
                EncoderAttitudeModel model = EncoderAttitudeModel.load(sentimentFolder, sentiment);
                warnOnEncoderMismatch("attitude", model.facts().get("encoder"), encoder);
                sentiment = model;
            }
        }
        if (settings.analysis().distilled()) {
            topics = TopicModel.load(settings.models().resolve("topic"), TopicModel.DISTILLED_FILE_NAME);
            sentiment = NgramAttitudeModel.load(settings.models().resolve("sentiment"));
            LOG.info("topic and attitude from the n-gram students of the encoder models (minyi.analysis.distilled)");
        }
        ServiceDomainModel domains = null;
        Path domainFolder = settings.models().resolve("domains");
        if (encoder != null && Files.isRegularFile(domainFolder.resolve(ServiceDomainModel.FILE_NAME))) {
            domains = ServiceDomainModel.load(domainFolder);
            warnOnEncoderMismatch("service-domain", domains.facts().get("encoder"), encoder);
        }
        GroupRelevanceModel groupRelevance = null;
        Path groupFolder = settings.models().resolve("groups");
        if (encoder != null && Files.isRegularFile(groupFolder.resolve(GroupRelevanceModel.FILE_NAME))) {
            groupRelevance = GroupRelevanceModel.load(groupFolder);
            warnOnEncoderMismatch("group relevance", groupRelevance.facts().get("encoder"), encoder);
        }
        return new AnalysisSteps.Resources(segmenter, topics, sentiment, encoder, domains, groupRelevance);
    }

    /** A model trained on vectors of another encoder or truncation still runs, but people should know. */
    private static void warnOnEncoderMismatch(String what, String trainedWith, SentenceEncoder encoder) {
        if (trainedWith != null && !trainedWith.equals(encoder.name())) {
            LOG.warn("the {} model was trained on vectors of {}, the service encodes with {}: set"
                    + " minyi.encoder.max-tokens to match, or retrain", what, trainedWith, encoder.name());
        }
    }

    /**
     * Pipeline, index (embedded Lucene, or Elasticsearch when configured) and ingestion. Fails with
     * {@code IndexLockedException} when the embedded index is in use by another process.
     */
    public static MinYiStack open(MinYiSettings settings) {
        ownDataFolder(settings.dataDir());
        AnalysisPipeline pipeline = pipeline(settings);
        MessageIndex index = openIndex(settings, pipeline.segmenter());
        return new MinYiStack(settings, pipeline, index, new Ingestion(pipeline, index, settings.analysis().threads(),
                CorrectionStore.open(settings.corrections())));
    }

    /**
     * The data folder holds the index of citizens' messages, uploads and users' password hashes: readable by the
     * system user running MinYi only (0700), whatever the umask made of it.
     */
    static void ownDataFolder(java.nio.file.Path dataDir) {
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
            try {
                index.close();
            } finally {
                try {
                    issues.table().close();
                } finally {
                    pipeline.close();
                }
            }
        }
    }
}
