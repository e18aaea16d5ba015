package org.minyi.delivery;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.ServerSetupTest;
import com.sun.net.httpserver.HttpServer;
import jakarta.mail.Part;
import jakarta.mail.internet.MimeBodyPart;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.minyi.MinYiSettings;
import org.minyi.alert.Alert;
import org.minyi.alert.AlertEngine;
import org.minyi.alert.AlertKind;
import org.minyi.alert.AlertSettings;
import org.minyi.alert.Attachment;
import org.minyi.alert.ChannelRouter;
import org.minyi.alert.ChannelType;
import org.minyi.alert.DeliveryException;
import org.minyi.alert.DeliveryStatus;
import org.minyi.alert.Destination;
import org.minyi.alert.DingTalkNotifier;
import org.minyi.alert.EmailNotifier;
import org.minyi.alert.HistoryRow;
import org.minyi.alert.InternalReceiver;
import org.minyi.alert.Notifier;
import org.minyi.alert.ReadScope;
import org.minyi.alert.ReceiverGuard;
import org.minyi.alert.Rule;
import org.minyi.alert.SmtpSettings;
import org.minyi.alert.WeComNotifier;
import org.minyi.analysis.Analysis;
import org.minyi.analysis.DomainDictionary;
import org.minyi.analysis.Segmenter;
import org.minyi.analysis.Sentiment;
import org.minyi.index.IndexedMessage;
import org.minyi.index.lucene.LuceneMessageIndex;
import org.minyi.insight.Hotspots;
import org.minyi.message.Channel;
import org.minyi.message.Message;
import org.minyi.message.Votes;
import org.minyi.report.Briefings;
import org.minyi.report.ReportTemplates;
import org.minyi.testing.MutableClock;

/**
 * The weekly report a subscription asks for: sent once a week for the ISO week just ended, once per subscription and
 * week (also across restarts), never for an older week, recorded in the subscriber's history whether it was sent or
 * failed; e-mail carries the PDF, robots a link to the report page.
 */
class WeeklyReportDeliveryTest {

    @RegisterExtension
    static final GreenMailExtension SMTP = new GreenMailExtension(ServerSetupTest.SMTP);

    private static final ZoneId CHINA = MinYiSettings.CHINA;
    private static final String LINK_BASE = "https://minyi.example.gov.cn";
    /** Monday 2026-11-30, 08:05 Beijing time: the report of week 48 (2026-11-23 to 2026-11-29) is due. */
    private static final Instant MONDAY_MORNING = Instant.parse("2026-11-30T00:05:00Z");
    private static final String WEEK_48 = "2026年第48周（2026-11-23 至 2026-11-29）";
    private static final ReceiverGuard LOOPBACK =
            ReceiverGuard.allowing(List.of(InternalReceiver.parse("127.0.0.1")));

    @TempDir
    Path dir;

    private final MutableClock clock = new MutableClock(MONDAY_MORNING);
    private final RecordingChannel channel = new RecordingChannel();
    private LuceneMessageIndex index;
    private Briefings briefings;
    private AlertEngine engine;

    @BeforeEach
    void openIndex() {
        index = LuceneMessageIndex.open(dir.resolve("index"), new Segmenter(DomainDictionary.load((Path) null)),
                CHINA);
        List<IndexedMessage> week = new ArrayList<>();
        for (int i = 0; i < 6; i++) {
            week.add(message("a3-" + i, "A3区", "A3区桂花路路灯不亮，晚上漆黑一片，希望尽快修复。",
                    Instant.parse("2026-11-2" + (4 + i % 3) + "T02:00:00Z")));
            week.add(message("a5-" + i, "A5区", "A5区实验小学门口交通拥堵，孩子过马路很危险。",
                    Instant.parse("2026-11-2" + (4 + i % 3) + "T03:00:00Z")));
        }
        index.upsert(week);
        index.commit();
        index.refresh();
        briefings = new Briefings(ReportTemplates.load(null), Briefings.fontOnce(null), CHINA, LINK_BASE, clock);
    }

    @AfterEach
    void close() {
        if (engine != null) {
            engine.close();
        }
        index.close();
    }

    @Test
    void aScheduledRunSendsEachSubscribingRuleTheReportOfTheWeekJustEndedForItsScope() {
        engine = engine(channel);
        engine.putRule(rule("a3-lights", "a3-office", Set.of("A3区"), Set.of(), true, "https://a3.example.org/hook"));
        engine.putRule(rule("city", "mayor-office", Set.of(), Set.of("交通"), true, "https://mayor.example.org/hook"));
        engine.putRule(rule("alerts-only", "mayor-office", Set.of(), Set.of(), false, "https://other.example.org/hook"));

        List<HistoryRow> rows = delivery(engine).runDue();

        assertEquals(2, rows.size());
        assertTrue(rows.stream().allMatch(r -> r.status() == DeliveryStatus.SENT), rows.toString());
        assertEquals(Map.of("https://a3.example.org/hook", 1, "https://mayor.example.org/hook", 1), channel.sendsByUrl());
        Alert a3 = channel.alertTo("https://a3.example.org/hook");
        assertEquals(AlertKind.REPORT, a3.kind());
        assertEquals("【周报】" + WEEK_48 + " · A3区 · 全部主题", a3.title());
        assertEquals(LINK_BASE + "/report.html?kind=weekly&date=2026-11-23&region=A3%E5%8C%BA", a3.link());
        assertEquals(LINK_BASE + "/report.html?kind=weekly&date=2026-11-23&topic=%E4%BA%A4%E9%80%9A",
                channel.alertTo("https://mayor.example.org/hook").link());
        HistoryRow inHistory = engine.history("a3-office", 10).getFirst();
        assertEquals(a3.id(), inHistory.alert().id());
        assertEquals(List.of(DeliveryStatus.QUEUED, DeliveryStatus.SENT),
                inHistory.states().stream().map(HistoryRow.State::status).toList());
        assertEquals("（内容不在你的阅读范围内）",
                engine.history("a3-office", 10, ReadScope.regions(Set.of("A5区"))).getFirst().alert().title(),
                "a viewer bound to another region sees that a report was sent, not which");
    }

    @Test
    void aSecondRunForTheSameWeekSendsNothing() {
        engine = engine(channel);
        engine.putRule(rule("a3-lights", "a3-office", Set.of("A3区"), Set.of(), true, "https://a3.example.org/hook"));
        WeeklyReportDelivery delivery = delivery(engine);
        delivery.runDue();

        clock.set(MONDAY_MORNING.plus(Duration.ofHours(3)));
        assertEquals(List.of(), delivery.runDue());
        assertEquals(1, channel.sends.size());
        assertEquals(1, engine.history("a3-office", 10).size());
    }

    @Test
    void aRunAfterARestartDoesNotSendTheWeekAgain() {
        engine = engine(channel);
        engine.putRule(rule("a3-lights", "a3-office", Set.of("A3区"), Set.of(), true,
                "https://a3.example.org/hook"));
        delivery(engine).runDue();
        engine.close();

        clock.set(MONDAY_MORNING.plus(Duration.ofHours(1)));
        engine = engine(channel);
        assertEquals(List.of(), delivery(engine).runDue());
        assertEquals(1, channel.sends.size());
    }

    @Test
    void aWeekWhoseSendingTimeIsLongPastIsNeverSentAndAnOlderWeekNeverLooked() {
        engine = engine(channel);
        engine.putRule(rule("a3-lights", "a3-office", Set.of("A3区"), Set.of(), true, "https://a3.example.org/hook"));
        WeeklyReportDelivery delivery = delivery(engine);

        clock.set(Instant.parse("2026-11-29T23:59:00Z")); // Monday 07:59: not yet
        assertEquals(List.of(), delivery.runDue());
        clock.set(MONDAY_MORNING.plus(Duration.ofDays(1))); // Tuesday 08:05: a day late, past the freshness
        assertEquals(List.of(), delivery.runDue());
        assertEquals(0, channel.sends.size());

        clock.set(MONDAY_MORNING.plus(Duration.ofDays(7))); // the next Monday: week 49 only
        List<HistoryRow> rows = delivery.runDue();
        assertEquals(1, rows.size());
        assertTrue(rows.getFirst().alert().title().contains("2026年第49周"), rows.getFirst().alert().title());
        assertEquals(1, channel.sends.size());
    }

    @Test
    void anEmailCarriesTheWeeklyReportOfTheRulesScopeAsAPdf() throws Exception {
        engine = engine(new EmailNotifier(new SmtpSettings("127.0.0.1", SMTP.getSmtp().getPort(), "minyi@example.org",
                null, null, false, Duration.ofSeconds(5))));
        engine.putRule(new Rule("a3-mail", "a3-office", "A3区周报", Set.of(), Set.of("A3区"), List.of(), null, null,
                null, Destination.email(List.of("a3@example.org")), null, null, true));

        List<HistoryRow> rows = delivery(engine).runDue();

        assertEquals(DeliveryStatus.SENT, rows.getFirst().status(), rows.toString());
        MimeMessage mail = SMTP.getReceivedMessages()[0];
        assertEquals("【周报】" + WEEK_48 + " · A3区 · 全部主题", mail.getSubject());
        MimeMultipart parts = (MimeMultipart) mail.getContent();
        MimeBodyPart pdf = (MimeBodyPart) parts.getBodyPart(1);
        assertEquals(Part.ATTACHMENT, pdf.getDisposition());
        assertEquals("minyi-weekly-2026-11-23.pdf", pdf.getFileName());
        assertTrue(pdf.getContentType().startsWith("application/pdf"), pdf.getContentType());
        byte[] bytes;
        try (InputStream in = pdf.getInputStream()) {
            bytes = in.readAllBytes();
        }
        try (PDDocument document = Loader.loadPDF(bytes)) {
            String text = new PDFTextStripper().getText(document).replaceAll("\\s", "");
            assertTrue(text.contains("2026年第48周"), text);
            assertTrue(text.contains("A3区·全部主题"), text);
        }
        String body = ((String) parts.getBodyPart(0).getContent());
        assertTrue(body.contains(LINK_BASE + "/report.html?kind=weekly&date=2026-11-23&region=A3%E5%8C%BA"), body);
    }

    @Test
    void weComAndDingTalkRobotsGetALinkToTheReportPage() throws Exception {
        List<String> bodies = new CopyOnWriteArrayList<>();
        HttpServer robot = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        robot.createContext("/", exchange -> {
            bodies.add(new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8));
            byte[] ok = "{\"errcode\":0,\"errmsg\":\"ok\"}".getBytes(StandardCharsets.UTF_8);
            exchange.sendResponseHeaders(200, ok.length);
            exchange.getResponseBody().write(ok);
            exchange.close();
        });
        robot.start();
        try {
            String base = "http://127.0.0.1:" + robot.getAddress().getPort();
            Map<ChannelType, Notifier> adapters = new EnumMap<>(ChannelType.class);
            adapters.put(ChannelType.WECOM, new WeComNotifier(Duration.ofSeconds(5), LOOPBACK));
            adapters.put(ChannelType.DINGTALK, new DingTalkNotifier(Duration.ofSeconds(5), clock, LOOPBACK));
            engine = engine(new ChannelRouter(adapters));
            engine.putRule(new Rule("wecom", "a3-office", "企业微信周报", Set.of(), Set.of("A3区"), List.of(), null,
                    null, null, Destination.wecom(base + "/cgi-bin/webhook/send?key=k"), null, null, true));
            engine.putRule(new Rule("dingtalk", "a5-office", "钉钉周报", Set.of(), Set.of("A5区"), List.of(), null,
                    null, null, Destination.dingtalk(base + "/robot/send?access_token=t", null), null, null, true));

            List<HistoryRow> rows = delivery(engine).runDue();

            assertTrue(rows.stream().allMatch(r -> r.status() == DeliveryStatus.SENT), rows.toString());
            assertEquals(2, bodies.size());
            assertEquals(1, bodies.stream().filter(b -> b.contains("\"msgtype\":\"markdown\"") && b.contains(
                    LINK_BASE + "/report.html?kind=weekly&date=2026-11-23&region=A3%E5%8C%BA")).count(), bodies.toString());
            assertEquals(1, bodies.stream().filter(b -> b.contains(
                    LINK_BASE + "/report.html?kind=weekly&date=2026-11-23&region=A5%E5%8C%BA")).count(), bodies.toString());
        } finally {
            robot.stop(0);
        }
    }

    @Test
    void aFailingChannelIsRecordedInChineseAndTheOtherSubscriptionsStillGetTheirReport() {
        channel.refuse("https://broken.example.org/hook");
        engine = engine(channel);
        engine.putRule(rule("broken", "a5-office", Set.of("A5区"), Set.of(), true, "https://broken.example.org/hook"));
        engine.putRule(rule("a3-lights", "a3-office", Set.of("A3区"), Set.of(), true, "https://a3.example.org/hook"));
        WeeklyReportDelivery delivery = delivery(engine);

        List<HistoryRow> rows = delivery.runDue();

        assertEquals(2, rows.size());
        HistoryRow failed = engine.history("a5-office", 10).getFirst();
        assertEquals(DeliveryStatus.FAILED, failed.status());
        assertEquals("企业微信机器人 broken.example.org：机器人拒绝了消息（errcode 93000）",
                failed.states().getLast().reason());
        assertEquals(DeliveryStatus.SENT, engine.history("a3-office", 10).getFirst().status());
        assertEquals(List.of(), delivery.runDue(), "a failed week is recorded, not tried again and again");
    }

    @Test
    void aSubscriptionWhoseOwnerMayNotReadBriefingsIsRecordedAsFailedWithoutSending() {
        engine = engine(channel);
        engine.putRule(rule("demoted", "ex-leader", Set.of(), Set.of(), true, "https://ex.example.org/hook"));
        engine.putRule(rule("a3-lights", "a3-office", Set.of("A3区"), Set.of(), true, "https://a3.example.org/hook"));
        ReportReaders onlyA3 = r -> r.subscriber().equals("a3-office")
                ? ReportReaders.EVERYONE.of(r) : Optional.empty();

        new WeeklyReportDelivery(engine, briefings, index, Hotspots.withDefaults(index, CHINA), onlyA3,
                WeeklySchedule.defaults(), LINK_BASE, clock).runDue();

        HistoryRow refused = engine.history("ex-leader", 10).getFirst();
        assertEquals(DeliveryStatus.FAILED, refused.status());
        assertTrue(refused.states().getLast().reason().startsWith("保存这条订阅的账号无权阅读简报"));
        assertEquals(Map.of("https://a3.example.org/hook", 1), channel.sendsByUrl());
    }

    @Test
    void aRuleAsksForTheWeeklyReportOfAtMostOneRegionAndOneTopic() {
        org.minyi.InvalidInput regions = org.junit.jupiter.api.Assertions.assertThrows(org.minyi.InvalidInput.class,
                () -> rule("two", "x", Set.of("A3区", "A5区"), Set.of(), true, "https://x.example.org/hook"));
        assertEquals("subscription.weekly_report.regions", regions.code());
        org.minyi.InvalidInput topics = org.junit.jupiter.api.Assertions.assertThrows(org.minyi.InvalidInput.class,
                () -> rule("two", "x", Set.of(), Set.of("交通", "城建"), true, "https://x.example.org/hook"));
        assertEquals("subscription.weekly_report.topics", topics.code());
        assertEquals(Set.of("A3区", "A5区"),
                rule("alerts", "x", Set.of("A3区", "A5区"), Set.of(), false, "https://x.example.org/hook").regions(),
                "alert rules keep any number of regions");
    }

    // ---- fixtures ----

    private AlertEngine engine(Notifier notifier) {
        return AlertEngine.open(dir.resolve("alerts"), notifier, AlertSettings.defaults().withMaxAttempts(1), clock);
    }

    private WeeklyReportDelivery delivery(AlertEngine alerts) {
        return new WeeklyReportDelivery(alerts, briefings, index, Hotspots.withDefaults(index, CHINA),
                ReportReaders.EVERYONE, WeeklySchedule.defaults(), LINK_BASE, clock);
    }

    private static Rule rule(String id, String subscriber, Set<String> regions, Set<String> topics, boolean weekly,
                             String wecomUrl) {
        return new Rule(id, subscriber, id, topics, regions, List.of(), null, null, null,
                Destination.wecom(wecomUrl), null, null, weekly);
    }

    private static IndexedMessage message(String id, String region, String text, Instant at) {
        Message m = new Message(id, "test", Channel.BOARD, text.substring(0, 12), text, at, region, null,
                new Votes(1, 0), null);
        List<String> keywords = List.of(text.split("[，。 ]+"));
        return new IndexedMessage(m, new Analysis(keywords, "城乡建设", 0.9, Sentiment.NEGATIVE, -0.6, List.of(),
                region, List.of(), keywords, null, null, m.title(), text, 0));
    }

    /** Stands in for the channels: records what each receiver got, refuses the receivers it was told to. */
    private static final class RecordingChannel implements Notifier {

        record Send(Alert alert, Destination to, Attachment attachment) {
        }

        final List<Send> sends = new CopyOnWriteArrayList<>();
        private final Set<String> refused = new java.util.concurrent.CopyOnWriteArraySet<>();

        void refuse(String url) {
            refused.add(url);
        }

        @Override
        public void send(Alert alert, Destination to) throws DeliveryException {
            send(alert, to, null);
        }

        @Override
        public void send(Alert alert, Destination to, Attachment attachment) throws DeliveryException {
            if (refused.contains(to.url())) {
                throw new DeliveryException("机器人拒绝了消息（errcode 93000）", false);
            }
            sends.add(new Send(alert, to, attachment));
        }

        Map<String, Integer> sendsByUrl() {
            Map<String, Integer> counts = new java.util.TreeMap<>();
            sends.forEach(s -> counts.merge(s.to().url(), 1, Integer::sum));
            return counts;
        }

        Alert alertTo(String url) {
            return sends.stream().filter(s -> s.to().url().equals(url)).findFirst().orElseThrow().alert();
        }
    }
}
