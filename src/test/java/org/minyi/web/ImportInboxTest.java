package org.minyi.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Base64;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** The service's watched folder: a 12345 export dropped into {@code <dataDir>/inbox} is imported and served. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"minyi.load-sample-data=false", "minyi.home=.", "minyi.import.inbox-poll-seconds=0.2",
                "minyi.security.initial-admin-password=" + ImportInboxTest.ADMIN_PASSWORD})
class ImportInboxTest {

    static final String ADMIN_PASSWORD = "inbox-test-admin-secret";
    private static Path dataDir;

    /** Made-up work orders in the common 12345 export wording; the third is still being handled. */
    private static final String EXPORT = """
            工单编号,来电时间,来电人所在区域,诉求类别,诉求内容,承办单位,办理状态,答复内容,答复时间,满意度
            GD2024000101,2024-05-06 09:12:40,雁塔区,城乡建设,小区门口井盖破损塌陷，夜间已有电动车摔倒，请尽快修复。,区城市管理局,已办结,已更换井盖并设置警示标志。,2024-05-07 16:30:00,满意
            GD2024000102,2024-05-06 10:05:11,碑林区,劳动和社会保障,在工地务工三个月被拖欠工资一万二千元，请求帮助讨薪。,区人力资源和社会保障局,已办结,劳动监察大队已约谈企业，企业承诺月底前支付。,2024-05-10 11:00:00,基本满意
            GD2024000103,2024-05-07 20:45:03,未央区,环境保护,楼下烧烤店油烟直排，噪音扰民到凌晨两点。,市生态环境局,办理中,,,
            """;

    @DynamicPropertySource
    static void dataDir(DynamicPropertyRegistry registry) throws IOException {
        dataDir = Files.createTempDirectory("minyi-inbox-test-");
        registry.add("minyi.data-dir", dataDir::toString);
    }

    @LocalServerPort
    int port;

    private final HttpClient http = HttpClient.newHttpClient();
    private final JsonMapper json = JsonMapper.builder().build();

    @Test
    void aDroppedExportIsImportedMovedToDoneAndADropOfTheSameFileAddsNothing() throws Exception {
        Path inbox = dataDir.resolve("inbox");
        drop(inbox, "orders.csv");
        awaitFile(inbox.resolve("done/orders.csv"));

        JsonNode message = get("/api/messages/hotline-12345:GD2024000101");
        assertEquals("hotline", message.get("channel").asString(), message.toString());
        assertEquals("城乡建设", message.get("workOrder").get("category").asString());
        assertEquals("满意", message.get("workOrder").get("satisfaction").asString());
        assertEquals("区城市管理局", message.get("reply").get("agency").asString());
        assertEquals(3, get("/api/search?channel=hotline").get("total").asLong());
        assertTrue(get("/api/imports").toString().contains("inbox/orders.csv"));
        String export = getText("/api/export?format=csv&channel=hotline");
        assertTrue(export.lines().findFirst().orElse("").contains("工单类别,办理状态,满意度,承办单位"), export);
        assertTrue(export.contains("城乡建设") && export.contains("满意"), "work orders are exported: " + export);

        drop(inbox, "orders.csv");
        awaitFile(inbox.resolve("done/orders-2.csv"));
        assertEquals(3, get("/api/search?channel=hotline").get("total").asLong());
    }

    /** Written under a .part name and renamed, as a script should drop files. */
    private static void drop(Path inbox, String name) throws IOException {
        Path part = Files.writeString(inbox.resolve(name + ".part"), EXPORT, StandardCharsets.UTF_8);
        Files.move(part, inbox.resolve(name));
    }

    private static void awaitFile(Path file) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        while (!Files.exists(file) && System.nanoTime() < deadline) {
            Thread.sleep(100);
        }
        assertTrue(Files.exists(file), file + " did not appear within 60 s");
    }

    private JsonNode get(String path) throws IOException, InterruptedException {
        return json.readTree(getText(path));
    }

    private String getText(String path) throws IOException, InterruptedException {
        String credentials = Base64.getEncoder()
                .encodeToString(("admin:" + ADMIN_PASSWORD).getBytes(StandardCharsets.UTF_8));
        HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                .header("Authorization", "Basic " + credentials).build(),
                HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        assertEquals(200, response.statusCode(), path + " → " + response.body());
        return response.body();
    }
}
