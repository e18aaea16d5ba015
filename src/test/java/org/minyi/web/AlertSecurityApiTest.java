package org.minyi.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * Issue 15 over HTTP on the running service (which allows no internal alert receivers): alert channels cannot
 * reach internal addresses (item 1), secrets are write-only (item 13), rules and request bodies are capped (item 8),
 * and a rule tells its owner what it can reach (item 3).
 */
class AlertSecurityApiTest extends RunningService {

    @BeforeEach
    void users() throws Exception {
        importFixture();
    }

    /** Item 1: a subscriber saved a webhook on 127.0.0.1 and read the service's own Prometheus page through it. */
    @Test
    void destinationsOnInternalAddressesAreRefusedForEveryRole() throws Exception {
        List<String> internal = List.of("http://127.0.0.1:" + port + "/actuator/prometheus", "http://localhost:" + port
                + "/", "http://0.0.0.0:" + port + "/", "http://[::]:" + port + "/", "http://[::1]:" + port + "/",
                "http://10.1.2.3/hook", "http://192.168.0.1/", "http://169.254.169.254/latest/meta-data/");
        for (String user : List.of("subscriber", "admin")) {
            for (String url : internal) {
                for (String type : List.of("webhook", "wecom", "dingtalk")) {
                    HttpResponse<String> put = put(user, "ssrf", rule("ssrf", user, type, url, "s3cret"));
                    assertEquals(400, put.statusCode(), user + " " + type + " " + url + " → " + put.body());
                    String reason = json.readTree(put.body()).path("message").asString();
                    assertTrue(reason.contains("预警不发往内部网络") || reason.contains("无法解析"), reason);
                }
            }
        }
        assertEquals(404, send(asAdmin("/api/subscriptions/ssrf")).statusCode(), "nothing was saved");
    }

    /** Item 13: managers read every rule's webhook secret and robot token from GET /api/subscriptions. */
    @Test
    void secretsAndRobotTokensAreWriteOnly() throws Exception {
        String secret = "whsec-0123456789abcdef";
        String token = "robotToken0123456789abcdef";
        assertEquals(200, put("admin", "signed", rule("signed", "ops", "webhook", "https://203.0.113.20/hook",
                secret)).statusCode());
        assertEquals(200, put("admin", "robot", rule("robot", "ops", "dingtalk",
                "https://203.0.113.21/robot/send?access_token=" + token, "SEC" + secret)).statusCode());

        for (String user : List.of("admin", "manager")) {
            HttpResponse<String> list = send(as(user, user.equals("admin") ? ADMIN_PASSWORD : USER_PASSWORD,
                    "/api/subscriptions"));
            assertEquals(200, list.statusCode());
            assertFalse(list.body().contains(secret) || list.body().contains(token), list.body());
            String one = send(as(user, user.equals("admin") ? ADMIN_PASSWORD : USER_PASSWORD,
                    "/api/subscriptions/robot")).body();
            assertFalse(one.contains(secret) || one.contains(token), one);
        }
        JsonNode robot = getJson(asAdmin("/api/subscriptions/robot"));
        assertEquals("https://203.0.113.21/robot/send?access_token=***", robot.path("destination").path("url")
                .asString());
        assertTrue(robot.path("destination").path("hasSecret").asBoolean());

        // Saving what the page shows back (masked URL, no secret) keeps the saved token and secret.
        JsonNode edited = json.readTree(put("admin", "robot", rule("robot", "ops", "dingtalk",
                robot.path("destination").path("url").asString(), null).replace("\"name\":\"robot\"",
                "\"name\":\"改名\"")).body());
        assertEquals("改名", edited.path("name").asString());
        String onDisk = Files.readString(dataDir.resolve("alerts").resolve("rules.json"));
        assertTrue(onDisk.contains(token) && onDisk.contains("SEC" + secret), "kept: " + onDisk);
    }

    /** Item 8: a 400,000-keyword rule (4.8 MB) was accepted and slowed everyone's alerts. */
    @Test
    void oversizedBodiesAndRulesAreRefused() throws Exception {
        StringBuilder keywords = new StringBuilder();
        for (int i = 0; i < 400_000; i++) {
            keywords.append(i == 0 ? "" : ",").append("\"kw").append(i).append('"');
        }
        String huge = "{\"id\":\"huge\",\"subscriber\":\"subscriber\",\"keywords\":[" + keywords + "],"
                + "\"destination\":{\"type\":\"webhook\",\"url\":\"https://203.0.113.9/hook\",\"secret\":\"k\"}}";
        HttpResponse<String> tooLarge = put("subscriber", "huge", huge);
        assertEquals(413, tooLarge.statusCode(), tooLarge.body());
        assertTrue(json.readTree(tooLarge.body()).path("message").asString().contains("KB"), tooLarge.body());

        List<String> many = new ArrayList<>();
        for (int i = 0; i < 101; i++) {
            many.add("\"词" + i + "\"");
        }
        HttpResponse<String> tooMany = put("subscriber", "many", "{\"id\":\"many\",\"subscriber\":\"subscriber\","
                + "\"keywords\":[" + String.join(",", many) + "],\"destination\":{\"type\":\"webhook\","
                + "\"url\":\"https://203.0.113.9/hook\",\"secret\":\"k\"}}");
        assertEquals(400, tooMany.statusCode(), tooMany.body());
        assertTrue(tooMany.body().contains("关键词最多 100 个"), tooMany.body());

        HttpResponse<String> broken = put("subscriber", "broken", "{\"id\":\"broken\",");
        assertEquals(400, broken.statusCode(), broken.body());
        assertEquals(404, send(as("subscriber", USER_PASSWORD, "/api/subscriptions/huge")).statusCode());
    }

    /** Item 3: a subscriber's catch-all rule read every new message. */
    @Test
    void aRuleTellsItsOwnerWhatItCanReach() throws Exception {
        JsonNode subscriber = json.readTree(put("subscriber", "catch-all", rule("catch-all", "subscriber", "webhook",
                "https://203.0.113.9/hook", "k")).body());
        assertEquals("none", subscriber.path("reach").asString());
        assertTrue(subscriber.path("reachNote").asString().contains("无权阅读"), subscriber.toString());
        assertEquals("subscriber", subscriber.path("owner").asString());

        JsonNode leader = json.readTree(put("leader", "leader-all", rule("leader-all", "leader", "webhook",
                "https://203.0.113.9/hook", "k")).body());
        assertEquals("hotspots", leader.path("reach").asString());

        JsonNode manager = json.readTree(put("manager", "manager-all", rule("manager-all", "manager", "webhook",
                "https://203.0.113.9/hook", "k").replace("\"owner\":\"x\",", "")).body());
        assertEquals("all", manager.path("reach").asString());
        assertEquals("manager", manager.path("owner").asString(), "the owner is who saved it, never the request");

        JsonNode limits = getJson(as("subscriber", USER_PASSWORD, "/api/alerts/limits"));
        assertEquals(20, limits.path("maxPerWindow").asInt());
        assertEquals(72, limits.path("freshnessHours").asInt());
        assertEquals("none", limits.path("reach").asString());
    }

    private HttpResponse<String> put(String user, String id, String body) throws Exception {
        return send(as(user, user.equals("admin") ? ADMIN_PASSWORD : USER_PASSWORD, "/api/subscriptions/" + id)
                .header("Content-Type", "application/json").PUT(jsonBody(body)));
    }

    private static String rule(String id, String subscriber, String type, String url, String secret) {
        return "{\"id\":\"" + id + "\",\"owner\":\"x\",\"subscriber\":\"" + subscriber + "\",\"name\":\"" + id
                + "\",\"destination\":{\"type\":\"" + type + "\",\"url\":\"" + url + "\""
                + (secret == null ? "" : ",\"secret\":\"" + secret + "\"") + "}}";
    }
}
