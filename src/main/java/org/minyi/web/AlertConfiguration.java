package org.minyi.web;

import java.time.Clock;
import java.time.Duration;
import org.minyi.MinYiSettings;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import org.minyi.alert.AlertEngine;
import org.minyi.alert.Notifier;
import org.minyi.alert.AlertSettings;
import org.minyi.alert.ChannelRouter;
import org.minyi.alert.SmtpSettings;
import org.minyi.index.MessageIndex;
import org.minyi.ingest.Ingestion;
import org.minyi.insight.HotspotDetector;
import org.minyi.insight.HotspotSettings;
import org.minyi.insight.Hotspots;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;

/**
 * Hotspots and alerting in the service: every indexed message is offered to the alert engine, and the hotspots of
 * the last seven days are recomputed for hotspot rules every few minutes. E-mail is on when
 * {@code minyi.alert.smtp.host} is set.
 */
@Configuration
class AlertConfiguration {

    @Bean
    Hotspots hotspots(MessageIndex index, MinYiSettings settings) {
        return new Hotspots(index, new HotspotDetector(HotspotSettings.defaults(), settings.zone()));
    }

    @Bean(destroyMethod = "close")
    AlertEngine alertEngine(MinYiSettings settings, Ingestion ingestion, Hotspots hotspots, Environment env,
                            MeterRegistry registry) {
        Clock clock = Clock.systemUTC();
        AlertEngine engine = AlertEngine.open(settings.dataDir().resolve("alerts"),
                timed(ChannelRouter.standard(smtp(env), Duration.ofSeconds(10), clock), registry, clock),
                AlertSettings.defaults(), clock);
        ingestion.onIndexed(engine::onIndexed);
        Duration every = Duration.ofSeconds(env.getProperty("minyi.alert.hotspot-interval-seconds", Long.class, 300L));
        engine.watchHotspots(() -> hotspots.between(clock.instant().minus(Duration.ofDays(7)), clock.instant(),
                Duration.ofDays(90), 50), every);
        return engine;
    }

    /** Measures each delivered alert from when its message or hotspot was observed to when it was sent. */
    private static Notifier timed(Notifier notifier, MeterRegistry registry, Clock clock) {
        Timer latency = Timer.builder("minyi.alert.latency")
                .description("from a message or hotspot observed to its alert delivered").register(registry);
        return (alert, destination) -> {
            notifier.send(alert, destination);
            latency.record(Duration.between(alert.observedAt(), clock.instant()));
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
