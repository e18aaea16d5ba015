package org.minyi.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
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
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * A subscriber's rule, set through the API, is told about matching messages as they arrive in the service, over a
 * signed webhook to a real HTTP peer on loopback. Prints the time from upload to delivery (no timing assertion).
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"minyi.load-sample-data=false", "minyi.home=.",
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
    private final List<Received> received = new CopyOnWriteArrayList<>();
    private HttpServer peer;

    private record Received(long nanos, String signature, String alertId, String body) {
    }

    @AfterEach
    void stopPeer() {
        if (peer != null) {
            peer.stop(0);
        }
    }

    @Test
    void matchingMessagesReachTheSubscribersWebhookAndOthersDoNot() throws Exception {
        peer = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        peer.createContext("/hook", exchange -> {
            byte[] body = exchange.getRequestBody().readAllBytes();
            received.add(new Received(System.nanoTime(), exchange.getRequestHeaders().getFirst("X-MinYi-Signature"),
                    exchange.getRequestHeaders().getFirst("X-MinYi-Alert-Id"), new String(body, StandardCharsets.UTF_8)));
            exchange.sendResponseHeaders(200, -1);
            exchange.close();
        });
        peer.start();
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
        List<Long> millis = received.stream().map(r -> (r.nanos() - start) / 1_000_000).sorted().toList();
        System.out.printf("upload → webhook delivery in the service: first %d ms, median %d ms, last %d ms (8 alerts)%n",
                millis.getFirst(), millis.get(millis.size() / 2), millis.getLast());
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
