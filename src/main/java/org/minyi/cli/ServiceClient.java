package org.minyi.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.net.ConnectException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse.BodyHandlers;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * How a command reaches a running service when the service holds the index: HTTP with the credentials of the
 * environment variables {@code MINYI_USER} and {@code MINYI_PASSWORD} (or the system properties {@code minyi.user},
 * {@code minyi.password}, as every MinYi setting). Failures are told on the error stream and answered with null, so
 * a command can end with a clear exit code.
 */
final class ServiceClient {

    private final String base;
    private final PrintWriter err;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final JsonMapper json = JsonMapper.builder().build();
    private final String authorization = basicAuthorization(setting("minyi.user"), setting("minyi.password"));

    ServiceClient(String base, PrintWriter err) {
        this.base = base.endsWith("/") ? base.substring(0, base.length() - 1) : base;
        this.err = err;
    }

    /** The service on this machine, at {@code MINYI_PORT} (default 8080). */
    static ServiceClient local(PrintWriter err) {
        String port = setting("minyi.port");
        return new ServiceClient("http://127.0.0.1:" + (port == null ? "8080" : port.strip()), err);
    }

    /** A system property ({@code minyi.port}), else its environment variable ({@code MINYI_PORT}). */
    private static String setting(String key) {
        String value = System.getProperty(key);
        return value != null ? value : System.getenv(key.toUpperCase(java.util.Locale.ROOT).replace('.', '_'));
    }

    String base() {
        return base;
    }

    URI uri(String pathAndQuery) {
        return URI.create(base + pathAndQuery);
    }

    JsonNode get(String pathAndQuery) throws IOException, InterruptedException {
        return call(HttpRequest.newBuilder(uri(pathAndQuery)).GET().build());
    }

    JsonNode post(String pathAndQuery) throws IOException, InterruptedException {
        return call(HttpRequest.newBuilder(uri(pathAndQuery)).POST(HttpRequest.BodyPublishers.noBody()).build());
    }

    /** The answer's bytes (a file the service made), or null (said why on the error stream) when it refused or failed. */
    byte[] download(String pathAndQuery) throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(uri(pathAndQuery)).GET();
        if (authorization != null) {
            request.header("Authorization", authorization);
        }
        java.net.http.HttpResponse<byte[]> response;
        try {
            response = http.send(request.build(), BodyHandlers.ofByteArray());
        } catch (ConnectException e) {
            err.println("cannot reach the MinYi service at " + base + " (" + e.getMessage() + "); is it running? "
                    + "MINYI_PORT tells another port");
            return null;
        }
        if (response.statusCode() >= 300) {
            String body = new String(response.body(), StandardCharsets.UTF_8);
            err.println("the service answered " + response.statusCode() + ": " + (response.statusCode() == 401
                    || response.statusCode() == 403 ? "set MINYI_USER and MINYI_PASSWORD to a user allowed to do this"
                    : message(body)));
            return null;
        }
        return response.body();
    }

    /** The answer's JSON, or null (said why on the error stream) when the service refused or failed. */
    JsonNode call(HttpRequest request) throws IOException, InterruptedException {
        if (authorization != null) {
            request = HttpRequest.newBuilder(request, (name, value) -> true).header("Authorization", authorization)
                    .build();
        }
        var response = sendOrExplain(request);
        if (response == null) {
            return null;
        }
        if (response.statusCode() == 401 || response.statusCode() == 403) {
            err.println("the service at " + base + " refused (" + response.statusCode() + "): set MINYI_USER and "
                    + "MINYI_PASSWORD to the user name and password of a user allowed to do this");
            return null;
        }
        if (response.statusCode() >= 300) {
            err.println("the service answered " + response.statusCode() + ": " + message(response.body()));
            return null;
        }
        return json.readTree(response.body());
    }

    private java.net.http.HttpResponse<String> sendOrExplain(HttpRequest request)
            throws IOException, InterruptedException {
        try {
            return http.send(request, BodyHandlers.ofString(StandardCharsets.UTF_8));
        } catch (ConnectException e) {
            err.println("cannot reach the MinYi service at " + base + " (" + e.getMessage() + "); is it running? "
                    + "MINYI_PORT tells another port");
            return null;
        }
    }

    /** The message of an {code, message} answer, else the body as it is. */
    private String message(String body) {
        try {
            JsonNode node = json.readTree(body);
            return node.has("message") ? node.get("message").asString() : body;
        } catch (RuntimeException e) {
            return body;
        }
    }

    private static String basicAuthorization(String user, String password) {
        if (user == null || user.isBlank() || password == null) {
            return null;
        }
        return "Basic " + Base64.getEncoder().encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
    }
}
