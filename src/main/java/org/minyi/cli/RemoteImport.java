package org.minyi.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.net.http.HttpRequest;
import java.net.http.HttpRequest.BodyPublisher;
import java.net.http.HttpRequest.BodyPublishers;
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

/**
 * Sends a file to a running service's import endpoint and follows the job until it ends. The service wants an admin:
 * the credentials come from the environment variables {@code MINYI_USER} and {@code MINYI_PASSWORD} ({@link ServiceClient}).
 */
final class RemoteImport {

    private final ServiceClient service;
    private final PrintWriter out;
    private final PrintWriter err;

    RemoteImport(String base, PrintWriter out, PrintWriter err) {
        this.service = new ServiceClient(base, err);
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
        HttpRequest upload = HttpRequest.newBuilder(service.uri("/api/imports" + query))
                .header("Content-Type", "multipart/form-data; boundary=" + boundary)
                .POST(BodyPublishers.concat(parts.toArray(BodyPublisher[]::new)))
                .build();
        JsonNode job = service.call(upload);
        if (job == null) {
            return 2;
        }
        String id = job.get("id").asString();
        ConsoleProgress progress = new ConsoleProgress(err);
        long started = System.nanoTime();
        while (true) {
            Thread.sleep(1000);
            job = service.get("/api/imports/" + id);
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
                out.printf("%s: %d rows read, %d imported, %d rejected; %d analysed and indexed (%.0f messages/s)%s%n",
                        job.get("file").asString(), job.get("rowsRead").asLong(), job.get("accepted").asLong(),
                        job.get("rejected").asLong(), job.get("indexed").asLong(),
                        job.get("messagesPerSecond").asDouble(), encodingNote(job));
                JsonNode errors = job.get("errors");
                for (int i = 0; errors != null && i < Math.min(20, errors.size()); i++) {
                    out.println("  " + errors.get(i).asString());
                }
                return job.get("rejected").asLong() == 0 ? 0 : 1;
            }
        }
    }

    /** Says so when the service read the file as GB18030 (a GBK file), as a local import's report does. */
    private static String encodingNote(JsonNode job) {
        JsonNode encoding = job.get("encoding");
        return encoding == null || encoding.isNull() || encoding.asString().equals("UTF-8") ? ""
                : "; read as " + encoding.asString() + " (GBK) because it is not UTF-8";
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
