package org.minyi.web;

import java.nio.file.Path;
import java.time.Clock;
import org.minyi.MinYiSettings;
import org.minyi.report.Briefings;
import org.minyi.report.ReportKind;
import org.minyi.report.ReportTemplates;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;

/**
 * Briefings in the service. {@code minyi.report.templates}: the folder of operator templates (default
 * {@code <data-dir>/report-templates}; a kind without a file there uses the built-in one), checked here so that a bad
 * template stops the start; {@code minyi.report.font}: the Chinese font file; {@code minyi.report.link-base}: the
 * service's address in report links (default that of alerts, else this port on 127.0.0.1).
 */
@Configuration
class ReportConfiguration {

    private static final Logger LOG = LoggerFactory.getLogger(ReportConfiguration.class);

    @Bean
    Briefings briefings(MinYiSettings settings, Environment env) {
        String folder = env.getProperty("minyi.report.templates", "");
        Path templatesDir = folder.isBlank() ? settings.dataDir().resolve("report-templates") : Path.of(folder);
        ReportTemplates templates = ReportTemplates.load(templatesDir);
        for (ReportKind kind : ReportKind.values()) {
            LOG.info("report template {}: {}", kind.key(), templates.origin(kind));
        }
        String linkBase = env.getProperty("minyi.report.link-base", env.getProperty("minyi.alert.link-base", ""));
        if (linkBase.isBlank()) {
            linkBase = "http://127.0.0.1:" + env.getProperty("server.port", "8080");
        }
        return new Briefings(templates, Briefings.fontOnce(env.getProperty("minyi.report.font")), settings.zone(),
                linkBase, Clock.systemUTC());
    }
}
