package org.minyi.alert;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.minyi.collect.crawl.AddressGuard;

/**
 * Issue 15, item 1: alert channels must not become a way into the service's own machine or its network
 * (server-side request forgery), and a receiver's answer must never reach anything a user can read.
 */
class ReceiverGuardTest {

    private static final Duration TIMEOUT = Duration.ofSeconds(5);
    private static final String[] INTERNAL = {
        "http://127.0.0.1:8080/actuator/prometheus", "http://localhost/", "http://[::1]/", "http://0.0.0.0:8080/",
        "http://[::]:8080/", "http://10.0.0.5/hook", "http://172.16.1.1/", "http://192.168.1.1/",
        "http://169.254.169.254/latest/meta-data/", "http://100.100.100.200/latest/meta-data/", "http://[fd00::1]/",
        "http://[fe80::1]/", "http://[::ffff:127.0.0.1]/", "http://2130706433/", "http://0x7f000001/",
        "http://127.1/"};

    private final Alert alert = new Alert("a-1", AlertKind.TEST, "office", List.of("r"), List.of("r"), "test:r",
            AlertLevel.YELLOW, "【测试】", "测试", null, null, Instant.now(), Instant.now(), List.of());

    @Test
    void internalAddressesAreRefusedWhenADestinationIsSaved() {
        Notifier channels = ChannelRouter.standard(null, TIMEOUT, Clock.systemUTC(), ReceiverGuard.publicOnly());
        for (String url : INTERNAL) {
            for (Destination d : List.of(Destination.webhook(url, "k"), Destination.wecom(url),
                    Destination.dingtalk(url, null))) {
                IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> channels.check(d),
                        d.type() + " " + url);
                assertTrue(e.getMessage().matches(".*(预警不发往内部网络|无法解析|缺少主机名).*"), url + ": " + e.getMessage());
            }
        }
    }

    @Test
    void internalAddressesAreRefusedAgainAtSendTimeAndNothingIsConnected() throws Exception {
        try (HttpPeer peer = HttpPeer.ok()) {
            WebhookNotifier webhook = new WebhookNotifier(TIMEOUT, Clock.systemUTC(), ReceiverGuard.publicOnly());

            DeliveryException e = assertThrows(DeliveryException.class,
                    () -> webhook.send(alert, Destination.webhook(peer.url("/hook"), "k")));

            assertFalse(e.retryable(), "an internal address does not become public by waiting");
            assertTrue(e.getMessage().contains("本机地址") && e.getMessage().contains(ReceiverGuard.SETTING),
                    e.getMessage());
            assertTrue(peer.requests().isEmpty());
        }
    }

    @Test
    void aNameThatResolvesPublicWhenSavedAndInternalWhenSentIsRefusedAtSendTime() throws Exception {
        InetAddress outside = InetAddress.getByName("203.0.113.10");
        InetAddress loopback = InetAddress.getByName("127.0.0.1");
        AtomicInteger lookups = new AtomicInteger();
        // DNS rebinding: the first answer is public, every later one is the loopback address.
        ReceiverGuard guard = new ReceiverGuard(List.of(), host -> new InetAddress[] {
            lookups.getAndIncrement() == 0 ? outside : loopback});
        try (HttpPeer peer = HttpPeer.ok()) {
            Destination d = Destination.webhook("http://rebind.test:" + peer.port() + "/hook", "k");
            WebhookNotifier webhook = new WebhookNotifier(TIMEOUT, Clock.systemUTC(), guard);

            assertDoesNotThrow(() -> webhook.check(d), "public when saved");
            DeliveryException e = assertThrows(DeliveryException.class, () -> webhook.send(alert, d));

            assertTrue(e.getMessage().contains("本机地址"), e.getMessage());
            assertTrue(peer.requests().isEmpty());
        }
    }

    @Test
    void theDeliveryConnectsToTheAddressThatWasCheckedNotToASecondLookup() throws Exception {
        try (HttpPeer peer = HttpPeer.ok()) {
            AtomicInteger lookups = new AtomicInteger();
            // "receiver.test" exists for this guard only: the system resolver has never heard of it, so the request
            // can only arrive if the connection went to the address the guard checked.
            ReceiverGuard guard = new ReceiverGuard(List.of(InternalReceiver.parse("127.0.0.1:" + peer.port())),
                    host -> {
                        lookups.incrementAndGet();
                        if (!host.equals("receiver.test")) {
                            throw new UnknownHostException(host);
                        }
                        return new InetAddress[] {InetAddress.getByName("127.0.0.1")};
                    });

            new WebhookNotifier(TIMEOUT, Clock.systemUTC(), guard)
                    .send(alert, Destination.webhook("http://receiver.test:" + peer.port() + "/hook", "k"));

            assertEquals(1, peer.requests().size());
            assertEquals("receiver.test:" + peer.port(), peer.requests().get(0).header("Host"));
            assertEquals(1, lookups.get(), "one lookup, checked and used");
        }
    }

    @Test
    void theAllowListOpensExactlyWhatItNames() throws Exception {
        try (HttpPeer peer = HttpPeer.ok(); HttpPeer other = HttpPeer.ok()) {
            ReceiverGuard onePort = ReceiverGuard.allowing(List.of(InternalReceiver.parse("127.0.0.1:" + peer.port())));
            WebhookNotifier webhook = new WebhookNotifier(TIMEOUT, Clock.systemUTC(), onePort);

            webhook.send(alert, Destination.webhook(peer.url("/hook"), "k"));
            assertThrows(DeliveryException.class, () -> webhook.send(alert, Destination.webhook(other.url("/"), "k")));
            assertThrows(IllegalArgumentException.class,
                    () -> webhook.check(Destination.webhook("http://169.254.169.254/", "k")));

            assertEquals(1, peer.requests().size());
            assertTrue(other.requests().isEmpty());
        }
        ReceiverGuard everything = ReceiverGuard.allowing(List.of(InternalReceiver.parse("0.0.0.0/0")));
        IllegalArgumentException metadata = assertThrows(IllegalArgumentException.class, () -> new WebhookNotifier(
                TIMEOUT, Clock.systemUTC(), everything).check(Destination.webhook("http://169.254.169.254/", "k")));
        assertTrue(metadata.getMessage().contains("元数据"), "cloud metadata stays refused: " + metadata.getMessage());
    }

    @Test
    void redirectsAreNotFollowed() throws Exception {
        try (HttpPeer inside = HttpPeer.ok(); HttpPeer receiver = HttpPeer.ok()) {
            receiver.thenRedirect(302, inside.url("/actuator/prometheus"));
            ReceiverGuard both = ReceiverGuard.allowing(List.of(InternalReceiver.parse("127.0.0.1")));

            DeliveryException e = assertThrows(DeliveryException.class, () -> new WebhookNotifier(TIMEOUT,
                    Clock.systemUTC(), both).send(alert, Destination.webhook(receiver.url("/hook"), "k")));

            assertFalse(e.retryable());
            assertTrue(e.getMessage().contains("重定向"), e.getMessage());
            assertTrue(inside.requests().isEmpty(), "the redirect target is never asked");
        }
    }

    @Test
    void aReceiversAnswerNeverAppearsInTheFailureReason() throws Exception {
        String secret = "minyi_messages_indexed_total 4242 INTERNAL-SECRET";
        try (HttpPeer peer = HttpPeer.ok()) {
            peer.thenRespond(500, secret).thenRespond(404, secret).thenRespond(200, secret)
                    .thenRespond(200, "{\"errcode\":93000,\"errmsg\":\"" + secret + "\"}")
                    .thenRespond(200, "x".repeat(1_000_000));
            ReceiverGuard loopback = ChannelsTest.LOOPBACK;
            WebhookNotifier webhook = new WebhookNotifier(TIMEOUT, Clock.systemUTC(), loopback);
            WeComNotifier wecom = new WeComNotifier(TIMEOUT, loopback);

            List<DeliveryException> failures = List.of(
                    assertThrows(DeliveryException.class, () -> webhook.send(alert, Destination.webhook(peer.url("/"), "k"))),
                    assertThrows(DeliveryException.class, () -> webhook.send(alert, Destination.webhook(peer.url("/"), "k"))),
                    assertThrows(DeliveryException.class, () -> wecom.send(alert, Destination.wecom(peer.url("/?key=1")))),
                    assertThrows(DeliveryException.class, () -> wecom.send(alert, Destination.wecom(peer.url("/?key=1")))),
                    assertThrows(DeliveryException.class, () -> wecom.send(alert, Destination.wecom(peer.url("/?key=1")))));

            for (DeliveryException f : failures) {
                assertFalse(f.getMessage().contains("SECRET") || f.getMessage().contains("4242")
                        || f.getMessage().contains("xxxx"), f.getMessage());
            }
            assertTrue(failures.get(0).getMessage().contains("HTTP 500"), failures.get(0).getMessage());
            assertTrue(failures.get(3).getMessage().contains("93000"), failures.get(3).getMessage());
        }
    }

    @Test
    void deliveryFailuresArePlainChineseWithoutJavaClassNames() throws Exception {
        int closed;
        try (java.net.ServerSocket socket = new java.net.ServerSocket(0)) {
            closed = socket.getLocalPort();
        }
        DeliveryException e = assertThrows(DeliveryException.class, () -> new WebhookNotifier(TIMEOUT,
                Clock.systemUTC(), ChannelsTest.LOOPBACK).send(alert,
                Destination.webhook("http://127.0.0.1:" + closed + "/hook", "k")));

        assertTrue(e.retryable());
        assertEquals("无法连接Webhook 接收方（127.0.0.1:" + closed + " 拒绝连接）", e.getMessage());
        assertFalse(e.getMessage().matches(".*(java\\.|Exception).*"), e.getMessage());
    }

    @Test
    void allowListEntriesAreAddressesWithOptionalPrefixAndPort() throws Exception {
        InternalReceiver net = InternalReceiver.parse("10.20.0.0/16");
        assertTrue(net.covers(InetAddress.getByName("10.20.3.4"), 443));
        assertFalse(net.covers(InetAddress.getByName("10.21.0.1"), 443));
        InternalReceiver port = InternalReceiver.parse("[fd00::5]:8443");
        assertTrue(port.covers(InetAddress.getByName("fd00::5"), 8443));
        assertFalse(port.covers(InetAddress.getByName("fd00::5"), 443));
        assertEquals(-1, InternalReceiver.parse("fd00::/8").port());
        for (String bad : new String[] {"intranet.local", "10.0.0.0/33", "10.0.0.1:0", "10.0.0.1:x", "[::1"}) {
            assertThrows(IllegalArgumentException.class, () -> InternalReceiver.parse(bad), bad);
        }
        assertEquals(AddressGuard.Reach.LOOPBACK, AddressGuard.reach(InetAddress.getByName("0.0.0.0")));
    }
}
