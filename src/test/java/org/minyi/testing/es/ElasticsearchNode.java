package org.minyi.testing.es;

import java.io.IOException;
import java.io.OutputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * A real single-node Elasticsearch 9.5.3 in its own JVM, listening on a free loopback port, with its data in a
 * folder the caller owns. It can be stopped and started again on the same port and data (to test outages). The
 * node also exits when this JVM does: it watches its stdin, which only this object holds open.
 */
public final class ElasticsearchNode implements AutoCloseable {

    private static final Duration START_TIMEOUT = Duration.ofMinutes(2);
    private static final Duration STOP_TIMEOUT = Duration.ofSeconds(30);

    private final Path java;
    private final Path home;
    private final Path dataDir;
    private Process process;
    private OutputStream lifeline;
    private int port;

    private ElasticsearchNode(Path java, Path home, Path dataDir) {
        this.java = java;
        this.home = home;
        this.dataDir = dataDir;
    }

    /** Builds the node's home folder if needed and starts a node on a free port, data under {@code dataDir}. */
    public static ElasticsearchNode start(Path dataDir) throws IOException, InterruptedException {
        Path java = NodeJava.find();
        Path home = NodeDistribution.ofWorkingDirectory().ensureBuilt(java);
        ElasticsearchNode node = new ElasticsearchNode(java, home, dataDir.toAbsolutePath());
        node.launch(0);
        return node;
    }

    public int port() {
        return port;
    }

    /** The node's process id, for measuring what it uses. */
    public synchronized long pid() {
        return process.pid();
    }

    public String url() {
        return "http://127.0.0.1:" + port;
    }

    public synchronized boolean isRunning() {
        return process != null && process.isAlive();
    }

    /** Stops the node gracefully (SIGTERM, flushes to disk) and waits until it is gone. */
    public synchronized void stop() throws InterruptedException {
        if (process == null) {
            return;
        }
        process.destroy();
        if (!process.waitFor(STOP_TIMEOUT.toSeconds(), TimeUnit.SECONDS)) {
            process.destroyForcibly().waitFor();
        }
        closeLifeline();
        process = null;
    }

    /** Starts the stopped node again on the same port and data. */
    public synchronized void restart() throws IOException, InterruptedException {
        if (isRunning()) {
            throw new IllegalStateException("node on port " + port + " is still running");
        }
        launch(port);
    }

    @Override
    public void close() throws InterruptedException {
        stop();
    }

    private synchronized void launch(int requestedPort) throws IOException, InterruptedException {
        Files.createDirectories(dataDir);
        Path readyFile = dataDir.resolve("http.port");
        Files.deleteIfExists(readyFile);
        Path log = dataDir.resolve("node.log");
        List<String> command = List.of(java.toString(),
                "-Xms512m", "-Xmx512m",
                "--enable-native-access=ALL-UNNAMED",
                "--add-modules", "jdk.incubator.vector",
                // ES's own vector library is not on Maven Central; without this it disables all native access
                "-Dorg.elasticsearch.nativeaccess.enableVectorLibrary=false",
                // holds libzstd.so, which best_compression indices need on refresh
                "-Des.nativelibs.path=" + home.resolve("native"),
                "-Djava.io.tmpdir=" + Files.createDirectories(dataDir.resolve("tmp")),
                "-cp", home.resolve("lib") + "/*",
                "org.minyi.esnode.launcher.NodeLauncher",
                home.toString(), dataDir.toString(), Integer.toString(requestedPort), readyFile.toString());
        process = new ProcessBuilder(command)
                .redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()))
                .start();
        lifeline = process.getOutputStream();
        Instant deadline = Instant.now().plus(START_TIMEOUT);
        while (!Files.exists(readyFile)) {
            if (!process.isAlive()) {
                int exit = process.exitValue();
                process = null;
                throw new IllegalStateException("Elasticsearch exited with " + exit + " while starting; log "
                        + log + ":\n" + tail(log));
            }
            if (Instant.now().isAfter(deadline)) {
                process.destroyForcibly().waitFor();
                process = null;
                throw new IllegalStateException("Elasticsearch did not start within " + START_TIMEOUT
                        + "; log " + log + ":\n" + tail(log));
            }
            Thread.sleep(100);
        }
        port = Integer.parseInt(Files.readString(readyFile).strip());
        awaitShardsRecovered();
    }

    /** HTTP listens before existing shards are recovered; a restarted node is usable only after that. */
    private void awaitShardsRecovered() throws IOException, InterruptedException {
        HttpRequest health = HttpRequest.newBuilder(
                URI.create(url() + "/_cluster/health?wait_for_status=yellow&timeout=60s")).build();
        try (HttpClient http = HttpClient.newHttpClient()) {
            HttpResponse<String> response = http.send(health, HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() != 200) {
                throw new IllegalStateException("Elasticsearch on port " + port
                        + " did not recover its shards: " + response.body());
            }
        }
    }

    private void closeLifeline() {
        try {
            if (lifeline != null) {
                lifeline.close();
            }
        } catch (IOException ignored) {
            // the process is gone already
        }
        lifeline = null;
    }

    private static String tail(Path log) {
        try {
            List<String> lines = Files.readAllLines(log);
            return String.join("\n", lines.subList(Math.max(0, lines.size() - 30), lines.size()));
        } catch (IOException e) {
            return "(log unreadable: " + e.getMessage() + ")";
        }
    }
}
