package org.minyi.alert;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;

/** POSTs a JSON body and classifies the outcome: 5xx, 429 and I/O errors are retryable, other 4xx are not. */
final class HttpPost {

    private static final int SHOWN_BODY = 200;

    private final HttpClient client;
    private final Duration timeout;

    HttpPost(Duration timeout) {
        this.client = HttpClient.newBuilder().connectTimeout(timeout).build();
        this.timeout = timeout;
    }

    /** @return the response body of a 2xx answer */
    String json(String url, String body, Map<String, String> headers, String what) throws DeliveryException {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url))
                .timeout(timeout)
                .header("Content-Type", "application/json; charset=utf-8")
                .POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8));
        headers.forEach(request::header);
        HttpResponse<String> response;
        try {
            response = client.send(request.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new DeliveryException(what + " unreachable: " + e, true, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new DeliveryException(what + " interrupted", true, e);
        }
        int status = response.statusCode();
        if (status >= 200 && status < 300) {
            return response.body();
        }
        String shown = response.body().length() > SHOWN_BODY
                ? response.body().substring(0, SHOWN_BODY) + "…" : response.body();
        throw new DeliveryException(what + " answered HTTP " + status + ": " + shown,
                status >= 500 || status == 429);
    }
}
