package org.minyi.web;

import java.time.Clock;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.Locale;
import org.minyi.alert.AlertEngine;
import org.minyi.delivery.WeeklyReportDelivery;
import org.minyi.delivery.WeeklySchedule;
import org.minyi.index.MessageIndex;
import org.minyi.insight.Hotspots;
import org.minyi.report.Briefings;
import org.minyi.web.security.UserStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;

/**
 * Scheduled delivery in the service: the weekly reports subscriptions ask for ({@code minyi.report.weekly.enabled},
 * default true; the API tests turn it off so that the day they run on does not matter). {@code minyi.report.weekly.day}
 * (MONDAY…SUNDAY), {@code .time} (HH:mm), {@code .zone}, {@code .freshness} (how late a missed sending time may
 * still be caught up) and {@code .check-every}; links point at {@code minyi.report.link-base}, else
 * {@code minyi.alert.link-base}, else this port on 127.0.0.1.
 */
@Configuration
class DeliveryConfiguration {

    private static final Logger LOG = LoggerFactory.getLogger(DeliveryConfiguration.class);

    @Bean
    RoleReportReaders reportReaders(UserStore users) {
        return new RoleReportReaders(users);
    }

    @Bean(destroyMethod = "close")
    WeeklyReportDelivery weeklyReports(AlertEngine alerts, Briefings briefings, MessageIndex index,
                                       Hotspots hotspots, RoleReportReaders readers, Environment env) {
        WeeklySchedule schedule = schedule(env);
        String linkBase = env.getProperty("minyi.report.link-base", env.getProperty("minyi.alert.link-base", ""));
        if (linkBase.isBlank()) {
            linkBase = "http://127.0.0.1:" + env.getProperty("server.port", "8080");
        }
        WeeklyReportDelivery delivery = new WeeklyReportDelivery(alerts, briefings, index, hotspots, readers,
                schedule, linkBase, Clock.systemUTC());
        if (env.getProperty("minyi.report.weekly.enabled", Boolean.class, true)) {
            delivery.start();
            LOG.info("weekly reports: {} {} ({}), links to {}", schedule.day(), schedule.time(), schedule.zone(),
                    linkBase);
        } else {
            LOG.info("weekly reports are off (minyi.report.weekly.enabled=false)");
        }
        return delivery;
    }

    static WeeklySchedule schedule(Environment env) {
        WeeklySchedule d = WeeklySchedule.defaults();
        String day = env.getProperty("minyi.report.weekly.day", d.day().name());
        String time = env.getProperty("minyi.report.weekly.time", d.time().toString());
        try {
            return new WeeklySchedule(DayOfWeek.valueOf(day.strip().toUpperCase(Locale.ROOT)),
                    LocalTime.parse(time.strip()),
                    ZoneId.of(env.getProperty("minyi.report.weekly.zone", d.zone().getId()).strip()),
                    env.getProperty("minyi.report.weekly.freshness", Duration.class, d.freshness()),
                    env.getProperty("minyi.report.weekly.check-every", Duration.class, d.checkEvery()));
        } catch (java.time.DateTimeException | IllegalArgumentException e) {
            throw new IllegalStateException("minyi.report.weekly: " + e.getMessage()
                    + " (day MONDAY…SUNDAY, time HH:mm, zone such as Asia/Shanghai)", e);
        }
    }
}
