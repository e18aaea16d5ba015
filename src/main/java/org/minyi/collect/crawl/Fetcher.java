package org.minyi.collect.crawl;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.util.HashSet;
import java.util.Locale;
import java.util.OptionalLong;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Fetches pages politely and defensively: address guard on every redirect hop, per-host gate, size cap, an overall
 * time limit per request, retries with exponential backoff for failures that may pass, and conditional GETs.
 */
final class Fetcher implements AutoCloseable {

    private final HttpClient client;
    private final CrawlerConfig.Politeness politeness;
    private final AddressGuard guard;
    private final HostGate gate;

    Fetcher(CrawlerConfig.Politeness politeness, AddressGuard guard, HostGate gate) {
        this.politeness = politeness;
        this.guard = guard;
        this.gate = gate;
        // Redirects are followed by hand: the client would skip the address guard on each hop.
        this.client = HttpClient.newBuilder()
                .followRedirects(HttpClient.Redirect.NEVER)
                .connectTimeout(politeness.timeout())
                .version(HttpClient.Version.HTTP_1_1)
                .build();
    }

    /** Fetches with retries; a 304 to a conditional GET comes back as a page with {@code notModified()}. */
    Page fetch(URI uri, Validators known) throws FetchException, InterruptedException {
        FetchException last = null;
        for (int attempt = 0; attempt <= politeness.retries(); attempt++) {
            if (attempt > 0) {
                Thread.sleep(politeness.retryBackoff().toMillis() << (attempt - 1));
            }
            try {
                return followRedirects(uri, known);
            } catch (FetchException e) {
                if (!e.retryable()) {
                    throw e;
                }
                last = e;
            }
        }
        throw last;
    }

    private Page followRedirects(URI start, Validators known) throws FetchException, InterruptedException {
        URI uri = start;
        Set<URI> visited = new HashSet<>();
        for (int hop = 0; hop <= politeness.maxRedirects(); hop++) {
            if (!visited.add(uri)) {
                throw new FetchException(FailureKind.TOO_MANY_REDIRECTS, "redirect loop at " + uri + " from " + start);
            }
            guard.check(uri);
            HttpResponse<byte[]> response = send(uri, known);
            int status = response.statusCode();
            if (isRedirect(status)) {
                String location = response.headers().firstValue("Location").orElseThrow(() -> new FetchException(
                        FailureKind.HTTP_SERVER_ERROR, "redirect " + status + " without Location from " + start));
                uri = resolve(response.uri(), location);
                continue;
            }
            if (status == 304) {
                return new Page(uri, status, new byte[0], null, known);
            }
            if (status == 429 || status >= 500) {
                throw new FetchException(FailureKind.HTTP_SERVER_ERROR, "HTTP " + status + " from " + uri);
            }
            if (status >= 400) {
                throw new FetchException(FailureKind.HTTP_CLIENT_ERROR, "HTTP " + status + " from " + uri);
            }
            byte[] body = response.body();
            String contentType = response.headers().firstValue("Content-Type").orElse(null);
            Validators validators = new Validators(response.headers().firstValue("ETag").orElse(null),
                    response.headers().firstValue("Last-Modified").orElse(null));
            return new Page(uri, status, body, CharsetSniffer.detect(body, contentType), validators);
        }
        throw new FetchException(FailureKind.TOO_MANY_REDIRECTS,
                "more than " + politeness.maxRedirects() + " redirects from " + start);
    }

    private static URI resolve(URI base, String location) throws FetchException {
        try {
            return base.resolve(location.strip()).normalize();
        } catch (IllegalArgumentException e) {
            throw new FetchException(FailureKind.HTTP_SERVER_ERROR, "bad redirect Location '" + location + "'");
        }
    }

    private static boolean isRedirect(int status) {
        return status == 301 || status == 302 || status == 303 || status == 307 || status == 308;
    }

    private HttpResponse<byte[]> send(URI uri, Validators known) throws FetchException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(uri)
                .timeout(politeness.timeout())
                .header("User-Agent", politeness.userAgent())
                .header("Accept", "text/html,application/xhtml+xml;q=0.9,*/*;q=0.5")
                .header("Accept-Language", "zh-CN,zh;q=0.9")
                .GET();
        if (known.etag() != null) {
            request.header("If-None-Match", known.etag());
        }
        if (known.lastModified() != null) {
            request.header("If-Modified-Since", known.lastModified());
        }
        long cap = politeness.maxPageBytes();
        HttpResponse.BodyHandler<byte[]> handler = info -> {
            OptionalLong length = info.headers().firstValueAsLong("Content-Length");
            if (length.isPresent() && length.getAsLong() > cap) {
                return HttpResponse.BodySubscribers.replacing(null); // discarded below
            }
            return new CappedBody(cap);
        };
        String host = uri.getHost().toLowerCase(Locale.ROOT);
        gate.acquire(host);
        CompletableFuture<HttpResponse<byte[]>> pending = client.sendAsync(request.build(), handler);
        try {
            // The request timeout covers the headers only; this bounds the whole body too (slow-drip servers).
            HttpResponse<byte[]> response = pending.get(politeness.timeout().toMillis(), TimeUnit.MILLISECONDS);
            if (response.body() == null && response.statusCode() < 300) {
                throw new FetchException(FailureKind.OVERSIZED, "page is larger than " + cap / 1000 + " kB: " + uri);
            }
            return response;
        } catch (TimeoutException e) {
            pending.cancel(true);
            throw new FetchException(FailureKind.TIMEOUT,
                    "no complete answer within " + politeness.timeout().toMillis() + " ms from " + uri);
        } catch (ExecutionException e) {
            throw translate(e.getCause(), uri);
        } finally {
            gate.release(host);
        }
    }

    private static FetchException translate(Throwable cause, URI uri) {
        if (cause instanceof FetchException f) {
            return f;
        }
        if (cause instanceof HttpTimeoutException) {
            return new FetchException(FailureKind.TIMEOUT, "timed out: " + uri);
        }
        if (cause != null && cause.getCause() instanceof FetchException f) {
            return f;
        }
        String what = cause instanceof IOException && cause.getMessage() != null ? cause.getMessage()
                : String.valueOf(cause);
        return new FetchException(FailureKind.NETWORK, what + " (" + uri + ")");
    }

    @Override
    public void close() {
        client.close();
    }
}
