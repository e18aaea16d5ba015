package org.minyi.web;

import static org.junit.jupiter.api.Assertions.assertEquals;

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
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The whole service on a random port with an empty temporary data folder, shared by the web front's tests (one
 * Spring context for all subclasses; a subclass that adds messages others would count declares a property of its
 * own, which gives it a service of its own). {@link #importFixture()} loads {@link WebFixture} once per service
 * through the import endpoint and creates a manager, a leader and two subscribers.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"minyi.load-sample-data=false", "minyi.home=.", "minyi.report.weekly.enabled=false",
                "minyi.security.initial-admin-password=" + RunningService.ADMIN_PASSWORD})
public abstract class RunningService {

    public static final String ADMIN_PASSWORD = "web-test-admin-secret";
    public static final String USER_PASSWORD = "web-test-user-secret";

    /** The services (by port) the fixture went into: a subclass with its own properties gets its own service. */
    private static final Set<Integer> IMPORTED = ConcurrentHashMap.newKeySet();

    @DynamicPropertySource
    static void dataDir(DynamicPropertyRegistry registry) throws IOException {
        Path dataDir = Files.createTempDirectory("minyi-web-test-");
        registry.add("minyi.data-dir", dataDir::toString);
    }

    /** This service's data folder. */
    @Value("${minyi.data-dir}")
    protected Path dataDir;

    @LocalServerPort
    protected int port;

    protected final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    protected final JsonMapper json = JsonMapper.builder().build();

    protected URI uri(String path) {
        return URI.create("http://127.0.0.1:" + port + path);
    }

    protected HttpRequest.Builder as(String user, String password, String path) {
        String credentials = Base64.getEncoder().encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
        return HttpRequest.newBuilder(uri(path)).header("Authorization", "Basic " + credentials);
    }

    protected HttpRequest.Builder asAdmin(String path) {
        return as("admin", ADMIN_PASSWORD, path);
    }

    protected HttpResponse<String> send(HttpRequest.Builder request) throws IOException, InterruptedException {
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    }

    protected JsonNode getJson(HttpRequest.Builder request) throws IOException, InterruptedException {
        HttpResponse<String> response = send(request);
        assertEquals(200, response.statusCode(), request.build().uri() + " → " + response.body());
        return json.readTree(response.body());
    }

    protected static HttpRequest.BodyPublisher jsonBody(String body) {
        return HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8);
    }

    /** The import job once it is DONE or FAILED (or as it stands after a minute, a hang guard). */
    protected JsonNode awaitImport(String id) throws IOException, InterruptedException {
        return awaitImport(id, 60);
    }

    /** The import job once it is DONE or FAILED (or as it stands after {@code seconds}, a hang guard). */
    protected JsonNode awaitImport(String id, int seconds) throws IOException, InterruptedException {
        JsonNode job;
        long deadline = System.nanoTime() + Duration.ofSeconds(seconds).toNanos();
        do {
            Thread.sleep(200);
            job = getJson(asAdmin("/api/imports/" + id));
        } while (!job.get("state").asString().matches("DONE|FAILED") && System.nanoTime() < deadline);
        return job;
    }

    /** Imports the fixture messages and creates the users, once per service. */
    protected synchronized void importFixture() throws Exception {
        if (IMPORTED.contains(port)) {
            return;
        }
        for (String[] user : new String[][]{{"manager", "manager"}, {"leader", "leader"},
                {"subscriber", "subscriber"}, {"other", "subscriber"}}) {
            HttpResponse<String> put = send(asAdmin("/api/users/" + user[0])
                    .header("Content-Type", "application/json")
                    .PUT(jsonBody("{\"password\":\"" + USER_PASSWORD + "\",\"roles\":[\"" + user[1] + "\"]}")));
            assertEquals(200, put.statusCode(), put.body());
        }
        String boundary = "web-fixture";
        String body = "--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"web.jsonl\""
                + "\r\nContent-Type: application/octet-stream\r\n\r\n" + WebFixture.jsonl() + "\r\n--" + boundary + "--\r\n";
        HttpResponse<String> started = send(asAdmin("/api/imports")
                .header("Content-Type", "multipart/form-data; boundary=" + boundary)
                .POST(jsonBody(body)));
        assertEquals(202, started.statusCode(), started.body());
        JsonNode job = awaitImport(json.readTree(started.body()).get("id").asString());
        assertEquals("DONE", job.get("state").asString(), job.toString());
        assertEquals(WebFixture.COUNT, job.get("indexed").asLong(), job.toString());
        IMPORTED.add(port);
    }
}
