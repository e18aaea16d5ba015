package org.minyi.alert;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.Base64;
import java.util.Map;
import tools.jackson.databind.json.JsonMapper;

/**
 * DingTalk (钉钉) group robot: {"msgtype":"markdown","markdown":{"title":…,"text":…}}. With a 加签 secret the URL
 * gets {@code timestamp} (ms) and {@code sign} = URL-encoded Base64 HmacSHA256(secret, timestamp + "\n" + secret).
 */
public final class DingTalkNotifier implements Notifier {

    private static final int MAX_TEXT_BYTES = 20_000;

    private final HttpPost http;
    private final JsonMapper json = JsonMapper.builder().build();
    private final Clock clock;

    public DingTalkNotifier(Duration timeout, Clock clock, ReceiverGuard guard) {
        this.http = new HttpPost(timeout, guard);
        this.clock = clock;
    }

    @Override
    public void send(Alert alert, Destination to) throws DeliveryException {
        String text = Utf8.truncate("### " + alert.title() + "\n" + alert.text(), MAX_TEXT_BYTES);
        String body = json.writeValueAsString(Map.of("msgtype", "markdown",
                "markdown", Map.of("title", alert.title(), "text", text)));
        String what = "钉钉机器人";
        RobotReply.check(json, http.json(signedUrl(to, clock.millis()), body, Map.of(), what), what);
    }

    @Override
    public void check(Destination to) {
        http.check(to.url());
    }

    static String signedUrl(Destination to, long timestampMillis) {
        if (to.secret() == null || to.secret().isBlank()) {
            return to.url();
        }
        return to.url() + (to.url().contains("?") ? "&" : "?") + "timestamp=" + timestampMillis + "&sign="
                + URLEncoder.encode(sign(to.secret(), timestampMillis), StandardCharsets.UTF_8);
    }

    static String sign(String secret, long timestampMillis) {
        return Base64.getEncoder().encodeToString(
                WebhookSignature.hmacSha256(secret, timestampMillis + "\n" + secret));
    }
}
