package org.minyi.alert;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.minyi.alert.TestMessages.FRESH;
import static org.minyi.alert.TestMessages.MORNING;
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
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.minyi.analysis.DomainDictionary;
import org.minyi.analysis.Segmenter;
import org.minyi.index.IndexedMessage;
import org.minyi.index.MessageFilter;
import org.minyi.index.query.ExpressionMatcher;
import org.minyi.insight.Hotspot;
import org.minyi.insight.HotspotDetector;
import org.minyi.insight.HotspotSettings;
import org.minyi.testing.MutableClock;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** The alert engine against real HTTP receivers on loopback, with a clock the tests move. */
class AlertEngineTest {

    private static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");
    private static final Duration WAIT = Duration.ofSeconds(20);

    @TempDir
    Path folder;

    private final MutableClock clock = new MutableClock(MORNING);
    private final List<AlertEngine> engines = new ArrayList<>();
    private final List<HttpPeer> peers = new ArrayList<>();
    private final JsonMapper json = JsonMapper.builder().build();

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
        return engine(settings, ReadScopes.UNRESTRICTED);
    }

    private AlertEngine engine(AlertSettings settings, ReadScopes scopes) {
        AlertEngine engine = AlertEngine.open(folder, ChannelRouter.standard(null, Duration.ofSeconds(5), clock,
                ChannelsTest.LOOPBACK), settings, clock, scopes);
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

    private static List<HistoryRow> rows(AlertEngine engine, DeliveryStatus status) {
        return engine.history(null, 1000).stream().filter(r -> r.status() == status).toList();
    }

    private static List<DeliveryStatus> states(HistoryRow row) {
        return row.states().stream().map(HistoryRow.State::status).toList();
    }

    @Test
    void aMatchingMessageIsSentOnceAndItsRowShowsEachStateWithItsTime() throws Exception {
        HttpPeer peer = peer();
        AlertEngine engine = engine(fastRetries());
        engine.putRule(negativeEnvironment(peer));

        engine.onIndexed(message("1", "环境保护", "A5区", "餐饮店油烟噪音扰民", -0.8));
        assertTrue(engine.awaitIdle(WAIT));

        assertEquals(1, peer.requests().size());
        List<HistoryRow> history = engine.history(null, 10);
        assertEquals(1, history.size(), "one row per alert: " + history);
        HistoryRow row = history.get(0);
        assertEquals("message:1", row.alert().subject());
        assertEquals(DeliveryStatus.SENT, row.status());
        assertEquals(List.of(DeliveryStatus.QUEUED, DeliveryStatus.SENT), states(row));
        assertEquals(1, row.states().get(1).attempts());
        assertTrue(row.states().get(1).reason().startsWith("已发送到Webhook 接收方"), row.states().get(1).reason());
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
        assertEquals("message:has-keyword", rows(engine, DeliveryStatus.SENT).get(0).alert().subject());
    }

    /** Issue 14: messages without a region stopped matching for every rule once any rule had regions. */
    @Test
    void aRuleWatchingASavedSearchAlertsOnlyOnMessagesThatSavedSearchHolds() throws Exception {
        HttpPeer peer = peer();
        AlertEngine engine = engine(fastRetries());
        ExpressionMatcher matcher = new ExpressionMatcher(new Segmenter(DomainDictionary.load(null)));
        Map<String, MessageFilter> saved = Map.of("noise", MessageFilter.text("噪音 -表扬"));
        engine.watchSavedSearches((id, m) -> saved.containsKey(id) && matcher.matches(saved.get(id), m));
        engine.putRule(new Rule("watch", "press", null, Set.of(), Set.of(), List.of(), null, null, null,
                Destination.webhook(peer.url("/watch"), "k"), null, "noise"));
        engine.putRule(new Rule("gone", "office", null, Set.of(), Set.of(), List.of(), null, null, null,
                Destination.webhook(peer.url("/gone"), "k"), null, "removed-search"));

        engine.onIndexed(message("noisy", "环境保护", "A5区", "夜间施工噪音扰民", -0.8));
        engine.onIndexed(message("praise", "环境保护", "A5区", "噪音治理好，表扬", 0.6));
        engine.onIndexed(message("roads", "交通运输", "A5区", "道路坑洼", -0.8));
        assertTrue(engine.awaitIdle(WAIT));

        assertEquals(List.of("/watch"), peer.requests().stream().map(HttpPeer.Request::path).toList(),
                "one alert, for the noisy message; a rule whose saved search is gone matches nothing");
        assertEquals(0, engine.stats().failedRules());
    }

    @Test
    void aHotspotRuleCannotAlsoWatchASavedSearch() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> new Rule("h", "press", null,
                Set.of(), Set.of(), List.of(), null, 5.0, null, Destination.webhook("https://203.0.113.9/h", "k"),
                null, "noise"));
        assertTrue(e.getMessage().contains("专题"), e.getMessage());
    }

    @Test
    void aMessageWithoutRegionOrTopicStillReachesTheRulesThatDoNotNeedThem() throws Exception {
        HttpPeer peer = peer();
        AlertEngine engine = engine(fastRetries());
        engine.putRule(negativeEnvironment(peer));
        engine.putRule(new Rule("kw", "press", null, Set.of(), Set.of(), List.of("噪音"), null, null, null,
                Destination.webhook(peer.url("/kw"), "k")));

        engine.onIndexed(message("no-region", null, null, "夜间施工噪音扰民", -0.8));
        assertTrue(engine.awaitIdle(WAIT));

        assertEquals(List.of("/kw"), peer.requests().stream().map(HttpPeer.Request::path).toList());
        assertEquals(0, engine.stats().failedRules());
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
        List<HistoryRow> sent = rows(engine, DeliveryStatus.SENT);
        assertEquals(1, sent.size());
        assertEquals(3, sent.get(0).states().getLast().attempts());
    }

    @Test
    void aPeerThatAlwaysFailsEndsInOneFailedRowWithAChineseReasonAndNotItsAnswer() throws Exception {
        HttpPeer peer = peer();
        peer.alwaysRespond(500, "java.lang.IllegalStateException: database password is hunter2");
        AlertEngine engine = engine(fastRetries().withMaxAttempts(4));
        engine.putRule(negativeEnvironment(peer));

        engine.onIndexed(message("1", "环境保护", "A5区", "油烟扰民", -0.8));
        assertTrue(engine.awaitIdle(WAIT));

        assertEquals(4, peer.requests().size());
        List<HistoryRow> history = engine.history(null, 10);
        assertEquals(1, history.size());
        HistoryRow.State failed = history.get(0).states().getLast();
        assertEquals(DeliveryStatus.FAILED, failed.status());
        assertEquals(4, failed.attempts());
        assertTrue(failed.reason().contains("HTTP 500") && failed.reason().contains("已尝试 4 次"), failed.reason());
        assertFalse(failed.reason().contains("hunter2") || failed.reason().contains("java."), failed.reason());
    }

    /** Issue 14: re-importing last year's file alerted on 2019 messages. */
    @Test
    void messagesOlderThanTheFreshnessWindowAreIndexedButNeverAlert() throws Exception {
        HttpPeer peer = peer();
        AlertEngine engine = engine(fastRetries().withSubscriberLimits(Map.of("night-desk",
                new SubscriberLimits(20, Duration.ofHours(1), Duration.ofHours(6)))));
        engine.putRule(new Rule("all", "env-bureau", null, Set.of(), Set.of(), List.of(), null, null, null,
                Destination.webhook(peer.url("/all"), "k")));
        engine.putRule(new Rule("night", "night-desk", null, Set.of(), Set.of(), List.of(), null, null, null,
                Destination.webhook(peer.url("/night"), "k")));

        engine.onIndexed(message("2019", "环境保护", "A5区", "油烟扰民", -0.8, List.of(),
                Instant.parse("2019-08-01T02:00:00Z"), 0));
        engine.onIndexed(message("last-week", "环境保护", "A5区", "油烟扰民", -0.8, List.of(),
                MORNING.minus(Duration.ofDays(7)), 0));
        engine.onIndexed(message("yesterday", "环境保护", "A5区", "油烟扰民", -0.8, List.of(),
                MORNING.minus(Duration.ofHours(20)), 0));
        engine.onIndexed(message("next-year", "环境保护", "A5区", "油烟扰民", -0.8, List.of(),
                MORNING.plus(Duration.ofDays(365)), 0));
        engine.onIndexed(message("now", "环境保护", "A5区", "油烟扰民", -0.8, List.of(), FRESH, 0));
        assertTrue(engine.awaitIdle(WAIT));

        assertEquals(List.of("/all", "/all", "/night"), peer.requests().stream().map(HttpPeer.Request::path)
                .sorted().toList(), "72 h for everyone; 6 h for the night desk");
        assertTrue(engine.stats().stale() >= 4, engine.stats().toString());
    }

    @Test
    void aMessageAlertsASubscriberOnceWhileItIsFreshEvenWhenReindexed() throws Exception {
        HttpPeer peer = peer();
        AlertEngine engine = engine(fastRetries());
        engine.putRule(negativeEnvironment(peer));
        IndexedMessage m = message("1", "环境保护", "A5区", "油烟扰民", -0.8);

        engine.onIndexed(m);
        assertTrue(engine.awaitIdle(WAIT));
        for (int hours : new int[] {1, 30, 60}) { // e.g. re-indexed when its reply arrived, or re-imported
            clock.set(FRESH.plus(Duration.ofHours(hours)));
            engine.onIndexed(m);
            assertTrue(engine.awaitIdle(WAIT));
        }

        assertEquals(1, peer.requests().size());
        assertEquals(1, engine.history(null, 10).size(), "a repeat is not an alert and makes no row");
        assertEquals(3, engine.stats().repeats());
    }

    /** Issue 14: over the limit, alerts were dropped for the rest of the hour ("SUPPRESSED rate limit"). */
    @Test
    void overTheLimitAlertsAreHeldAndSentAsOneDigestWhenTheWindowEnds() throws Exception {
        HttpPeer peer = peer();
        AlertEngine engine = engine(fastRetries().withLimits(new SubscriberLimits(2, Duration.ofHours(1),
                Duration.ofHours(72))));
        engine.putRule(negativeEnvironment(peer));

        for (int i = 0; i < 5; i++) {
            engine.onIndexed(message("m" + i, "环境保护", "A5区", "油烟扰民" + i, -0.8));
        }
        assertTrue(engine.awaitIdle(WAIT));

        assertEquals(2, peer.requests().size());
        List<HistoryRow> held = rows(engine, DeliveryStatus.HELD);
        assertEquals(3, held.size());
        assertTrue(held.get(0).states().get(0).reason().contains("上限 2 条，将于 03-02 11:00 汇总发送"),
                held.get(0).states().get(0).reason());

        clock.set(Instant.parse("2026-03-02T03:00:00Z")); // 11:00 in Shanghai: the window ends
        waitFor(() -> peer.requests().size() == 3);
        assertTrue(engine.awaitIdle(WAIT));

        JsonNode digest = json.readTree(peer.requests().get(2).body());
        assertEquals("digest", digest.path("kind").asString());
        assertEquals(3, digest.path("facts").path("includes").size());
        assertTrue(digest.path("title").asString().endsWith("预警汇总：2026-03-02 10:00–11:00（北京时间） 另有 3 条"),
                digest.path("title").asString());
        assertEquals(3, rows(engine, DeliveryStatus.DIGESTED).size(), "every held alert is accounted for");
        assertEquals(3, rows(engine, DeliveryStatus.SENT).size(), "two alerts and the digest");

        engine.onIndexed(message("later", "环境保护", "A5区", "油烟扰民", -0.8, List.of(),
                Instant.parse("2026-03-02T03:00:00Z"), 0));
        assertTrue(engine.awaitIdle(WAIT));
        assertEquals(4, peer.requests().size(), "a new window admits again");
    }

    @Test
    void alertsDuringQuietHoursAreHeldAndSentWhenTheyEnd() throws Exception {
        HttpPeer peer = peer();
        clock.set(Instant.parse("2026-03-02T15:00:00Z")); // 23:00 in Shanghai
        AlertEngine engine = engine(fastRetries());
        engine.putRule(new Rule("night", "mayor", null, Set.of(), Set.of(), List.of(), null, null,
                new QuietHours(LocalTime.of(22, 0), LocalTime.of(7, 0), SHANGHAI),
                Destination.webhook(peer.url("/hook"), "k")));

        engine.onIndexed(message("1", "环境保护", "A5区", "油烟扰民", -0.8, List.of(),
                Instant.parse("2026-03-02T14:50:00Z"), 0));
        assertTrue(engine.awaitIdle(WAIT));
        Thread.sleep(600); // the held-alert check runs every 250 ms: it must not release early

        assertTrue(peer.requests().isEmpty());
        HistoryRow held = rows(engine, DeliveryStatus.HELD).get(0);
        assertTrue(held.states().get(0).reason().contains("免打扰时段，将于 03-03 07:00 发送"),
                held.states().get(0).reason());

        clock.set(Instant.parse("2026-03-02T23:00:00Z"));
        waitFor(() -> !rows(engine, DeliveryStatus.SENT).isEmpty());
        assertEquals(1, peer.requests().size());
        assertEquals(List.of(DeliveryStatus.HELD, DeliveryStatus.SENT), states(rows(engine, DeliveryStatus.SENT).get(0)));
    }

    /** Issue 14: a subscriber with two overlapping rules got the same message twice. */
    @Test
    void oneMessageMakesOneAlertPerSubscriberNamingEveryRuleThatMatched() throws Exception {
        HttpPeer peer = peer();
        AlertEngine engine = engine(fastRetries());
        Destination office = Destination.webhook(peer.url("/office"), "k");
        engine.putRule(new Rule("noise", "a3-office", "噪音投诉", Set.of(), Set.of(), List.of("噪音"), null, null, null,
                office));
        engine.putRule(new Rule("night-work", "a3-office", "夜间施工", Set.of(), Set.of(), List.of("夜间施工"), null,
                null, null, office));
        engine.putRule(new Rule("press", "press-office", "舆情", Set.of(), Set.of(), List.of(), null, null, null,
                Destination.webhook(peer.url("/press"), "k")));

        engine.onIndexed(message("1", "城乡建设", "A3区", "工地夜间施工噪音扰民", -0.8));
        assertTrue(engine.awaitIdle(WAIT));

        assertEquals(List.of("/office", "/press"), peer.requests().stream().map(HttpPeer.Request::path).sorted()
                .toList());
        JsonNode office1 = json.readTree(peer.requests().stream().filter(r -> r.path().equals("/office"))
                .findFirst().orElseThrow().body());
        assertEquals(List.of("noise", "night-work"), List.of(office1.path("ruleIds").get(0).asString(),
                office1.path("ruleIds").get(1).asString()));
        assertTrue(office1.path("title").asString().contains("噪音投诉、夜间施工"), office1.path("title").asString());
        assertEquals(2, engine.history(null, 10).size());
    }

    @Test
    void theAlertIsChineseWithShanghaiTimeToTheMinuteAMaskedTextALinkAndMachineFields() throws Exception {
        HttpPeer peer = peer();
        AlertEngine engine = engine(fastRetries());
        engine.putRule(new Rule("all", "duty", "值班", Set.of(), Set.of(), List.of(), null, null, null,
                Destination.webhook(peer.url("/hook"), "k")));
        Instant at = Instant.parse("2026-03-02T01:23:45.678901Z");

        engine.onIndexed(message("m-7", "环境保护", "A5区", "油烟扰民，电话13812345678，[点我](http://evil.example)",
                -0.6, List.of(), at, 0));
        assertTrue(engine.awaitIdle(WAIT));

        JsonNode body = json.readTree(peer.requests().get(0).body());
        String text = body.path("text").asString();
        assertTrue(text.contains("2026-03-02 09:23（北京时间）"), text);
        assertTrue(text.contains("情感：负面（-0.60）"), text);
        assertFalse(text.contains("negative") || text.contains("09:23:45"), text);
        assertFalse(text.contains("13812345678"), "masked: " + text);
        assertFalse(text.contains("[点我](http://evil.example)"), "citizen text cannot make a link: " + text);
        assertTrue(text.contains("[查看留言](http://127.0.0.1:8080/message.html?id=m-7)"), text);
        assertTrue(body.path("title").asString().startsWith("【黄色预警】值班："), body.path("title").asString());
        assertEquals("yellow", body.path("level").asString());
        assertEquals("message", body.path("kind").asString());
        assertEquals("2026-03-02T01:23:45.678901Z", body.path("facts").path("occurredAt").asString());
        assertEquals(-0.6, body.path("facts").path("sentimentScore").asDouble(), 1e-9);
        assertEquals("A5区", body.path("facts").path("regions").get(0).asString());
    }

    @Test
    void levelsComeFromHeatGrowthAndNegativityWithTheThresholdsInSettings() {
        AlertLevels levels = AlertLevels.defaults();
        assertEquals(AlertLevel.RED, levels.of(10, 4, 0.2));
        assertEquals(AlertLevel.RED, levels.of(10, 1, 0.8));
        assertEquals(AlertLevel.ORANGE, levels.of(10, 1, 0.6), "hot and negative, but not enough for red");
        assertEquals(AlertLevel.YELLOW, levels.of(20, 1, 0.1), "hot but calm and not growing");
        assertEquals(AlertLevel.YELLOW, levels.of(2, 10, 1.0), "one angry message is not an emergency");
        AlertLevels strict = new AlertLevels(new AlertLevels.Threshold(30, 5, 0.9),
                new AlertLevels.Threshold(20, 3, 0.8));
        assertEquals(AlertLevel.YELLOW, strict.of(10, 4, 0.8));
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
        assertEquals(List.of(DeliveryStatus.QUEUED, DeliveryStatus.SENT),
                states(second.history("env-bureau", 10).get(0)));
        second.onIndexed(m);
        assertTrue(second.awaitIdle(WAIT));
        assertEquals(1, peer.requests().size(), "the restarted engine remembers it already alerted");
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
        assertEquals(1, rows(second, DeliveryStatus.SENT).size());
        assertEquals(1, peer.requests().stream().map(r -> r.header(WebhookSignature.ALERT_ID_HEADER)).distinct()
                .count());
    }

    @Test
    void heldAlertsAndPendingDigestsSurviveARestart() throws Exception {
        HttpPeer peer = peer();
        AlertEngine first = engine(fastRetries().withLimits(new SubscriberLimits(1, Duration.ofHours(1),
                Duration.ofHours(72))));
        first.putRule(negativeEnvironment(peer));
        for (int i = 0; i < 3; i++) {
            first.onIndexed(message("m" + i, "环境保护", "A5区", "油烟扰民" + i, -0.8));
        }
        assertTrue(first.awaitIdle(WAIT));
        first.close();
        assertEquals(1, peer.requests().size());

        clock.set(Instant.parse("2026-03-02T03:00:00Z"));
        AlertEngine second = engine(fastRetries().withLimits(new SubscriberLimits(1, Duration.ofHours(1),
                Duration.ofHours(72))));
        waitFor(() -> peer.requests().size() == 2);
        assertTrue(second.awaitIdle(WAIT));

        assertEquals("digest", json.readTree(peer.requests().get(1).body()).path("kind").asString());
        assertEquals(2, rows(second, DeliveryStatus.DIGESTED).size());
    }

    @Test
    void aHistoryLineTornByACrashIsSkipped() throws Exception {
        HttpPeer peer = peer();
        AlertEngine first = engine(fastRetries());
        first.putRule(negativeEnvironment(peer));
        first.onIndexed(message("1", "环境保护", "A5区", "油烟扰民", -0.8));
        assertTrue(first.awaitIdle(WAIT));
        first.close();
        Path segment;
        try (Stream<Path> files = Files.list(folder.resolve("history"))) {
            segment = files.sorted().reduce((a, b) -> b).orElseThrow();
        }
        Files.writeString(segment, "{\"at\":\"2026-03-02T02:0", StandardCharsets.UTF_8, StandardOpenOption.APPEND);

        AlertEngine second = engine(fastRetries());
        assertEquals(1, second.history(null, 10).size());
        second.onIndexed(message("2", "环境保护", "A5区", "噪音扰民", -0.8));
        assertTrue(second.awaitIdle(WAIT));
        second.close();

        assertEquals(2, engine(fastRetries()).history(null, 10).size(), "entries after the torn line are kept");
    }

    @Test
    void historyIsPrunedByAgeAndStartReadsOnlyRecentSegments() throws Exception {
        HttpPeer peer = peer();
        AlertSettings settings = fastRetries().withHistory(new AlertSettings.HistoryRetention(Duration.ofDays(10),
                1 << 20));
        AlertEngine first = engine(settings);
        first.putRule(new Rule("all", "duty", null, Set.of(), Set.of(), List.of(), null, null, null,
                Destination.webhook(peer.url("/hook"), "k")));
        for (int day = 0; day < 15; day++) {
            clock.set(MORNING.plus(Duration.ofDays(day)));
            first.onIndexed(message("d" + day, "环境保护", "A5区", "油烟扰民", -0.8, List.of(),
                    MORNING.plus(Duration.ofDays(day)).minusSeconds(60), 0));
            assertTrue(first.awaitIdle(WAIT));
        }
        first.close();

        List<Path> segments;
        try (Stream<Path> files = Files.list(folder.resolve("history"))) {
            segments = files.sorted().toList();
        }
        assertTrue(segments.size() <= 11, "segments older than 10 days are deleted: " + segments.size());
        // An old segment that cannot be read at all: a start that read it would fail.
        Path oldest = segments.getFirst();
        Files.delete(oldest);
        Files.createDirectory(oldest);

        AlertEngine second = engine(settings);
        assertEquals(5, second.history(null, 5).size());
        assertTrue(second.awaitIdle(WAIT));
    }

    @Test
    void aHotspotRuleFiresForAHotEnoughActiveHotspotWithAChineseExplanationAndALink() throws Exception {
        HttpPeer peer = peer();
        AlertEngine engine = engine(fastRetries());
        List<Hotspot> hotspots = detector().detect(issue("h", 6, MORNING.minus(Duration.ofHours(10))));
        double heat = hotspots.get(0).heat().total();
        engine.putRule(new Rule("hot", "district", "A5区热点", Set.of(), Set.of("A5区"), List.of(), null, heat - 0.1,
                null, Destination.webhook(peer.url("/hot"), "k")));
        engine.putRule(new Rule("hotter", "district", null, Set.of(), Set.of(), List.of(), null, heat + 0.1, null,
                Destination.webhook(peer.url("/hotter"), "k")));

        engine.onHotspots(hotspots);
        assertTrue(engine.awaitIdle(WAIT));

        assertEquals(List.of("/hot"), peer.requests().stream().map(HttpPeer.Request::path).toList());
        JsonNode body = json.readTree(peer.requests().get(0).body());
        String text = body.path("text").asString();
        assertEquals("hotspot:" + hotspots.get(0).id(), body.path("subject").asString());
        assertTrue(text.contains("6 条留言") && text.contains("100% 为负面") && text.contains("热度："), text);
        assertFalse(text.contains("EWMA") || text.contains("heat "), "no English formula: " + text);
        assertTrue(body.path("link").asString().endsWith("/hotspot.html?id=" + hotspots.get(0).id()));
        assertEquals(heat, body.path("facts").path("heat").asDouble(), 1e-9);
    }

    @Test
    void aHotspotWhoseLatestMessageIsOldDoesNotAlert() throws Exception {
        HttpPeer peer = peer();
        AlertEngine engine = engine(fastRetries());
        engine.putRule(new Rule("hot", "district", null, Set.of(), Set.of(), List.of(), null, 0.0, null,
                Destination.webhook(peer.url("/hot"), "k")));

        engine.onHotspots(detector().detect(issue("old", 6, Instant.parse("2019-08-01T02:00:00Z"))));
        engine.onHotspots(detector().detect(issue("week", 6, MORNING.minus(Duration.ofDays(8)))));
        assertTrue(engine.awaitIdle(WAIT));

        assertTrue(peer.requests().isEmpty());
    }

    @Test
    void aHotspotSeenAgainOrGrownUnderANewIdIsNotAlertedTwice() throws Exception {
        HttpPeer peer = peer();
        AlertEngine engine = engine(fastRetries());
        engine.putRule(new Rule("hot", "district", null, Set.of(), Set.of(), List.of(), null, 0.0, null,
                Destination.webhook(peer.url("/hot"), "k")));
        List<IndexedMessage> messages = new ArrayList<>(issue("g", 4, MORNING.minus(Duration.ofHours(8))));
        Hotspot first = detector().detect(messages).get(0);

        for (int refresh = 0; refresh < 3; refresh++) {
            engine.onHotspots(List.of(first));
        }
        messages.add(message("g-earlier", "环境保护", "A5区", "魅力之城小区，餐饮店，油烟", -0.8,
                List.of("魅力之城小区"), MORNING.minus(Duration.ofHours(30)), 0));
        Hotspot grown = detector().detect(messages).get(0);
        engine.onHotspots(List.of(grown));
        assertTrue(engine.awaitIdle(WAIT));

        assertFalse(grown.id().equals(first.id()), "an earlier message changes the hotspot id");
        assertEquals(1, peer.requests().size());
        assertEquals(1, engine.history(null, 10).size());
        assertEquals(3, engine.stats().repeats());
    }

    /** Issue 15, item 8: the 10,000-event queue dropped alerts for everyone when it overflowed. */
    @Test
    void aFullMatchingQueueMakesTheCallerWaitAndLosesNothing() throws Exception {
        HttpPeer peer = peer();
        CountDownLatch release = new CountDownLatch(1);
        ReadScopes slow = user -> {
            try {
                release.await(); // matching is stuck until the test lets it go
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            return ReadScope.EVERYTHING;
        };
        AlertEngine engine = engine(fastRetries().withQueueCapacity(2).withLimits(new SubscriberLimits(1000,
                Duration.ofHours(1), Duration.ofHours(72))), slow);
        engine.putRule(new Rule("all", "duty", null, Set.of(), Set.of(), List.of(), null, null, null,
                Destination.webhook(peer.url("/hook"), "k")));

        Thread ingestion = new Thread(() -> {
            for (int i = 0; i < 20; i++) {
                engine.onIndexed(message("q" + i, "环境保护", "A5区", "油烟扰民" + i, -0.8));
            }
        });
        ingestion.start();
        ingestion.join(300);
        assertTrue(ingestion.isAlive(), "the caller waits for room instead of dropping");
        release.countDown();
        ingestion.join(WAIT.toMillis());
        assertTrue(engine.awaitIdle(WAIT));

        assertEquals(20, peer.requests().size());
    }

    /** Issue 15, item 3: a catch-all rule read every new message whatever its owner's rights. */
    @Test
    void aRuleMatchesOnlyWhatItsOwnerMayReadAndHistoryHidesWhatTheViewerMayNot() throws Exception {
        HttpPeer peer = peer();
        Map<String, ReadScope> byUser = Map.of("manager", ReadScope.EVERYTHING, "leader", ReadScope.HOTSPOTS,
                "a3-clerk", ReadScope.regions(Set.of("A3区")));
        AlertEngine engine = engine(fastRetries(), user -> byUser.getOrDefault(user, ReadScope.NOTHING));
        for (String owner : List.of("manager", "leader", "a3-clerk", "subscriber")) {
            engine.putRule(new Rule("all-" + owner, owner, null, Set.of(), Set.of(), List.of(), null, null, null,
                    Destination.webhook(peer.url("/" + owner), "k"), owner));
        }

        engine.onIndexed(message("a3", "城乡建设", "A3区", "路灯坏了", -0.5));
        engine.onIndexed(message("a5", "城乡建设", "A5区", "路灯坏了", -0.5));
        assertTrue(engine.awaitIdle(WAIT));

        assertEquals(List.of("/a3-clerk", "/manager", "/manager"), peer.requests().stream()
                .map(HttpPeer.Request::path).sorted().toList());
        List<HistoryRow> asSubscriber = engine.history("manager", 10, ReadScope.NOTHING);
        assertEquals(2, asSubscriber.size());
        assertTrue(asSubscriber.stream().allMatch(r -> r.alert().text() == null && r.alert().messageIds().isEmpty()
                && r.alert().title().contains("不在你的阅读范围内") && r.status() == DeliveryStatus.SENT));
        List<HistoryRow> asClerk = engine.history("manager", 10, ReadScope.regions(Set.of("A3区")));
        assertEquals(1, asClerk.stream().filter(r -> r.alert().text() != null).count());
    }

    /** Issue 15, item 8: a 400,000-keyword rule was accepted; rule counts were unbounded. */
    @Test
    void ruleSizesAndCountsAreCapped() {
        Destination d = Destination.webhook("https://203.0.113.7/hook", "k");
        List<String> many = new ArrayList<>();
        for (int i = 0; i <= Rule.MAX_KEYWORDS; i++) {
            many.add("词" + i);
        }
        assertThrows(IllegalArgumentException.class, () -> new Rule("big", "s", null, Set.of(), Set.of(), many, null,
                null, null, d));
        assertThrows(IllegalArgumentException.class, () -> new Rule("long", "s", null, Set.of(), Set.of(),
                List.of("长".repeat(Rule.MAX_VALUE_CHARS + 1)), null, null, null, d));
        AlertEngine engine = engine(fastRetries().withRuleCaps(3, 2));
        engine.putRule(new Rule("a", "s", null, Set.of(), Set.of(), List.of(), null, null, null, d));
        engine.putRule(new Rule("b", "s", null, Set.of(), Set.of(), List.of(), null, null, null, d));
        IllegalArgumentException perSubscriber = assertThrows(IllegalArgumentException.class, () ->
                engine.putRule(new Rule("c", "s", null, Set.of(), Set.of(), List.of(), null, null, null, d)));
        assertTrue(perSubscriber.getMessage().contains("上限 2 条"), perSubscriber.getMessage());
        engine.putRule(new Rule("b", "s", "改名", Set.of(), Set.of(), List.of(), null, null, null, d));
        engine.putRule(new Rule("c", "t", null, Set.of(), Set.of(), List.of(), null, null, null, d));
        assertThrows(IllegalArgumentException.class, () ->
                engine.putRule(new Rule("d", "u", null, Set.of(), Set.of(), List.of(), null, null, null, d)));
    }

    @Test
    void aRuleSavedOnAnInternalAddressIsRefused() {
        AlertEngine engine = AlertEngine.open(folder, ChannelRouter.standard(null, Duration.ofSeconds(5), clock,
                ReceiverGuard.publicOnly()), fastRetries(), clock);
        engines.add(engine);

        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> engine.putRule(new Rule(
                "prom", "s", null, Set.of(), Set.of(), List.of(), null, null, null,
                Destination.webhook("http://127.0.0.1:8080/actuator/prometheus", "k"))));
        assertTrue(e.getMessage().contains("本机地址"), e.getMessage());
        assertTrue(engine.rules().isEmpty());
    }

    @Test
    void aTestAlertGoesThroughTheRulesChannelAtOnceAndIsRecorded() throws Exception {
        HttpPeer peer = peer();
        AlertEngine engine = engine(fastRetries());
        engine.putRule(negativeEnvironment(peer));

        HistoryRow row = engine.sendTest("env-neg");

        assertEquals(DeliveryStatus.SENT, row.status());
        assertEquals(1, peer.requests().size());
        JsonNode body = json.readTree(peer.requests().get(0).body());
        assertEquals("test", body.path("kind").asString());
        assertTrue(body.path("title").asString().startsWith("【测试】"), body.path("title").asString());
        assertEquals(1, engine.history("env-bureau", 10).size());
        assertThrows(IllegalStateException.class, () -> engine.sendTest("env-neg"), "once per 10 s");
        clock.advance(Duration.ofSeconds(11));
        peer.alwaysRespond(404, "gone");
        HistoryRow failed = engine.sendTest("env-neg");
        assertEquals(DeliveryStatus.FAILED, failed.status());
        assertTrue(failed.states().getLast().reason().contains("HTTP 404（地址不存在）"),
                failed.states().getLast().reason());
    }

    @Test
    void aHistoryFromBeforeSegmentsIsCarriedOverAndItsQueuedAlertDelivered() throws Exception {
        HttpPeer peer = peer();
        String rules = json.writeValueAsString(List.of(negativeEnvironment(peer)));
        Files.writeString(folder.resolve("rules.json"), rules);
        Files.writeString(folder.resolve("history.jsonl"), """
                {"at":"2026-03-02T01:59:00Z","status":"QUEUED","reason":null,"attempts":0,"alert":{"id":"old-1",\
                "ruleId":"env-neg","subscriber":"env-bureau","subject":"message:9","title":"[MinYi] 环保负面：油烟",\
                "text":"**油烟**","observedAt":"2026-03-02T01:58:59Z","createdAt":"2026-03-02T01:59:00Z",\
                "messageIds":["9"]}}
                """);

        AlertEngine engine = engine(fastRetries());
        assertTrue(engine.awaitIdle(WAIT));

        assertEquals(1, peer.requests().size());
        assertEquals("old-1", peer.requests().get(0).header(WebhookSignature.ALERT_ID_HEADER));
        assertEquals(List.of(DeliveryStatus.QUEUED, DeliveryStatus.SENT), states(engine.history(null, 10).get(0)));
        assertTrue(Files.exists(folder.resolve("history.jsonl.migrated")));
    }

    private static HotspotDetector detector() {
        return new HotspotDetector(HotspotSettings.defaults(), SHANGHAI);
    }

    /** {@code n} messages about one restaurant's fumes, an hour apart, the last at {@code last}. */
    private static List<IndexedMessage> issue(String prefix, int n, Instant last) {
        List<IndexedMessage> messages = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            messages.add(message(prefix + i, "环境保护", "A5区", "魅力之城小区，餐饮店，油烟，噪音", -0.8,
                    List.of("魅力之城小区"), last.minusSeconds(3600L * (n - 1 - i)), 0));
        }
        return messages;
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
