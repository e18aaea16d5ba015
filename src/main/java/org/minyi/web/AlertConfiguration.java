package org.minyi.web;

import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.time.Clock;
import java.time.Duration;
import org.minyi.MinYiSettings;
import org.minyi.alert.Alert;
import org.minyi.alert.AlertEngine;
import org.minyi.alert.AlertSettings;
import org.minyi.alert.Attachment;
import org.minyi.alert.ChannelRouter;
import org.minyi.alert.DeliveryException;
import org.minyi.alert.Destination;
import org.minyi.alert.Notifier;
import org.minyi.alert.ReceiverGuard;
import org.minyi.alert.SmtpSettings;
import org.minyi.analysis.AnalysisPipeline;
import org.minyi.index.MessageIndex;
import org.minyi.index.query.ExpressionMatcher;
import org.minyi.ingest.Ingestion;
import org.minyi.insight.Hotspots;
import org.minyi.savedsearch.SavedSearches;
import org.minyi.web.security.UserStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;

/**
 * Hotspots and alerting in the service: every indexed message is offered to the alert engine, and the hotspots of
 * the last seven days are recomputed for hotspot rules every few minutes. Settings come from {@code minyi.alert.*}
 * ({@link AlertSettingsReader}); e-mail is on when {@code minyi.alert.smtp.host} is set; webhooks and robots reach
 * public addresses only, plus the internal receivers an admin lists in {@code minyi.alert.internal-receivers}.
 */
@Configuration
class AlertConfiguration {

    private static final Logger LOG = LoggerFactory.getLogger(AlertConfiguration.class);

    @Bean
    Hotspots hotspots(MessageIndex index, org.minyi.MinYiStack stack) {
        return stack.hotspots(index);
    }

    @Bean
    RoleReadScopes alertReadScopes(UserStore users) {
        return new RoleReadScopes(users);
    }

    @Bean(destroyMethod = "close")
    AlertEngine alertEngine(MinYiSettings settings, Ingestion ingestion, Hotspots hotspots, Environment env,
                            MeterRegistry registry, RoleReadScopes scopes, SavedSearches savedSearches,
                            AnalysisPipeline pipeline) {
        Clock clock = Clock.systemUTC();
        AlertSettings alertSettings = AlertSettingsReader.read(env, settings.zone());
        ReceiverGuard guard = ReceiverGuard.allowing(AlertSettingsReader.internalReceivers(env));
        if (!guard.allowed().isEmpty()) {
            LOG.info("alert channels may reach these internal receivers: {}", guard.allowed());
        }
        AlertEngine engine = AlertEngine.open(settings.dataDir().resolve("alerts"),
                timed(ChannelRouter.standard(smtp(env), Duration.ofSeconds(10), clock, guard), registry, clock),
                alertSettings, clock, scopes);
        ExpressionMatcher matcher = new ExpressionMatcher(pipeline.segmenter());
        engine.watchSavedSearches((id, message) -> savedSearches.condition(id)
                .map(filter -> matcher.matches(filter, message)).orElse(false));
        ingestion.onIndexed(engine::onIndexed);
        FunctionCounter.builder("minyi.alert.stale", engine, e -> e.stats().stale())
                .description("messages and hotspots too old to alert (backfills, re-imports)").register(registry);
        FunctionCounter.builder("minyi.alert.repeats", engine, e -> e.stats().repeats())
                .description("alerts not made: the subscriber had one about the same message or issue").register(registry);
        FunctionCounter.builder("minyi.alert.queue.waits", engine, e -> e.stats().waits())
                .description("times ingestion waited for room in the full alert queue").register(registry);
        FunctionCounter.builder("minyi.alert.rule.failures", engine, e -> e.stats().failedRules())
                .description("rule evaluations that threw (logged; the other rules ran)").register(registry);
        Gauge.builder("minyi.alert.held", engine, e -> e.stats().held())
                .description("alerts held for quiet hours or for their digest").register(registry);
        Duration every = Duration.ofSeconds(env.getProperty("minyi.alert.hotspot-interval-seconds", Long.class, 300L));
        engine.watchHotspots(() -> hotspots.between(clock.instant().minus(Duration.ofDays(7)), clock.instant(),
                Duration.ofDays(90), 50), every);
        return engine;
    }

    /** Measures each delivered alert from when its message or hotspot was observed to when it was sent. */
    private static Notifier timed(Notifier notifier, MeterRegistry registry, Clock clock) {
        Timer latency = Timer.builder("minyi.alert.latency")
                .description("from a message or hotspot observed to its alert delivered").register(registry);
        return new Notifier() {
            @Override
            public void send(Alert alert, Destination destination) throws DeliveryException {
                notifier.send(alert, destination);
                latency.record(Duration.between(alert.observedAt(), clock.instant()));
            }

            /** Scheduled reports: sent at their hour, not in answer to anything observed, so not timed. */
            @Override
            public void send(Alert alert, Destination destination, Attachment attachment) throws DeliveryException {
                notifier.send(alert, destination, attachment);
            }

            @Override
            public void check(Destination destination) {
                notifier.check(destination);
            }
        };
    }

    private static SmtpSettings smtp(Environment env) {
        String host = env.getProperty("minyi.alert.smtp.host");
        if (host == null || host.isBlank()) {
            return null;
        }
        return new SmtpSettings(host, env.getProperty("minyi.alert.smtp.port", Integer.class, 25),
                env.getProperty("minyi.alert.smtp.from"), env.getProperty("minyi.alert.smtp.username"),
                env.getProperty("minyi.alert.smtp.password"),
                env.getProperty("minyi.alert.smtp.starttls", Boolean.class, false), Duration.ofSeconds(10));
    }
}
