package org.minyi.alert;

import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import tools.jackson.databind.json.JsonMapper;

/** Generic webhook: the alert as JSON, signed (see {@link WebhookSignature}), with its id for receiver dedupe. */
public final class WebhookNotifier implements Notifier {

    private final HttpPost http;
    private final JsonMapper json;
    private final Clock clock;

    public WebhookNotifier(Duration timeout, Clock clock, ReceiverGuard guard) {
        this.http = new HttpPost(timeout, guard);
        this.json = JsonMapper.builder().build();
        this.clock = clock;
    }

    @Override
    public void send(Alert alert, Destination to) throws DeliveryException {
        String body = json.writeValueAsString(alert);
        long timestamp = clock.instant().getEpochSecond();
        http.json(to.url(), body, Map.of(
                WebhookSignature.TIMESTAMP_HEADER, Long.toString(timestamp),
                WebhookSignature.SIGNATURE_HEADER, WebhookSignature.sign(to.secret(), timestamp, body),
                WebhookSignature.ALERT_ID_HEADER, alert.id()), "Webhook 接收方");
    }

    @Override
    public void check(Destination to) {
        http.check(to.url());
    }
}
