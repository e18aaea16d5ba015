package org.minyi.delivery;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.minyi.access.Jurisdiction;
import org.minyi.alert.Alert;
import org.minyi.alert.AlertEngine;
import org.minyi.alert.Attachment;
import org.minyi.alert.DeliveryStatus;
import org.minyi.alert.HistoryRow;
import org.minyi.alert.Rule;
import org.minyi.index.MessageIndex;
import org.minyi.insight.Hotspots;
import org.minyi.report.Briefing;
import org.minyi.report.BriefingRequest;
import org.minyi.report.Briefings;
import org.minyi.report.ReportFormat;
import org.minyi.report.ReportKind;
import org.minyi.report.ReportPeriod;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Sends each subscription that asked for it the weekly report of its scope, once a week ({@link WeeklySchedule}),
 * with the rules alerts follow: only the week just ended and only while fresh; once per rule and week, remembered in
 * the alert history so a second run or a restart sends nothing again; every delivery, sent or failed with its reason,
 * in the subscriber's history; one subscription failing stops none of the others.
 *
 * <p>E-mail gets the report as a PDF made with the briefing code over what the rule's owner may read; WeCom, DingTalk
 * and webhooks get a message linking to the report page, where the reader sees what they themselves may read.
 */
public final class WeeklyReportDelivery implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(WeeklyReportDelivery.class);

    private final AlertEngine alerts;
    private final Briefings briefings;
    private final MessageIndex index;
    private final Hotspots hotspots;
    private final ReportReaders readers;
    private final WeeklySchedule schedule;
    private final String linkBase;
    private final Clock clock;
    private ScheduledExecutorService timer;

    /** @param linkBase the service's public address for the report page links, e.g. https://minyi.example.gov.cn */
    public WeeklyReportDelivery(AlertEngine alerts, Briefings briefings, MessageIndex index, Hotspots hotspots,
                                ReportReaders readers, WeeklySchedule schedule, String linkBase, Clock clock) {
        this.alerts = Objects.requireNonNull(alerts, "alerts");
        this.briefings = Objects.requireNonNull(briefings, "briefings");
        this.index = Objects.requireNonNull(index, "index");
        this.hotspots = Objects.requireNonNull(hotspots, "hotspots");
        this.readers = Objects.requireNonNull(readers, "readers");
        this.schedule = Objects.requireNonNull(schedule, "schedule");
        this.linkBase = linkBase == null ? "" : linkBase.replaceAll("/+$", "");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    /** Looks every {@link WeeklySchedule#checkEvery} (first soon after the start) whether a week is due. */
    public synchronized void start() {
        if (timer != null) {
            return;
        }
        timer = Executors.newSingleThreadScheduledExecutor(runnable -> {
            Thread thread = new Thread(runnable, "minyi-weekly-report");
            thread.setDaemon(true);
            return thread;
        });
        long every = schedule.checkEvery().toMillis();
        timer.scheduleWithFixedDelay(this::runSafely, Math.min(every, 60_000), every, TimeUnit.MILLISECONDS);
    }

    public WeeklySchedule schedule() {
        return schedule;
    }

    /**
     * Sends the reports due now: for the week just ended, to every rule with {@code weeklyReport} that has none in
     * the history yet. Nothing when no week is due.
     *
     * @return this run's deliveries, sent or failed
     */
    public synchronized List<HistoryRow> runDue() {
        Instant now = clock.instant();
        Optional<ReportPeriod> due = schedule.due(now);
        if (due.isEmpty()) {
            return List.of();
        }
        ReportPeriod week = due.get();
        // every delivery of this week was recorded after it ended
        Set<String> done = alerts.recordedSince(week.end(schedule.zone()));
        List<HistoryRow> rows = new ArrayList<>();
        for (Rule rule : alerts.rules()) {
            if (!rule.weeklyReport() || done.contains(WeeklyReportNotice.id(rule, week))) {
                continue;
            }
            try {
                rows.add(deliver(rule, week, now));
            } catch (RuntimeException e) { // recording itself failed: the others still get theirs
                LOG.error("weekly report {} of rule {} was not delivered", week.first(), rule.id(), e);
            }
        }
        if (!rows.isEmpty()) {
            LOG.info("weekly report {}: {} delivered, {} failed", week.first(),
                    rows.stream().filter(r -> r.status() == DeliveryStatus.SENT).count(),
                    rows.stream().filter(r -> r.status() != DeliveryStatus.SENT).count());
        }
        return rows;
    }

    private HistoryRow deliver(Rule rule, ReportPeriod week, Instant now) {
        Alert notice = WeeklyReportNotice.of(rule, week, linkBase, now);
        Optional<Jurisdiction> readable = readers.of(rule);
        if (readable.isEmpty()) {
            return alerts.failReport(notice, "保存这条订阅的账号无权阅读简报，未发送周报；请管理员为账号开通阅读简报的角色");
        }
        return alerts.sendReport(notice, () -> pdf(rule, week, readable.get()));
    }

    /** The rule's weekly report as its owner may read it, as a PDF file. */
    private Attachment pdf(Rule rule, ReportPeriod week, Jurisdiction readable) {
        Briefing briefing = briefings.build(BriefingRequest.period(ReportKind.WEEKLY, week.first(),
                WeeklyReportNotice.scope(rule)), readable.view(index), hotspots);
        return new Attachment(Briefings.fileName(briefing, ReportFormat.PDF), ReportFormat.PDF.contentType(),
                briefings.render(briefing, ReportFormat.PDF));
    }

    private void runSafely() {
        try {
            runDue();
        } catch (RuntimeException e) {
            LOG.error("weekly report run failed; the next check tries again", e);
        }
    }

    @Override
    public synchronized void close() {
        if (timer != null) {
            timer.shutdownNow();
            try {
                timer.awaitTermination(5, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            timer = null;
        }
    }
}
