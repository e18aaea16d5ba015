package org.minyi.alert;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * A real HTTP server on 127.0.0.1 standing in for a webhook receiver or a robot: records every request and answers
 * with the scripted responses in order, then with the default one.
 */
final class HttpPeer implements AutoCloseable {

    record Request(String path, String query, Map<String, List<String>> headers, String body, long receivedNanos) {
        String header(String name) {
            return headers.entrySet().stream().filter(e -> e.getKey().equalsIgnoreCase(name))
                    .map(e -> e.getValue().get(0)).findFirst().orElse(null);
        }
    }

    /** @param location a Location header to send, or null */
    record Response(int status, String body, String location) {
        Response(int status, String body) {
            this(status, body, null);
        }
    }

    private final HttpServer server;
    private final List<Request> requests = new CopyOnWriteArrayList<>();
    private final ConcurrentLinkedQueue<Response> script = new ConcurrentLinkedQueue<>();
    private volatile Response fallback;

    HttpPeer(Response fallback) {
        this.fallback = fallback;
        try {
            server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        server.createContext("/", exchange -> {
            long now = System.nanoTime();
            String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
            requests.add(new Request(exchange.getRequestURI().getPath(), exchange.getRequestURI().getRawQuery(),
                    Map.copyOf(exchange.getRequestHeaders()), body, now));
            Response next = script.poll();
            Response response = next != null ? next : this.fallback;
            byte[] bytes = response.body().getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().add("Content-Type", "application/json; charset=utf-8");
            if (response.location() != null) {
                exchange.getResponseHeaders().add("Location", response.location());
            }
            exchange.sendResponseHeaders(response.status(), bytes.length == 0 ? -1 : bytes.length);
            if (bytes.length > 0) {
                exchange.getResponseBody().write(bytes);
            }
            exchange.close();
        });
        server.start();
    }

    static HttpPeer ok() {
        return new HttpPeer(new Response(200, "{\"errcode\":0,\"errmsg\":\"ok\"}"));
    }

    HttpPeer thenRespond(int status, String body) {
        script.add(new Response(status, body));
        return this;
    }

    HttpPeer thenRedirect(int status, String location) {
        script.add(new Response(status, "", location));
        return this;
    }

    int port() {
        return server.getAddress().getPort();
    }

    void alwaysRespond(int status, String body) {
        fallback = new Response(status, body);
    }

    String url(String pathAndQuery) {
        return "http://127.0.0.1:" + port() + pathAndQuery;
    }

    List<Request> requests() {
        return List.copyOf(requests);
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
