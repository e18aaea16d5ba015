package org.minyi.testing;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The real MinYi service ({@code org.minyi.MinYi serve}) in a child JVM on a data folder of the test's choosing, so
 * tests can kill it with SIGKILL ({@link Process#destroyForcibly()} on Linux) and start it again on the same
 * folder. Runs on the worktree's dictionaries and models (working directory = Maven's), with sample loading and
 * the inbox off. Always {@link #close()} it: that kills the child if it still runs.
 */
public final class ServiceProcess implements AutoCloseable {

    public static final String ADMIN_PASSWORD = "crash-test-admin-secret";
    private static final Duration START_TIMEOUT = Duration.ofSeconds(120);
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final Path dataDir;
    private final Map<String, String> properties;
    private final Path logs;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final List<Process> started = new ArrayList<>();
    private Process process;
    private Path log;
    private int port;

    /** @param properties extra {@code --key=value} arguments, e.g. {@code minyi.crawl.config-dir} */
    public ServiceProcess(Path dataDir, Path logs, Map<String, String> properties) {
        this.dataDir = dataDir;
        this.logs = logs;
        this.properties = properties;
    }

    /** Starts the service and waits until it answers; fails with the end of its log if it dies or hangs. */
    public ServiceProcess start() throws IOException, InterruptedException {
        if (process != null && process.isAlive()) {
            throw new IllegalStateException("the service is running already");
        }
        Process child = launch();
        long deadline = System.nanoTime() + START_TIMEOUT.toNanos();
        while (System.nanoTime() < deadline) {
            if (!child.isAlive()) {
                throw new IllegalStateException("the service exited with " + child.exitValue() + " while starting:\n"
                        + logTail());
            }
            try {
                if (send(HttpRequest.newBuilder(uri("/actuator/health")).GET()).statusCode() == 200) {
                    return this;
                }
            } catch (IOException notYet) {
                // not listening yet
            }
            Thread.sleep(200);
        }
        throw new IllegalStateException("the service did not answer within " + START_TIMEOUT + ":\n" + logTail());
    }

    /** Starts the service and waits for it to exit by itself (a start-up that must fail); returns its exit code. */
    public int startExpectingExit(Duration within) throws IOException, InterruptedException {
        Process child = launch();
        if (!child.waitFor(within.toMillis(), TimeUnit.MILLISECONDS)) {
            throw new IllegalStateException("the service did not exit within " + within + ":\n" + logTail());
        }
        return child.exitValue();
    }

    private Process launch() throws IOException {
        try (ServerSocket probe = new ServerSocket(0)) {
            port = probe.getLocalPort();
        }
        // C1 only and the serial collector: a child lives for seconds, so starting fast beats peak speed (on two
        // busy cores this halved the crash tests' time).
        List<String> command = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC",
                "-cp", System.getProperty("java.class.path"), "org.minyi.MinYi", "serve",
                "--server.port=" + port, "--server.address=127.0.0.1",
                "--minyi.data-dir=" + dataDir, "--minyi.load-sample-data=false", "--minyi.import.inbox=off",
                "--minyi.security.initial-admin-password=" + ADMIN_PASSWORD));
        properties.forEach((key, value) -> command.add("--" + key + "=" + value));
        Files.createDirectories(logs);
        log = logs.resolve("service-" + (started.size() + 1) + ".log");
        process = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile()).start();
        started.add(process);
        return process;
    }

    /** SIGKILL: no shutdown hook, no last commit. Waits until the process is gone. */
    public void killNine() throws InterruptedException {
        process.destroyForcibly();
        if (!process.waitFor(30, TimeUnit.SECONDS)) {
            throw new IllegalStateException("the service survived kill -9 for 30 s");
        }
    }

    public boolean isAlive() {
        return process != null && process.isAlive();
    }

    public Path log() {
        return log;
    }

    public String logTail() throws IOException {
        if (log == null || !Files.exists(log)) {
            return "(no log)";
        }
        List<String> lines = Files.readAllLines(log, StandardCharsets.UTF_8);
        return String.join("\n", lines.subList(Math.max(0, lines.size() - 40), lines.size()));
    }

    public URI uri(String path) {
        return URI.create("http://127.0.0.1:" + port + path);
    }

    private HttpRequest.Builder asAdmin(String path) {
        String credentials = Base64.getEncoder().encodeToString(("admin:" + ADMIN_PASSWORD)
                .getBytes(StandardCharsets.UTF_8));
        return HttpRequest.newBuilder(uri(path)).timeout(Duration.ofSeconds(60))
                .header("Authorization", "Basic " + credentials);
    }

    private HttpResponse<String> send(HttpRequest.Builder request) throws IOException, InterruptedException {
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    }

    /** GET as admin; the status code and body. */
    public HttpResponse<String> get(String path) throws IOException, InterruptedException {
        return send(asAdmin(path).GET());
    }

    /** GET as admin, expecting 200 and JSON. */
    public JsonNode getJson(String path) throws IOException, InterruptedException {
        HttpResponse<String> response = get(path);
        if (response.statusCode() != 200) {
            throw new IllegalStateException("GET " + path + " → " + response.statusCode() + ": " + response.body());
        }
        return JSON.readTree(response.body());
    }

    /** POST as admin without a body. */
    public HttpResponse<String> post(String path) throws IOException, InterruptedException {
        return send(asAdmin(path).POST(HttpRequest.BodyPublishers.noBody()));
    }

    /** POST /api/imports with {@code file} as the multipart part "file". */
    public HttpResponse<String> upload(Path file) throws IOException, InterruptedException {
        String boundary = "minyi-crash-test-boundary";
        byte[] head = ("--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\""
                + file.getFileName() + "\"\r\nContent-Type: application/octet-stream\r\n\r\n")
                .getBytes(StandardCharsets.UTF_8);
        byte[] tail = ("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8);
        return send(asAdmin("/api/imports")
                .header("Content-Type", "multipart/form-data; boundary=" + boundary)
                .POST(HttpRequest.BodyPublishers.concat(HttpRequest.BodyPublishers.ofByteArray(head),
                        HttpRequest.BodyPublishers.ofFile(file), HttpRequest.BodyPublishers.ofByteArray(tail))));
    }

    /** Polls {@code path} every 50 ms until {@code until} holds for its JSON, or fails after {@code timeout}. */
    public JsonNode await(String path, Predicate<JsonNode> until, Duration timeout, String what)
            throws IOException, InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        JsonNode last = null;
        while (System.nanoTime() < deadline) {
            if (!isAlive()) {
                throw new IllegalStateException("the service died while waiting for " + what + ":\n" + logTail());
            }
            last = getJson(path);
            if (until.test(last)) {
                return last;
            }
            Thread.sleep(50);
        }
        throw new IllegalStateException("gave up waiting for " + what + " after " + timeout + "; last " + path
                + " said " + last);
    }

    /** Kills every child this started that still runs (also after a failed assertion). */
    @Override
    public void close() {
        for (Process child : started) {
            if (child.isAlive()) {
                child.destroyForcibly();
                try {
                    child.waitFor(30, TimeUnit.SECONDS);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }
        }
    }
}
