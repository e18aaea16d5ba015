package org.minyi.alert;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.GreenMailUtil;
import com.icegreen.greenmail.util.ServerSetupTest;
import jakarta.mail.internet.MimeMessage;
import java.net.ServerSocket;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** Each channel adapter against a real protocol peer on loopback. */
class ChannelsTest {

    @RegisterExtension
    static final GreenMailExtension SMTP = new GreenMailExtension(ServerSetupTest.SMTP);

    private static final Duration TIMEOUT = Duration.ofSeconds(5);
    /** The peers listen on loopback, which an admin has to allow explicitly. */
    static final ReceiverGuard LOOPBACK = ReceiverGuard.allowing(List.of(InternalReceiver.parse("127.0.0.1")));
    private final JsonMapper json = JsonMapper.builder().build();
    private final Alert alert = new Alert("a-1", AlertKind.MESSAGE, "mayor-office", List.of("r-1"), List.of("噪音"),
            "message:42", AlertLevel.YELLOW, "[MinYi] 噪音扰民", "**噪音扰民**\n\n- 地区：A5区",
            "http://127.0.0.1:8080/message.html?id=42", null, Instant.parse("2019-08-01T02:00:00Z"),
            Instant.parse("2019-08-01T02:00:01Z"), List.of("42"));

    @Test
    void webhookCarriesTheAlertAsJsonSignedOverTimestampAndBody() throws Exception {
        try (HttpPeer peer = HttpPeer.ok()) {
            new WebhookNotifier(TIMEOUT, Clock.systemUTC(), LOOPBACK).send(alert, Destination.webhook(peer.url("/hook"), "s3cret"));

            HttpPeer.Request request = peer.requests().get(0);
            String timestamp = request.header(WebhookSignature.TIMESTAMP_HEADER);
            String signature = request.header(WebhookSignature.SIGNATURE_HEADER);
            assertTrue(WebhookSignature.verify("s3cret", timestamp, request.body(), signature, Instant.now(),
                    Duration.ofMinutes(5)));
            assertFalse(WebhookSignature.verify("other", timestamp, request.body(), signature, Instant.now(),
                    Duration.ofMinutes(5)), "wrong secret");
            assertFalse(WebhookSignature.verify("s3cret", timestamp, request.body().replace("A5区", "A6区"),
                    signature, Instant.now(), Duration.ofMinutes(5)), "tampered body");
            assertFalse(WebhookSignature.verify("s3cret", timestamp, request.body(), signature,
                    Instant.now().plus(Duration.ofMinutes(10)), Duration.ofMinutes(5)), "replayed later");
            assertEquals("a-1", request.header(WebhookSignature.ALERT_ID_HEADER));
            JsonNode body = json.readTree(request.body());
            assertEquals("message:42", body.path("subject").asString());
            assertEquals(alert.text(), body.path("text").asString());
        }
    }

    @Test
    void webhookServerErrorIsRetryableAndClientErrorIsNot() {
        try (HttpPeer peer = HttpPeer.ok().thenRespond(503, "busy").thenRespond(404, "no such hook")) {
            WebhookNotifier notifier = new WebhookNotifier(TIMEOUT, Clock.systemUTC(), LOOPBACK);
            Destination to = Destination.webhook(peer.url("/hook"), "k");

            assertTrue(assertThrows(DeliveryException.class, () -> notifier.send(alert, to)).retryable());
            DeliveryException notFound = assertThrows(DeliveryException.class, () -> notifier.send(alert, to));
            assertFalse(notFound.retryable());
            assertTrue(notFound.getMessage().contains("404"), notFound.getMessage());
        }
    }

    @Test
    void weComRobotGetsAMarkdownMessage() throws Exception {
        try (HttpPeer peer = HttpPeer.ok()) {
            new WeComNotifier(TIMEOUT, LOOPBACK).send(alert, Destination.wecom(peer.url("/cgi-bin/webhook/send?key=abc")));

            HttpPeer.Request request = peer.requests().get(0);
            assertEquals("key=abc", request.query());
            JsonNode body = json.readTree(request.body());
            assertEquals("markdown", body.path("msgtype").asString());
            assertTrue(body.path("markdown").path("content").asString().contains("噪音扰民"));
            assertTrue(body.path("markdown").path("content").asString().contains("A5区"));
        }
    }

    @Test
    void aRobotErrcodeIsAFailureEvenWithHttp200() {
        try (HttpPeer peer = new HttpPeer(new HttpPeer.Response(200, "{\"errcode\":93000,\"errmsg\":\"invalid webhook url\"}"))) {
            DeliveryException e = assertThrows(DeliveryException.class,
                    () -> new WeComNotifier(TIMEOUT, LOOPBACK).send(alert, Destination.wecom(peer.url("/send?key=bad"))));

            assertFalse(e.retryable());
            assertTrue(e.getMessage().contains("93000"), e.getMessage());
        }
    }

    @Test
    void dingTalkRobotGetsMarkdownAndAUrlSignedWithTimestampAndSecret() throws Exception {
        try (HttpPeer peer = HttpPeer.ok()) {
            new DingTalkNotifier(TIMEOUT, Clock.systemUTC(), LOOPBACK)
                    .send(alert, Destination.dingtalk(peer.url("/robot/send?access_token=t0k"), "SECabc"));

            HttpPeer.Request request = peer.requests().get(0);
            Map<String, String> query = Arrays.stream(request.query().split("&")).map(p -> p.split("=", 2))
                    .collect(Collectors.toMap(p -> p[0], p -> URLDecoder.decode(p[1], StandardCharsets.UTF_8)));
            assertEquals("t0k", query.get("access_token"));
            long timestamp = Long.parseLong(query.get("timestamp"));
            // the receiver's check: Base64(HmacSHA256(key = secret, data = timestamp + "\n" + secret))
            javax.crypto.Mac mac = javax.crypto.Mac.getInstance("HmacSHA256");
            mac.init(new javax.crypto.spec.SecretKeySpec("SECabc".getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            String expected = java.util.Base64.getEncoder().encodeToString(
                    mac.doFinal((timestamp + "\nSECabc").getBytes(StandardCharsets.UTF_8)));
            assertEquals(expected, query.get("sign"));
            JsonNode body = json.readTree(request.body());
            assertEquals("markdown", body.path("msgtype").asString());
            assertEquals(alert.title(), body.path("markdown").path("title").asString());
            assertTrue(body.path("markdown").path("text").asString().contains("A5区"));
        }
    }

    @Test
    void emailIsDeliveredOverSmtpWithTitleAsSubject() throws Exception {
        EmailNotifier notifier = new EmailNotifier(new SmtpSettings("127.0.0.1", SMTP.getSmtp().getPort(),
                "minyi@example.org", null, null, false, TIMEOUT));

        notifier.send(alert, Destination.email(List.of("leader@example.org")));

        assertTrue(SMTP.waitForIncomingEmail(5_000, 1));
        MimeMessage received = SMTP.getReceivedMessages()[0];
        assertEquals("[MinYi] 噪音扰民", received.getSubject());
        assertEquals("leader@example.org", received.getAllRecipients()[0].toString());
        assertTrue(GreenMailUtil.getBody(received).length() > 0);
        assertEquals("a-1", received.getHeader("X-MinYi-Alert-Id")[0]);
    }

    @Test
    void emailToAServerThatIsNotThereIsARetryableFailure() throws Exception {
        int closedPort;
        try (ServerSocket socket = new ServerSocket(0)) {
            closedPort = socket.getLocalPort();
        }
        EmailNotifier notifier = new EmailNotifier(new SmtpSettings("127.0.0.1", closedPort, "minyi@example.org",
                null, null, false, Duration.ofSeconds(2)));

        DeliveryException e = assertThrows(DeliveryException.class,
                () -> notifier.send(alert, Destination.email(List.of("leader@example.org"))));
        assertTrue(e.retryable(), e.getMessage());
    }

    @Test
    void theRouterSaysWhichChannelIsMissing() {
        ChannelRouter router = ChannelRouter.standard(null, TIMEOUT, Clock.systemUTC(), LOOPBACK);

        DeliveryException e = assertThrows(DeliveryException.class,
                () -> router.send(alert, Destination.email(List.of("a@example.org"))));
        assertTrue(e.getMessage().contains("smtp"), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> router.check(Destination.email(List.of("a@example.org"))),
                "an e-mail rule is refused when it is saved, not only when it would be sent");
    }

    @Test
    void destinationsRejectMissingPartsWithAClearMessage() {
        IllegalArgumentException noSecret = assertThrows(IllegalArgumentException.class,
                () -> Destination.webhook("http://127.0.0.1/hook", null));
        assertTrue(noSecret.getMessage().contains("secret"));
        assertThrows(IllegalArgumentException.class, () -> Destination.wecom("ftp://x"));
        assertThrows(IllegalArgumentException.class, () -> Destination.email(List.of("not-an-address")));
        assertFalse(Destination.dingtalk("https://oapi.dingtalk.com/robot/send?access_token=SECRET", "k")
                .toString().contains("SECRET"), "logs never show a robot's token");
    }
}
