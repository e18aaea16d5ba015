package org.minyi.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.net.ConnectException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpRequest.BodyPublisher;
import java.net.http.HttpRequest.BodyPublishers;
import java.net.http.HttpResponse.BodyHandlers;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.minyi.collect.importer.ConsoleProgress;
import org.minyi.collect.importer.ImportProgress;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Sends a file to a running service's import endpoint and follows the job until it ends. The service wants an admin:
 * the credentials come from the environment variables {@code MINYI_USER} and {@code MINYI_PASSWORD}.
 */
final class RemoteImport {

    private final String base;
    private final PrintWriter out;
    private final PrintWriter err;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final JsonMapper json = JsonMapper.builder().build();

    private final String authorization = basicAuthorization(System.getenv("MINYI_USER"), System.getenv("MINYI_PASSWORD"));

    RemoteImport(String base, PrintWriter out, PrintWriter err) {
        this.base = base.endsWith("/") ? base.substring(0, base.length() - 1) : base;
        this.out = out;
        this.err = err;
    }

    int run(Path file, Path mapping, String format, String source, String channel)
            throws IOException, InterruptedException {
        String boundary = "minyi-" + UUID.randomUUID();
        List<BodyPublisher> parts = new ArrayList<>();
        parts.add(text("--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\""
                + file.getFileName() + "\"\r\nContent-Type: application/octet-stream\r\n\r\n"));
        parts.add(BodyPublishers.ofFile(file));
        if (mapping != null) {
            parts.add(text("\r\n--" + boundary + "\r\nContent-Disposition: form-data; name=\"mapping\"; "
                    + "filename=\"mapping.yml\"\r\nContent-Type: text/yaml\r\n\r\n"));
            parts.add(BodyPublishers.ofFile(mapping));
        }
        parts.add(text("\r\n--" + boundary + "--\r\n"));
        StringBuilder query = new StringBuilder();
        param(query, "format", format);
        param(query, "source", source);
        param(query, "channel", channel);
        HttpRequest upload = HttpRequest.newBuilder(URI.create(base + "/api/imports" + query))
                .header("Content-Type", "multipart/form-data; boundary=" + boundary)
                .POST(BodyPublishers.concat(parts.toArray(BodyPublisher[]::new)))
                .build();
        JsonNode job;
        try {
            job = call(upload);
        } catch (ConnectException e) {
            err.println("cannot reach the MinYi service at " + base + ": " + e.getMessage());
            return 2;
        }
        if (job == null) {
            return 2;
        }
        String id = job.get("id").asString();
        ConsoleProgress progress = new ConsoleProgress(err);
        long started = System.nanoTime();
        while (true) {
            Thread.sleep(1000);
            job = call(HttpRequest.newBuilder(URI.create(base + "/api/imports/" + id)).GET().build());
            if (job == null) {
                return 2;
            }
            String state = job.get("state").asString();
            progress.update(new ImportProgress.Update(file, job.get("rowsRead").asLong(), job.get("accepted").asLong(),
                    job.get("rejected").asLong(), job.get("fractionDone").asDouble(),
                    Duration.ofNanos(System.nanoTime() - started), !state.matches("QUEUED|RUNNING")));
            if (state.equals("FAILED")) {
                err.println("import failed: " + job.get("failure").asString());
                return 2;
            }
            if (state.equals("DONE")) {
                out.printf("%s: %d rows read, %d imported, %d rejected; %d analysed and indexed (%.0f messages/s)%n",
                        job.get("file").asString(), job.get("rowsRead").asLong(), job.get("accepted").asLong(),
                        job.get("rejected").asLong(), job.get("indexed").asLong(),
                        job.get("messagesPerSecond").asDouble());
                JsonNode errors = job.get("errors");
                for (int i = 0; errors != null && i < Math.min(20, errors.size()); i++) {
                    out.println("  " + errors.get(i).asString());
                }
                return job.get("rejected").asLong() == 0 ? 0 : 1;
            }
        }
    }

    private JsonNode call(HttpRequest request) throws IOException, InterruptedException {
        if (authorization != null) {
            request = HttpRequest.newBuilder(request, (name, value) -> true).header("Authorization", authorization).build();
        }
        var response = http.send(request, BodyHandlers.ofString(StandardCharsets.UTF_8));
        if (response.statusCode() == 401 || response.statusCode() == 403) {
            err.println("the service at " + base + " refused the import (" + response.statusCode() + "): set "
                    + "MINYI_USER and MINYI_PASSWORD to an admin's user name and password");
            return null;
        }
        if (response.statusCode() >= 300) {
            err.println("the service answered " + response.statusCode() + ": " + response.body());
            return null;
        }
        return json.readTree(response.body());
    }

    private static String basicAuthorization(String user, String password) {
        if (user == null || user.isBlank() || password == null) {
            return null;
        }
        return "Basic " + java.util.Base64.getEncoder()
                .encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
    }

    private static BodyPublisher text(String s) {
        return BodyPublishers.ofByteArray(s.getBytes(StandardCharsets.UTF_8));
    }

    private static void param(StringBuilder query, String name, String value) {
        if (value != null) {
            query.append(query.isEmpty() ? '?' : '&').append(name).append('=')
                    .append(java.net.URLEncoder.encode(value, StandardCharsets.UTF_8));
        }
    }
}
