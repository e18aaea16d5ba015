package org.minyi.alert;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.minyi.alert.TestMessages.message;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.minyi.index.IndexedMessage;
import org.minyi.insight.Hotspot;
import org.minyi.insight.HotspotDetector;
import org.minyi.insight.HotspotSettings;

class AlertEngineTest {

    private static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");
    /** 10:00 in Shanghai. */
    private static final Instant MORNING = Instant.parse("2026-03-02T02:00:00Z");
    private static final Duration WAIT = Duration.ofSeconds(20);

    @TempDir
    Path folder;

    private final MutableClock clock = new MutableClock(MORNING);
    private final List<AlertEngine> engines = new ArrayList<>();
    private final List<HttpPeer> peers = new ArrayList<>();

    @AfterEach
    void stop() {
        engines.forEach(AlertEngine::close);
        peers.forEach(HttpPeer::close);
    }

    private HttpPeer peer() {
        HttpPeer peer = HttpPeer.ok();
        peers.add(peer);
        return peer;
    }

    private AlertEngine engine(AlertSettings settings) {
        AlertEngine engine = AlertEngine.open(folder, ChannelRouter.standard(null, Duration.ofSeconds(5), clock),
                settings, clock);
        engines.add(engine);
        return engine;
    }

    private static AlertSettings fastRetries() {
        return AlertSettings.defaults().withBackoff(Duration.ofMillis(20), Duration.ofMillis(100));
    }

    private static Rule negativeEnvironment(HttpPeer peer) {
        return new Rule("env-neg", "env-bureau", "环保负面", Set.of("环境保护"), Set.of("A5区"), List.of(), -0.5, null,
                null, Destination.webhook(peer.url("/hook"), "k"));
    }

    private static List<HistoryEntry> entries(AlertEngine engine, DeliveryStatus status) {
        return engine.history(null, 1000).stream().filter(e -> e.status() == status).toList();
    }

    @Test
    void aMatchingMessageIsSentOnceAndRecordedAsSent() throws Exception {
        HttpPeer peer = peer();
        AlertEngine engine = engine(fastRetries());
        engine.putRule(negativeEnvironment(peer));

        engine.onIndexed(message("1", "环境保护", "A5区", "餐饮店油烟噪音扰民", -0.8));
        assertTrue(engine.awaitIdle(WAIT));

        assertEquals(1, peer.requests().size());
        List<HistoryEntry> sent = entries(engine, DeliveryStatus.SENT);
        assertEquals(1, sent.size());
        assertEquals("message:1", sent.get(0).alert().subject());
        assertEquals(1, sent.get(0).attempts());
    }

    @Test
    void messagesOutsideTheRuleAreNotAlerted() throws Exception {
        HttpPeer peer = peer();
        AlertEngine engine = engine(fastRetries());
        engine.putRule(negativeEnvironment(peer));
        engine.putRule(new Rule("kw", "press", null, Set.of(), Set.of(), List.of("拆迁"), null, null, null,
                Destination.webhook(peer.url("/kw"), "k")));

        engine.onIndexed(message("other-topic", "交通运输", "A5区", "道路坑洼", -0.8));
        engine.onIndexed(message("other-region", "环境保护", "A3区", "油烟扰民", -0.8));
        engine.onIndexed(message("not-negative", "环境保护", "A5区", "油烟治理效果好", 0.6));
        engine.onIndexed(message("has-keyword", "城乡建设", "A1区", "小区拆迁补偿不公", -0.2));
        assertTrue(engine.awaitIdle(WAIT));

        assertEquals(List.of("/kw"), peer.requests().stream().map(HttpPeer.Request::path).toList());
        assertEquals("message:has-keyword", entries(engine, DeliveryStatus.SENT).get(0).alert().subject());
    }

    @Test
    void aPeerFailingTwiceThenSucceedingGetsTheAlertOnTheThirdAttempt() throws Exception {
        HttpPeer peer = peer().thenRespond(500, "down").thenRespond(500, "still down");
        AlertEngine engine = engine(fastRetries());
        engine.putRule(negativeEnvironment(peer));

        engine.onIndexed(message("1", "环境保护", "A5区", "油烟扰民", -0.8));
        assertTrue(engine.awaitIdle(WAIT));

        assertEquals(3, peer.requests().size());
        assertEquals(1, peer.requests().stream().map(r -> r.header(WebhookSignature.ALERT_ID_HEADER)).distinct()
                .count(), "the retries carry the same alert id");
        List<HistoryEntry> sent = entries(engine, DeliveryStatus.SENT);
        assertEquals(1, sent.size());
        assertEquals(3, sent.get(0).attempts());
        assertTrue(entries(engine, DeliveryStatus.FAILED).isEmpty());
    }

    @Test
    void aPeerThatAlwaysFailsEndsInOneFailedEntryAfterTheLastAttempt() throws Exception {
        HttpPeer peer = peer();
        peer.alwaysRespond(500, "broken");
        AlertEngine engine = engine(fastRetries().withMaxAttempts(4));
        engine.putRule(negativeEnvironment(peer));

        engine.onIndexed(message("1", "环境保护", "A5区", "油烟扰民", -0.8));
        assertTrue(engine.awaitIdle(WAIT));

        assertEquals(4, peer.requests().size());
        List<HistoryEntry> failed = entries(engine, DeliveryStatus.FAILED);
        assertEquals(1, failed.size());
        assertEquals(4, failed.get(0).attempts());
        assertTrue(failed.get(0).reason().contains("HTTP 500"), failed.get(0).reason());
        assertEquals(1, entries(engine, DeliveryStatus.QUEUED).size());
        assertTrue(entries(engine, DeliveryStatus.SENT).isEmpty());
    }

    @Test
    void theSameSubjectIsAlertedOncePerDedupeWindow() throws Exception {
        HttpPeer peer = peer();
        AlertEngine engine = engine(fastRetries());
        engine.putRule(negativeEnvironment(peer));
        IndexedMessage m = message("1", "环境保护", "A5区", "油烟扰民", -0.8);

        engine.onIndexed(m);
        assertTrue(engine.awaitIdle(WAIT));
        clock.advance(Duration.ofHours(1));
        engine.onIndexed(m); // e.g. re-indexed when its reply arrived
        assertTrue(engine.awaitIdle(WAIT));

        assertEquals(1, peer.requests().size());
        List<HistoryEntry> suppressed = entries(engine, DeliveryStatus.SUPPRESSED);
        assertEquals(1, suppressed.size());
        assertTrue(suppressed.get(0).reason().startsWith("duplicate"), suppressed.get(0).reason());

        clock.advance(AlertSettings.defaults().dedupeWindow());
        engine.onIndexed(m);
        assertTrue(engine.awaitIdle(WAIT));
        assertEquals(2, peer.requests().size(), "after the window the subject may alert again");
    }

    @Test
    void aSubscriberGetsAtMostTheRateLimitPerWindow() throws Exception {
        HttpPeer peer = peer();
        AlertEngine engine = engine(fastRetries().withRateLimit(2, Duration.ofHours(1)));
        engine.putRule(negativeEnvironment(peer));

        for (int i = 0; i < 3; i++) {
            engine.onIndexed(message("m" + i, "环境保护", "A5区", "油烟扰民" + i, -0.8));
        }
        assertTrue(engine.awaitIdle(WAIT));

        assertEquals(2, peer.requests().size());
        List<HistoryEntry> suppressed = entries(engine, DeliveryStatus.SUPPRESSED);
        assertEquals(1, suppressed.size());
        assertTrue(suppressed.get(0).reason().startsWith("rate limit"), suppressed.get(0).reason());

        clock.advance(Duration.ofMinutes(61));
        engine.onIndexed(message("later", "环境保护", "A5区", "油烟扰民", -0.8));
        assertTrue(engine.awaitIdle(WAIT));
        assertEquals(3, peer.requests().size(), "a new window admits again");
    }

    @Test
    void alertsDuringQuietHoursAreHeldAndSentWhenTheyEnd() throws Exception {
        HttpPeer peer = peer();
        clock.set(Instant.parse("2026-03-02T15:00:00Z")); // 23:00 in Shanghai
        AlertEngine engine = engine(fastRetries());
        engine.putRule(new Rule("night", "mayor", null, Set.of(), Set.of(), List.of(), null, null,
                new QuietHours(LocalTime.of(22, 0), LocalTime.of(7, 0), SHANGHAI),
                Destination.webhook(peer.url("/hook"), "k")));

        engine.onIndexed(message("1", "环境保护", "A5区", "油烟扰民", -0.8));
        assertTrue(engine.awaitIdle(WAIT));
        Thread.sleep(600); // the held-alert check runs every 250 ms: it must not release early

        assertTrue(peer.requests().isEmpty());
        HistoryEntry held = entries(engine, DeliveryStatus.HELD).get(0);
        assertTrue(held.reason().contains("2026-03-02T23:00:00Z"), held.reason()); // 07:00 Shanghai

        clock.set(Instant.parse("2026-03-02T23:00:00Z"));
        waitFor(() -> !entries(engine, DeliveryStatus.SENT).isEmpty());
        assertEquals(1, peer.requests().size());
    }

    @Test
    void rulesHistoryAndDedupeStateSurviveARestart() throws Exception {
        HttpPeer peer = peer();
        IndexedMessage m = message("1", "环境保护", "A5区", "油烟扰民", -0.8);
        AlertEngine first = engine(fastRetries());
        Rule rule = first.putRule(new Rule("env-neg", "env-bureau", "环保负面", Set.of("环境保护"), Set.of("A5区"),
                List.of("油烟"), -0.5, null, new QuietHours(LocalTime.of(1, 0), LocalTime.of(2, 0), SHANGHAI),
                Destination.webhook(peer.url("/hook"), "k")));
        first.onIndexed(m);
        assertTrue(first.awaitIdle(WAIT));
        first.close();

        AlertEngine second = engine(fastRetries());

        assertEquals(List.of(rule), second.rules());
        assertEquals(List.of(DeliveryStatus.SENT, DeliveryStatus.QUEUED),
                second.history("env-bureau", 10).stream().map(HistoryEntry::status).toList());
        second.onIndexed(m);
        assertTrue(second.awaitIdle(WAIT));
        assertEquals(1, peer.requests().size(), "the restarted engine remembers it already alerted");
        assertEquals(1, entries(second, DeliveryStatus.SUPPRESSED).size());
    }

    @Test
    void anAlertStillBeingRetriedAtShutdownIsDeliveredOnceAfterRestart() throws Exception {
        HttpPeer peer = peer();
        peer.alwaysRespond(503, "maintenance");
        AlertEngine first = engine(fastRetries().withBackoff(Duration.ofHours(1), Duration.ofHours(1)));
        first.putRule(negativeEnvironment(peer));
        first.onIndexed(message("1", "环境保护", "A5区", "油烟扰民", -0.8));
        waitFor(() -> peer.requests().size() == 1);
        first.close();
        peer.alwaysRespond(200, "{}");

        AlertEngine second = engine(fastRetries());
        assertTrue(second.awaitIdle(WAIT));

        assertEquals(2, peer.requests().size());
        assertEquals(1, entries(second, DeliveryStatus.SENT).size());
        assertEquals(1, peer.requests().stream().map(r -> r.header(WebhookSignature.ALERT_ID_HEADER)).distinct()
                .count());
    }

    @Test
    void aHistoryLineTornByACrashIsSkipped() throws Exception {
        HttpPeer peer = peer();
        AlertEngine first = engine(fastRetries());
        first.putRule(negativeEnvironment(peer));
        first.onIndexed(message("1", "环境保护", "A5区", "油烟扰民", -0.8));
        assertTrue(first.awaitIdle(WAIT));
        first.close();
        Files.writeString(folder.resolve("history.jsonl"), "{\"at\":\"2026-03-02T02:0", StandardCharsets.UTF_8,
                StandardOpenOption.APPEND);

        AlertEngine second = engine(fastRetries());
        assertEquals(2, second.history(null, 10).size());
        second.onIndexed(message("2", "环境保护", "A5区", "噪音扰民", -0.8));
        assertTrue(second.awaitIdle(WAIT));
        second.close();

        assertEquals(4, engine(fastRetries()).history(null, 10).size(), "entries after the torn line are kept");
    }

    @Test
    void aHotspotRuleFiresForAHotEnoughHotspotWithItsExplanation() throws Exception {
        HttpPeer peer = peer();
        AlertEngine engine = engine(fastRetries());
        List<IndexedMessage> messages = new ArrayList<>();
        for (int i = 0; i < 6; i++) {
            messages.add(message("h" + i, "环境保护", "A5区", "魅力之城小区，餐饮店，油烟，噪音", -0.8,
                    List.of("魅力之城小区"), Instant.parse("2019-08-01T02:00:00Z").plusSeconds(3600L * i), 0));
        }
        List<Hotspot> hotspots = new HotspotDetector(HotspotSettings.defaults(), SHANGHAI).detect(messages);
        double heat = hotspots.get(0).heat().total();
        engine.putRule(new Rule("hot", "district", "A5区热点", Set.of(), Set.of("A5区"), List.of(), null, heat - 0.1,
                null, Destination.webhook(peer.url("/hot"), "k")));
        engine.putRule(new Rule("hotter", "district", null, Set.of(), Set.of(), List.of(), null, heat + 0.1, null,
                Destination.webhook(peer.url("/hotter"), "k")));

        engine.onHotspots(hotspots);
        assertTrue(engine.awaitIdle(WAIT));

        assertEquals(List.of("/hot"), peer.requests().stream().map(HttpPeer.Request::path).toList());
        String body = peer.requests().get(0).body();
        assertTrue(body.contains("hotspot:" + hotspots.get(0).id()), body);
        assertTrue(body.contains("EWMA") || body.contains("baseline"), "the alert says why it is hot: " + body);
    }

    @Test
    void aHotspotSeenAgainOrGrownUnderANewIdIsNotAlertedTwice() throws Exception {
        HttpPeer peer = peer();
        AlertEngine engine = engine(fastRetries());
        engine.putRule(new Rule("hot", "district", null, Set.of(), Set.of(), List.of(), null, 0.0, null,
                Destination.webhook(peer.url("/hot"), "k")));
        HotspotDetector detector = new HotspotDetector(HotspotSettings.defaults(), SHANGHAI);
        List<IndexedMessage> messages = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            messages.add(message("g" + i, "环境保护", "A5区", "魅力之城小区，餐饮店，油烟，噪音", -0.8,
                    List.of("魅力之城小区"), Instant.parse("2019-08-10T02:00:00Z").plusSeconds(3600L * i), 0));
        }
        Hotspot first = detector.detect(messages).get(0);

        for (int refresh = 0; refresh < 3; refresh++) {
            engine.onHotspots(List.of(first));
        }
        messages.add(message("g-earlier", "环境保护", "A5区", "魅力之城小区，餐饮店，油烟", -0.8,
                List.of("魅力之城小区"), Instant.parse("2019-08-09T02:00:00Z"), 0));
        Hotspot grown = detector.detect(messages).get(0);
        engine.onHotspots(List.of(grown));
        assertTrue(engine.awaitIdle(WAIT));

        assertTrue(!grown.id().equals(first.id()), "an earlier message changes the hotspot id");
        assertEquals(1, peer.requests().size());
        List<HistoryEntry> suppressed = entries(engine, DeliveryStatus.SUPPRESSED);
        assertEquals(List.of("hotspot:" + grown.id(), "hotspot:" + first.id()),
                suppressed.stream().map(e -> e.alert().subject()).toList(), "each repeat is recorded once");
    }

    private static void waitFor(java.util.function.BooleanSupplier condition) throws InterruptedException {
        long deadline = System.nanoTime() + WAIT.toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("condition not reached within " + WAIT);
            }
            Thread.sleep(10);
        }
    }
}
