package org.minyi.web;

import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import org.minyi.index.MessageIndex;
import org.minyi.ingest.Ingestion;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Pipeline counters for {@code /actuator/prometheus}, read from the ingestion's own counters when scraped (so the
 * hot path pays nothing). Crawl errors are counted by {@link CrawlJobs}, alert latency by {@link AlertConfiguration}.
 */
@Configuration
class MetricsConfiguration {

    /** Marker bean: registering happens in the constructor-like factory below. */
    record PipelineMeters() {
    }

    @Bean
    PipelineMeters pipelineMeters(MeterRegistry registry, Ingestion ingestion, MessageIndex index) {
        FunctionCounter.builder("minyi.messages.ingested", ingestion, i -> i.stats().accepted())
                .description("messages accepted for analysis since start (imports, crawls)").register(registry);
        FunctionCounter.builder("minyi.messages.analysed", ingestion, i -> i.stats().indexed() + i.stats().failed())
                .description("messages through the pipeline since start, indexed or failed").register(registry);
        FunctionCounter.builder("minyi.messages.indexed", ingestion, i -> i.stats().indexed())
                .description("messages analysed and indexed since start").register(registry);
        FunctionCounter.builder("minyi.messages.failed", ingestion, i -> i.stats().failed())
                .description("messages that failed analysis or indexing since start").register(registry);
        Gauge.builder("minyi.index.messages", index, MessageIndex::count)
                .description("messages searchable now").register(registry);
        return new PipelineMeters();
    }
}
