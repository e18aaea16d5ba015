package org.minyi.web;

import jakarta.annotation.PreDestroy;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.minyi.MinYiSettings;
import org.minyi.collect.crawl.CrawlProgress;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import org.minyi.collect.crawl.CrawlStatus;
import org.minyi.collect.crawl.Crawler;
import org.minyi.collect.crawl.CrawlerConfig;
import org.minyi.collect.crawl.CrawlerConfigs;
import org.minyi.ingest.Ingestion;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.scheduling.TaskScheduler;
import org.springframework.scheduling.support.CronTrigger;
import org.springframework.stereotype.Component;

/**
 * Crawls inside the service: configs are validated at start-up (a broken config stops the start with every
 * problem listed), crawls run one at a time in the background, on request or — when
 * {@code minyi.crawl.scheduled=true} — on each source's cron schedule. Status per source survives restarts.
 */
@Component
class CrawlJobs {

    private static final Logger LOG = LoggerFactory.getLogger(CrawlJobs.class);

    private final Map<String, CrawlerConfig> configs = new ConcurrentHashMap<>();
    private final Set<String> queued = ConcurrentHashMap.newKeySet();
    private final Crawler crawler;
    private final Ingestion ingestion;
    private final ExecutorService runner = Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(r, "minyi-crawl");
        t.setDaemon(true);
        return t;
    });

    private final Counter crawlErrors;

    CrawlJobs(MinYiSettings settings, Ingestion ingestion, TaskScheduler scheduler, MeterRegistry registry,
              @Value("${minyi.crawl.config-dir:}") String configDir,
              @Value("${minyi.crawl.scheduled:false}") boolean scheduled) {
        this.ingestion = ingestion;
        this.crawlErrors = Counter.builder("minyi.crawl.errors")
                .description("failed fetches and items in crawls since start, plus crawls that failed as a whole")
                .register(registry);
        this.crawler = new Crawler(settings.dataDir().resolve("crawl"));
        Path folder = configDir.isBlank() ? settings.home().resolve("crawler-config") : Path.of(configDir);
        if (java.nio.file.Files.isDirectory(folder)) {
            for (CrawlerConfig config : CrawlerConfigs.loadAll(folder)) {
                configs.put(config.name(), config);
                if (scheduled && config.schedule() != null) {
                    scheduler.schedule(() -> start(config.name()), new CronTrigger(config.schedule()));
                    LOG.info("crawl of {} scheduled: {}", config.name(), config.schedule());
                }
            }
        }
    }

    /** One source: its config name, schedule, and what its last run did. */
    public record SourceStatus(String source, String schedule, boolean queued, CrawlStatus lastRun) {
    }

    List<SourceStatus> statuses() {
        List<SourceStatus> list = new ArrayList<>();
        configs.keySet().stream().sorted().forEach(name -> list.add(status(name).orElseThrow()));
        return list;
    }

    Optional<SourceStatus> status(String source) {
        CrawlerConfig config = configs.get(source);
        if (config == null) {
            return Optional.empty();
        }
        return Optional.of(new SourceStatus(source, config.schedule(), queued.contains(source),
                crawler.status(source).orElse(null)));
    }

    /** Queues a crawl of {@code source}; a source already queued or running is not queued twice. */
    boolean start(String source) {
        CrawlerConfig config = configs.get(source);
        if (config == null) {
            throw new java.util.NoSuchElementException("no crawler config named " + source
                    + "; known: " + configs.keySet().stream().sorted().toList());
        }
        if (!queued.add(source)) {
            return false;
        }
        runner.execute(() -> {
            try {
                // A session of its own: its flushes fail when an index write failed, so no item is marked done
                // that is not committed.
                var report = crawler.crawl(config, ingestion.session("crawl " + source), CrawlProgress.SILENT);
                crawlErrors.increment(report.errorCount());
                LOG.info("crawl of {}: {} pages, {} new, {} updated, errors {}", source, report.pagesFetched(),
                        report.itemsNew(), report.itemsUpdated(), report.errors());
            } catch (RuntimeException e) {
                crawlErrors.increment();
                LOG.warn("crawl of {} failed: {}", source, e.getMessage());
            } finally {
                queued.remove(source);
            }
        });
        return true;
    }

    @PreDestroy
    void stop() {
        runner.shutdownNow();
    }
}
