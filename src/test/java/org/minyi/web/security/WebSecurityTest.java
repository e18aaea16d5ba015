package org.minyi.web.security;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.minyi.MinYiSettings;
import org.minyi.web.RunningService;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;
import tools.jackson.databind.JsonNode;

/** Who may call what, over HTTP on the running service, and how users are kept. */
class WebSecurityTest extends RunningService {

    @BeforeEach
    void fixture() throws Exception {
        importFixture();
    }

    @Test
    void anonymousCallsAreRefusedAndPagesSendToTheLoginForm() throws Exception {
        assertEquals(401, send(java.net.http.HttpRequest.newBuilder(uri("/api/search?q=x"))).statusCode());
        HttpResponse<String> page = send(HttpRequest.newBuilder(uri("/dashboard.html")).header("Accept", "text/html"));
        assertEquals(302, page.statusCode());
        assertTrue(page.headers().firstValue("Location").orElse("").endsWith("/login"), page.headers().toString());
        assertEquals(401, send(as("admin", "wrong-password", "/api/status")).statusCode());
    }

    @Test
    void healthIsPublicAndPrometheusIsForAdmins() throws Exception {
        assertEquals(200, send(HttpRequest.newBuilder(uri("/actuator/health"))).statusCode());
        assertEquals(403, send(as("manager", USER_PASSWORD, "/actuator/prometheus")).statusCode());
        HttpResponse<String> metrics = send(asAdmin("/actuator/prometheus"));
        assertEquals(200, metrics.statusCode(), metrics.body());
        for (String name : new String[]{"minyi_messages_ingested_total", "minyi_messages_indexed_total",
                "minyi_crawl_errors_total", "minyi_alert_latency_seconds"}) {
            assertTrue(metrics.body().contains(name), "missing " + name);
        }
    }

    @Test
    void eachRoleReachesOnlyItsOwnEndpoints() throws Exception {
        assertEquals(200, send(as("manager", USER_PASSWORD, "/api/search?q=" + enc("路灯"))).statusCode());
        assertEquals(403, send(as("manager", USER_PASSWORD, "/api/users")).statusCode());
        assertEquals(200, send(as("leader", USER_PASSWORD, "/api/trends")).statusCode());
        assertEquals(200, send(as("leader", USER_PASSWORD, "/api/search?q=x")).statusCode(), "charts lead to messages");
        assertEquals(200, send(as("leader", USER_PASSWORD, "/api/messages/w1")).statusCode());
        assertEquals(403, send(as("leader", USER_PASSWORD, "/api/export")).statusCode(), "leaders do not export");
        assertEquals(403, send(as("subscriber", USER_PASSWORD, "/api/trends")).statusCode());
        assertEquals(200, send(as("subscriber", USER_PASSWORD, "/api/subscriptions")).statusCode());
        assertEquals(403, send(as("subscriber", USER_PASSWORD, "/api/imports")).statusCode());
        JsonNode me = getJson(as("leader", USER_PASSWORD, "/api/me"));
        assertEquals("leader", me.get("name").asString());
        assertEquals("LEADER", me.get("roles").get(0).asString());
    }

    @Test
    void subscribersKeepOnlyTheirOwnSubscriptions() throws Exception {
        HttpResponse<String> own = send(as("subscriber", USER_PASSWORD, "/api/subscriptions/mine")
                .header("Content-Type", "application/json").PUT(jsonBody(rule("mine", "subscriber"))));
        assertEquals(200, own.statusCode(), own.body());
        HttpResponse<String> forSomeoneElse = send(as("subscriber", USER_PASSWORD, "/api/subscriptions/theirs")
                .header("Content-Type", "application/json").PUT(jsonBody(rule("theirs", "other"))));
        assertEquals(403, forSomeoneElse.statusCode(), forSomeoneElse.body());
        send(asAdmin("/api/subscriptions/others").header("Content-Type", "application/json")
                .PUT(jsonBody(rule("others", "other"))));

        Set<String> seen = ids(getJson(as("subscriber", USER_PASSWORD, "/api/subscriptions")));
        assertTrue(seen.contains("mine"), seen.toString());
        assertFalse(seen.contains("others"), seen.toString());
        assertEquals(404, send(as("subscriber", USER_PASSWORD, "/api/subscriptions/others").DELETE()).statusCode());
        assertTrue(ids(getJson(asAdmin("/api/subscriptions"))).containsAll(Set.of("mine", "others")));
    }

    @Test
    void aBrowserSessionNeedsTheCsrfTokenToChangeAnything() throws Exception {
        // Basic credentials from a page of another origin (the browser adds Origin) do not skip the CSRF check
        HttpResponse<String> crossSite = send(as("admin", ADMIN_PASSWORD, "/api/dictionary/words")
                .header("Origin", "https://evil.example").header("Content-Type", "application/json")
                .POST(jsonBody("{\"word\":\"跨站词\",\"kind\":\"term\"}")));
        assertEquals(403, crossSite.statusCode(), crossSite.body());
        // a program without Origin needs none
        HttpResponse<String> program = send(asAdmin("/api/dictionary/words").header("Content-Type", "application/json")
                .POST(jsonBody("{\"word\":\"程序词\",\"kind\":\"term\"}")));
        assertEquals(201, program.statusCode(), program.body());
    }

    @Test
    void passwordsAreKeptOnlyAsBcryptHashes() throws Exception {
        String file = Files.readString(dataDir.resolve("users.json"), StandardCharsets.UTF_8);
        assertFalse(file.contains(USER_PASSWORD));
        assertFalse(file.contains(ADMIN_PASSWORD));
        assertTrue(file.contains("\"$2a$"), "BCrypt hashes start with $2a$");
        HttpResponse<String> tooShort = send(asAdmin("/api/users/shorty").header("Content-Type", "application/json")
                .PUT(jsonBody("{\"password\":\"short\",\"roles\":[\"leader\"]}")));
        assertEquals(400, tooShort.statusCode());
        assertTrue(tooShort.body().contains("at least 8 characters"), tooShort.body());
    }

    @Test
    void firstStartCreatesAnAdminAndPrintsItsPasswordOnce(@TempDir Path dir) {
        MinYiSettings settings = MinYiSettings.from(key -> key.equals("minyi.data-dir") ? dir.toString() : null);
        BCryptPasswordEncoder encoder = new BCryptPasswordEncoder();
        PrintStream stdout = System.out;
        ByteArrayOutputStream printed = new ByteArrayOutputStream();
        System.setOut(new PrintStream(printed, true, StandardCharsets.UTF_8));
        try {
            UserStore first = new SecurityConfiguration().userStore(settings, encoder, "");
            Matcher password = Pattern.compile("password (\\S+) ").matcher(printed.toString(StandardCharsets.UTF_8));
            assertTrue(password.find(), printed.toString(StandardCharsets.UTF_8));
            assertTrue(encoder.matches(password.group(1), first.find("admin").orElseThrow().passwordHash()));

            printed.reset();
            new SecurityConfiguration().userStore(settings, encoder, "");
            assertFalse(printed.toString(StandardCharsets.UTF_8).contains("password"), "printed only at first start");
        } finally {
            System.setOut(stdout);
        }
    }

    private static String rule(String id, String subscriber) {
        return "{\"id\":\"" + id + "\",\"subscriber\":\"" + subscriber + "\",\"keywords\":[\"路灯\"],"
                + "\"destination\":{\"type\":\"WEBHOOK\",\"url\":\"https://203.0.113.9/hook\",\"secret\":\"s3cret\"}}";
    }

    private static Set<String> ids(JsonNode rules) {
        Set<String> ids = new HashSet<>();
        rules.forEach(r -> ids.add(r.get("id").asString()));
        return ids;
    }

    private static String enc(String s) {
        return java.net.URLEncoder.encode(s, StandardCharsets.UTF_8);
    }
}
