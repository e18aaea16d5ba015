package org.minyi.web;

import org.minyi.MinYiSettings;
import org.minyi.MinYiStack;
import org.minyi.analysis.AnalysisPipeline;
import org.minyi.index.MessageIndex;
import org.minyi.index.elasticsearch.Migrations;
import org.minyi.ingest.Ingestion;
import org.minyi.ingest.MessageCorrections;
import org.minyi.insight.SimilarMessages;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;
import org.springframework.scheduling.annotation.EnableScheduling;
import org.springframework.scheduling.annotation.Scheduled;

/** Exposes the parts of {@link MinYiStack} as beans; the stack alone closes them, in order. */
@Configuration
@EnableScheduling
class ServiceConfiguration {

    @Bean
    MinYiSettings minYiSettings(Environment env) {
        return MinYiSettings.from(env::getProperty);
    }

    @Bean(destroyMethod = "close")
    MinYiStack minYiStack(MinYiSettings settings) {
        return MinYiStack.open(settings);
    }

    @Bean(destroyMethod = "")
    AnalysisPipeline analysisPipeline(MinYiStack stack) {
        return stack.pipeline();
    }

    @Bean(destroyMethod = "")
    MessageIndex messageIndex(MinYiStack stack) {
        return stack.index();
    }

    @Bean(destroyMethod = "")
    Ingestion ingestion(MinYiStack stack) {
        return stack.ingestion();
    }

    /** Copies of the embedded index into Elasticsearch; closed before the stack whose index they read. */
    @Bean(destroyMethod = "close")
    Migrations migrations(MinYiStack stack) {
        return new Migrations(stack.index(), stack.pipeline().segmenter(), java.time.Clock.systemUTC());
    }

    @Bean
    SimilarMessages similarMessages(MessageIndex index) {
        return new SimilarMessages(index);
    }

    @Bean
    MessageCorrections messageCorrections(MessageIndex index, Ingestion ingestion) {
        return new MessageCorrections(index, ingestion.corrections(), java.time.Clock.systemUTC());
    }

    @Bean
    Flusher ingestionFlusher(Ingestion ingestion) {
        return new Flusher(ingestion);
    }

    /**
     * Commits every second, so an accepted message is searchable and crash-safe within about a second. Import jobs
     * and crawls also flush their own sessions, to know what of theirs is durable.
     */
    static final class Flusher {
        private static final org.slf4j.Logger LOG = org.slf4j.LoggerFactory.getLogger(Flusher.class);
        private final Ingestion ingestion;
        private String lastFailure;

        Flusher(Ingestion ingestion) {
            this.ingestion = ingestion;
        }

        @Scheduled(fixedDelay = 1000)
        void flush() {
            try {
                ingestion.flush();
                lastFailure = null;
            } catch (RuntimeException e) {
                // One line per kind of failure, not a stack trace every second while the disk stays full.
                if (!String.valueOf(e.getMessage()).equals(lastFailure)) {
                    LOG.error("commit failed: {}", e.getMessage());
                    lastFailure = String.valueOf(e.getMessage());
                }
            }
        }
    }
}
