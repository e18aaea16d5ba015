package org.minyi.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Base64;
import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The REST API over HTTP, on a real service with the embedded index: a small JSONL file of realistic messages is
 * uploaded through the import endpoint first, then searched, trended and summarised.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"minyi.load-sample-data=false", "minyi.home=.",
                "minyi.security.initial-admin-password=" + ApiTest.ADMIN_PASSWORD})
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ApiTest {

    static final String ADMIN_PASSWORD = "api-test-admin-secret";

    @DynamicPropertySource
    static void dataDir(DynamicPropertyRegistry registry) throws IOException {
        Path dataDir = Files.createTempDirectory("minyi-api-test-");
        registry.add("minyi.data-dir", dataDir::toString);
    }

    @LocalServerPort
    int port;

    private final HttpClient http = HttpClient.newHttpClient();
    private final JsonMapper json = JsonMapper.builder().build();

    static final String MESSAGES = String.join("\n",
            line("m1", "A3区桂花路路灯不亮", "A市A3区桂花路的路灯坏了一个多月，晚上漆黑一片，我的电话13812345678，希望尽快修复路灯。",
                    "2019-03-04T10:00:00+08:00", 12),
            line("m2", "A3区小区物业乱收停车费", "A3区景蓉华苑物业乱收停车费，业主多次投诉无人管，要求住建局查处。",
                    "2019-03-12T09:30:00+08:00", 40),
            line("m3", "A5区学校周边交通拥堵", "A5区实验小学门口每天上学放学时段交通拥堵，建议交警部门增派警力疏导。",
                    "2019-04-02T08:00:00+08:00", 3),
            line("m4", "A3区路灯又坏了", "A市A3区桂花路路灯又不亮了，请尽快修复，晚上出行很危险。",
                    "2019-04-20T21:15:00+08:00", 7),
            line("m5", "感谢A5区医院医生", "感谢A5区人民医院的医生护士，服务很好，非常满意。",
                    "2019-05-08T15:00:00+08:00", 1));

    private static String line(String id, String title, String text, String time, int likes) {
        return String.format("{\"id\":\"%s\",\"title\":\"%s\",\"text\":\"%s\",\"createdAt\":\"%s\","
                + "\"source\":\"api-test\",\"channel\":\"board\",\"votes\":{\"likes\":%d,\"against\":0}}",
                id, title, text, time, likes);
    }

    @BeforeAll
    void importMessages(@TempDir Path tmp) throws Exception {
        Path file = tmp.resolve("messages.jsonl");
        Files.writeString(file, MESSAGES + "\n{\"id\":\"bad\"}\n", StandardCharsets.UTF_8);
        String boundary = "b0undary";
        byte[] head = ("--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"messages.jsonl\""
                + "\r\nContent-Type: application/octet-stream\r\n\r\n").getBytes(StandardCharsets.UTF_8);
        byte[] tail = ("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8);
        HttpRequest upload = asAdmin("/api/imports")
                .header("Content-Type", "multipart/form-data; boundary=" + boundary)
                .POST(HttpRequest.BodyPublishers.concat(HttpRequest.BodyPublishers.ofByteArray(head),
                        HttpRequest.BodyPublishers.ofFile(file), HttpRequest.BodyPublishers.ofByteArray(tail)))
                .build();
        HttpResponse<String> started = http.send(upload, HttpResponse.BodyHandlers.ofString());
        assertEquals(202, started.statusCode(), started.body());
        String id = json.readTree(started.body()).get("id").asString();
        JsonNode job;
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        do {
            Thread.sleep(200);
            job = get("/api/imports/" + id);
        } while (!job.get("state").asString().matches("DONE|FAILED") && System.nanoTime() < deadline);
        assertEquals("DONE", job.get("state").asString(), job.toString());
        assertEquals(5, job.get("indexed").asLong());
        assertEquals(1, job.get("rejected").asLong());
        assertTrue(job.get("errors").get(0).asString().contains("messages.jsonl"), job.toString());
    }

    @Test
    void searchFindsMessagesByChineseWordsAndHighlightsThem() throws Exception {
        JsonNode result = get("/api/search?q=" + enc("路灯"));
        assertEquals(2, result.get("total").asLong());
        Set<String> ids = new HashSet<>();
        result.get("hits").forEach(hit -> ids.add(hit.get("message").get("id").asString()));
        assertEquals(Set.of("m1", "m4"), ids);
        String highlight = result.get("hits").get(0).get("textHighlight").asString();
        assertTrue(highlight.contains("<em>路灯</em>"), highlight);
    }

    @Test
    void nothingServedHoldsTheRawPhoneNumber() throws Exception {
        JsonNode message = get("/api/messages/m1");
        assertFalse(message.get("text").asString().contains("13812345678"), message.toString());
        String search = getString("/api/search?q=" + enc("路灯"));
        assertFalse(search.contains("13812345678"));
    }

    @Test
    void filtersAndFacetsCombine() throws Exception {
        JsonNode result = get("/api/search?region=" + enc("A3区") + "&from=2019-03-01&to=2019-03-31&facets=region");
        assertEquals(2, result.get("total").asLong(), result.toString());
        JsonNode regions = result.get("facets").get("region");
        assertEquals("A3区", regions.get(0).get("term").asString());
        assertEquals(2, regions.get(0).get("count").asLong());
    }

    @Test
    void monthlyTrendCountsEveryDatedMessage() throws Exception {
        JsonNode trend = get("/api/trends?interval=month&split=none");
        JsonNode points = trend.get("series").get(0).get("points");
        long total = 0;
        for (JsonNode point : points) {
            total += point.get("count").asLong();
        }
        assertEquals(5, total);
        assertEquals(3, points.size(), "March, April and May 2019");
        assertEquals("2019-03-01", points.get(0).get("start").asString());
    }

    @Test
    void trendSplitByRegionHasOneSeriesPerRegion() throws Exception {
        JsonNode trend = get("/api/trends?interval=week&split=region");
        Set<String> keys = new HashSet<>();
        trend.get("series").forEach(s -> keys.add(s.get("key").asString()));
        assertTrue(keys.containsAll(Set.of("A3区", "A5区")), keys.toString());
    }

    @Test
    void topDemandsAndKeywordsComeWithCounts() throws Exception {
        // the fixture's asks are each one message's: they rank only when asked for (minMessages=1), not by default
        get("/api/demands?limit=5").forEach(d -> assertTrue(d.get("count").asLong() >= 2, d.toString()));
        JsonNode demands = get("/api/demands?limit=5&minMessages=1");
        assertTrue(demands.size() >= 1, demands.toString());
        assertNotNull(demands.get(0).get("example").asString());
        assertTrue(demands.get(0).get("exampleIds").size() >= 1, demands.toString());
        assertTrue(Set.of("上升", "下降", "平稳", "新出现").contains(demands.get(0).get("trend").asString()));
        assertTrue(demands.get(0).get("regions").isArray());
        JsonNode keywords = get("/api/keywords?limit=5&region=" + enc("A3区"));
        assertTrue(keywords.size() >= 1);
        assertTrue(keywords.get(0).get("count").asLong() >= 1);
    }

    @Test
    void analyzeReturnsThePublishedShapeWithoutIndexing() throws Exception {
        HttpRequest request = asAdmin("/api/analyze")
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(
                        "{\"id\":\"x\",\"text\":\"我的身份证号是110101199003071233，请尽快处理噪音扰民问题\"}"))
                .build();
        HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
        assertEquals(200, response.statusCode(), response.body());
        JsonNode out = json.readTree(response.body());
        for (String field : new String[]{"id", "tokens", "topic", "topicScore", "sentiment", "sentimentScore",
                "places", "departments", "keywords", "maskedText", "simhash"}) {
            assertTrue(out.has(field), "missing " + field + " in " + out);
        }
        assertFalse(out.get("maskedText").asString().contains("110101199003071233"));
        assertEquals(16, out.get("simhash").asString().length());
        assertEquals(5, get("/api/status").get("messages").asLong(), "analyze must not index");
    }

    @Test
    void badParametersGiveA400WithTheReason() throws Exception {
        HttpResponse<String> response = http.send(asAdmin("/api/search?sentiment=angry").build(),
                HttpResponse.BodyHandlers.ofString());
        assertEquals(400, response.statusCode());
        assertTrue(response.body().contains("unknown sentiment 'angry'"), response.body());
        response = http.send(asAdmin("/api/demands?minMessages=0").build(), HttpResponse.BodyHandlers.ofString());
        assertEquals(400, response.statusCode());
        assertTrue(response.body().contains("minMessages must be 1..1000000"), response.body());
        response = http.send(asAdmin("/api/messages/nope").build(),
                HttpResponse.BodyHandlers.ofString());
        assertEquals(404, response.statusCode());
    }

    @Test
    void theApiIsDocumentedWithOpenApi() throws Exception {
        JsonNode doc = get("/v3/api-docs");
        assertTrue(doc.get("paths").has("/api/search"));
        assertTrue(doc.get("paths").has("/api/trends"));
        assertTrue(doc.get("paths").has("/api/imports"));
    }

    /** A request with the first-start admin's HTTP Basic credentials, as programs call the API. */
    private HttpRequest.Builder asAdmin(String path) {
        String credentials = Base64.getEncoder().encodeToString(("admin:" + ADMIN_PASSWORD).getBytes(StandardCharsets.UTF_8));
        return HttpRequest.newBuilder(uri(path)).header("Authorization", "Basic " + credentials);
    }

    private URI uri(String path) {
        return URI.create("http://127.0.0.1:" + port + path);
    }

    private JsonNode get(String path) throws IOException, InterruptedException {
        return json.readTree(getString(path));
    }

    private String getString(String path) throws IOException, InterruptedException {
        HttpResponse<String> response = http.send(asAdmin(path).build(),
                HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        assertEquals(200, response.statusCode(), path + " → " + response.body());
        return response.body();
    }

    private static String enc(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }
}
