package org.minyi.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * A subscriber's rule, set through the API, is told about matching messages as they arrive in the service, over a
 * signed webhook to a real HTTP peer on loopback (which the admin allows here with
 * {@code minyi.alert.internal-receivers}). Prints the time from upload to delivery (no timing assertion).
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"minyi.load-sample-data=false", "minyi.home=.",
                "minyi.alert.internal-receivers=127.0.0.1",
                "minyi.security.initial-admin-password=" + AlertDeliveryApiTest.ADMIN_PASSWORD})
class AlertDeliveryApiTest {

    static final String ADMIN_PASSWORD = "alert-test-admin-secret";

    @DynamicPropertySource
    static void dataDir(DynamicPropertyRegistry registry) throws IOException {
        Path dataDir = Files.createTempDirectory("minyi-alert-api-test-");
        registry.add("minyi.data-dir", dataDir::toString);
    }

    @LocalServerPort
    int port;

    private final HttpClient http = HttpClient.newHttpClient();
    private final JsonMapper json = JsonMapper.builder().build();
    private final List<Received> received = new CopyOnWriteArrayList<>();
    private HttpServer peer;

    private record Received(long nanos, String signature, String alertId, String body, String path) {
    }

    @AfterEach
    void stopPeer() {
        if (peer != null) {
            peer.stop(0);
        }
        received.clear();
    }

    @Test
    void matchingMessagesReachTheSubscribersWebhookAndOthersDoNot() throws Exception {
        startPeer();
        String hook = "http://127.0.0.1:" + peer.getAddress().getPort() + "/hook";
        String rule = """
                {"id":"noise","subscriber":"district-office","name":"噪音投诉","keywords":["噪音"],
                 "destination":{"type":"webhook","url":"%s","secret":"s3cret"}}""".formatted(hook);
        HttpResponse<String> put = http.send(asAdmin("/api/subscriptions/noise")
                .header("Content-Type", "application/json").PUT(HttpRequest.BodyPublishers.ofString(rule)).build(),
                HttpResponse.BodyHandlers.ofString());
        assertEquals(200, put.statusCode(), put.body());

        List<String> lines = new ArrayList<>();
        for (int i = 0; i < 8; i++) {
            lines.add("{\"id\":\"n" + i + "\",\"title\":\"小区附近工地夜间噪音扰民" + i + "\",\"text\":\"第" + i
                    + "栋楼旁工地每晚施工到凌晨，噪音严重，希望尽快处理。\"}");
            lines.add("{\"id\":\"q" + i + "\",\"title\":\"咨询社保卡办理" + i + "\",\"text\":\"请问第" + i
                    + "次补办社保卡需要哪些材料？\"}");
        }
        for (int i = 0; i < 4; i++) { // last year's export dropped again: indexed, never alerted
            lines.add("{\"id\":\"old" + i + "\",\"title\":\"工地夜间噪音扰民" + i + "\",\"text\":\"去年的留言：工地噪音"
                    + i + "\",\"createdAt\":\"2019-05-0" + (i + 1) + "T10:00:00+08:00\"}");
        }
        long start = System.nanoTime();
        upload(String.join("\n", lines));

        long deadline = System.nanoTime() + 30_000_000_000L;
        while (received.size() < 8 && System.nanoTime() < deadline) {
            Thread.sleep(50);
        }
        Thread.sleep(500); // would-be extra alerts for the other messages arrive by now

        assertEquals(8, received.size(), "one alert per matching message: " + received);
        assertTrue(received.stream().allMatch(r -> r.signature() != null && r.signature().startsWith("sha256=")));
        assertEquals(8, received.stream().map(Received::alertId).distinct().count(), "no duplicates");
        assertTrue(received.stream().noneMatch(r -> r.body().contains("社保卡")), "non-matching messages stay quiet");
        assertTrue(received.stream().noneMatch(r -> r.body().contains("去年的留言")), "2019 messages stay quiet");
        JsonNode history = json.readTree(http.send(asAdmin("/api/alerts?subscriber=district-office").build(),
                HttpResponse.BodyHandlers.ofString()).body());
        assertEquals(8, history.size(), "one row per alert: " + history);
        for (JsonNode row : history) {
            assertEquals("SENT", row.path("status").asString());
            assertEquals("QUEUED", row.path("states").get(0).path("status").asString());
            assertEquals("SENT", row.path("states").get(1).path("status").asString());
        }
        List<Long> millis = received.stream().map(r -> (r.nanos() - start) / 1_000_000).sorted().toList();
        System.out.printf("upload → webhook delivery in the service: first %d ms, median %d ms, last %d ms (8 alerts)%n",
                millis.getFirst(), millis.get(millis.size() / 2), millis.getLast());
    }

    /** Issue 15, item 3: subscribers read every new message through a catch-all rule and the history. */
    @Test
    void aSubscriberReceivesOnlyWhatTheyMayReadAndTheirHistoryHidesTheRest() throws Exception {
        startPeer();
        HttpResponse<String> user = http.send(asAdmin("/api/users/sub1").header("Content-Type", "application/json")
                .PUT(HttpRequest.BodyPublishers.ofString("{\"password\":\"sub1-password\",\"roles\":[\"subscriber\"]}"))
                .build(), HttpResponse.BodyHandlers.ofString());
        assertEquals(200, user.statusCode(), user.body());
        assertEquals(200, putRule(as("sub1", "sub1-password"), "sub1-all", "sub1", List.of(), "/sub1").statusCode());
        assertEquals(200, putRule(asAdmin(), "for-sub1", "sub1", List.of("井盖"), "/admin-made").statusCode());

        upload("{\"id\":\"lid1\",\"title\":\"井盖丢失\",\"text\":\"人民路井盖丢失，夜里很危险。\"}\n"
                + "{\"id\":\"lid2\",\"title\":\"井盖松动\",\"text\":\"解放路井盖松动，车一过就响。\"}");
        waitFor(() -> received.size() >= 2);
        Thread.sleep(500);

        assertEquals(2, received.size(), "the admin's rule for sub1 fires; sub1's own catch-all reads nothing");
        assertTrue(received.stream().allMatch(r -> r.path().equals("/admin-made")));
        String asSub1 = http.send(as("sub1", "sub1-password").uri(uri("/api/alerts")).build(),
                HttpResponse.BodyHandlers.ofString()).body();
        JsonNode rows = json.readTree(asSub1);
        assertEquals(2, rows.size(), asSub1);
        assertFalse(asSub1.contains("井盖") || asSub1.contains("lid1"), "no content for a subscriber: " + asSub1);
        assertTrue(rows.get(0).path("alert").path("title").asString().contains("不在你的阅读范围内"), asSub1);
        String asAdmin = http.send(asAdmin("/api/alerts?subscriber=sub1").build(),
                HttpResponse.BodyHandlers.ofString()).body();
        assertTrue(asAdmin.contains("井盖"), asAdmin);
    }

    @Test
    void theTestButtonSendsThroughTheRulesChannelAndAFailureReadsAsPlainChinese() throws Exception {
        startPeer();
        assertEquals(200, putRule(asAdmin(), "test-me", "duty", List.of("测试专用词"), "/test").statusCode());

        HttpResponse<String> test = http.send(asAdmin("/api/subscriptions/test-me/test")
                .POST(HttpRequest.BodyPublishers.noBody()).build(), HttpResponse.BodyHandlers.ofString());
        assertEquals(200, test.statusCode(), test.body());
        assertEquals("SENT", json.readTree(test.body()).path("status").asString());
        assertEquals(1, received.size());
        assertEquals("test", json.readTree(received.get(0).body()).path("kind").asString());
        assertEquals(429, http.send(asAdmin("/api/subscriptions/test-me/test")
                .POST(HttpRequest.BodyPublishers.noBody()).build(), HttpResponse.BodyHandlers.ofString()).statusCode());

        int closed;
        try (java.net.ServerSocket socket = new java.net.ServerSocket(0)) {
            closed = socket.getLocalPort();
        }
        String dead = """
                {"id":"dead","subscriber":"duty","keywords":["测试专用词"],
                 "destination":{"type":"webhook","url":"http://127.0.0.1:%d/hook","secret":"s3cret"}}"""
                .formatted(closed);
        assertEquals(200, http.send(asAdmin("/api/subscriptions/dead").header("Content-Type", "application/json")
                .PUT(HttpRequest.BodyPublishers.ofString(dead)).build(), HttpResponse.BodyHandlers.ofString())
                .statusCode());
        JsonNode failed = json.readTree(http.send(asAdmin("/api/subscriptions/dead/test")
                .POST(HttpRequest.BodyPublishers.noBody()).build(), HttpResponse.BodyHandlers.ofString()).body());
        assertEquals("FAILED", failed.path("status").asString());
        String reason = failed.path("states").get(1).path("reason").asString();
        assertEquals("Webhook 接收方 127.0.0.1：无法连接Webhook 接收方（127.0.0.1:" + closed + " 拒绝连接）", reason);
        assertFalse(reason.matches(".*(java\\.|Exception).*"), reason);
    }

    private void startPeer() throws IOException {
        peer = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        peer.createContext("/", exchange -> {
            byte[] body = exchange.getRequestBody().readAllBytes();
            received.add(new Received(System.nanoTime(), exchange.getRequestHeaders().getFirst("X-MinYi-Signature"),
                    exchange.getRequestHeaders().getFirst("X-MinYi-Alert-Id"), new String(body, StandardCharsets.UTF_8),
                    exchange.getRequestURI().getPath()));
            exchange.sendResponseHeaders(200, -1);
            exchange.close();
        });
        peer.start();
    }

    private HttpResponse<String> putRule(HttpRequest.Builder as, String id, String subscriber, List<String> keywords,
                                         String path) throws Exception {
        String rule = """
                {"id":"%s","subscriber":"%s","keywords":%s,
                 "destination":{"type":"webhook","url":"http://127.0.0.1:%d%s","secret":"s3cret"}}"""
                .formatted(id, subscriber, json.writeValueAsString(keywords), peer.getAddress().getPort(), path);
        return http.send(as.uri(uri("/api/subscriptions/" + id)).header("Content-Type", "application/json")
                .PUT(HttpRequest.BodyPublishers.ofString(rule)).build(), HttpResponse.BodyHandlers.ofString());
    }

    private static void waitFor(java.util.function.BooleanSupplier condition) throws InterruptedException {
        long deadline = System.nanoTime() + 30_000_000_000L;
        while (!condition.getAsBoolean() && System.nanoTime() < deadline) {
            Thread.sleep(50);
        }
    }

    private HttpRequest.Builder as(String user, String password) {
        String credentials = Base64.getEncoder().encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
        return HttpRequest.newBuilder(uri("/")).header("Authorization", "Basic " + credentials);
    }

    private HttpRequest.Builder asAdmin() {
        return as("admin", ADMIN_PASSWORD);
    }

    private void upload(String jsonl) throws Exception {
        String boundary = "b0undary";
        String body = "--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"m.jsonl\"\r\n"
                + "Content-Type: application/octet-stream\r\n\r\n" + jsonl + "\r\n--" + boundary + "--\r\n";
        HttpResponse<String> response = http.send(asAdmin("/api/imports")
                .header("Content-Type", "multipart/form-data; boundary=" + boundary)
                .POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8)).build(),
                HttpResponse.BodyHandlers.ofString());
        assertEquals(202, response.statusCode(), response.body());
    }

    /** Programs call the API with HTTP Basic credentials; the first-start admin may do everything here. */
    private HttpRequest.Builder asAdmin(String path) {
        String credentials = Base64.getEncoder()
                .encodeToString(("admin:" + ADMIN_PASSWORD).getBytes(StandardCharsets.UTF_8));
        return HttpRequest.newBuilder(uri(path)).header("Authorization", "Basic " + credentials);
    }

    private URI uri(String path) {
        return URI.create("http://127.0.0.1:" + port + path);
    }
}
