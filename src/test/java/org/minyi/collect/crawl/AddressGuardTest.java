package org.minyi.collect.crawl;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.InetAddress;
import java.net.URI;
import org.junit.jupiter.api.Test;
import org.minyi.collect.crawl.CrawlerConfig.NetworkPolicy;

/** Only IP literals here: the guard resolves names, and the tests must not depend on DNS. Nothing is connected. */
class AddressGuardTest {

    private final AddressGuard strict = new AddressGuard(new NetworkPolicy(false, false));

    @Test
    void onlyHttpAndHttpsAreCrawled() {
        for (String url : new String[] {"file:///etc/passwd", "ftp://203.0.113.7/x", "gopher://203.0.113.7/"}) {
            FetchException e = assertThrows(FetchException.class, () -> strict.check(URI.create(url)));
            assertEquals(FailureKind.BLOCKED_ADDRESS, e.kind());
        }
    }

    @Test
    void internalAddressesAreRefusedByDefault() {
        for (String url : new String[] {"http://127.0.0.1/", "http://[::1]/", "http://10.1.2.3/",
                "http://192.168.0.1/", "http://172.16.5.4/", "http://169.254.169.254/latest/meta-data",
                "http://0.0.0.0/", "http://100.64.0.1/", "http://[fd00::1]/"}) {
            FetchException e = assertThrows(FetchException.class, () -> strict.check(URI.create(url)), url);
            assertEquals(FailureKind.BLOCKED_ADDRESS, e.kind(), url);
            assertTrue(e.getMessage().contains(url.contains("169.254.169.254") ? "no network setting allows it"
                    : "network.allow-"), "says how to allow it, or that nothing does: " + e.getMessage());
        }
    }

    /** Issue 15, item 12: a source with allow-private reached a loopback-only server through 0.0.0.0. */
    @Test
    void unspecifiedAddressesAreLoopbackNotPrivate() {
        AddressGuard privateOnly = new AddressGuard(new NetworkPolicy(false, true));
        for (String url : new String[] {"http://0.0.0.0:8080/", "http://[::]:8080/", "http://0.1.2.3/",
                "http://[::ffff:127.0.0.1]/", "http://[::127.0.0.1]/", "http://[64:ff9b::7f00:1]/",
                "http://[2002:7f00:1::]/"}) {
            FetchException e = assertThrows(FetchException.class, () -> privateOnly.check(URI.create(url)), url);
            assertTrue(e.getMessage().contains("loopback"), url + ": " + e.getMessage());
        }
        assertDoesNotThrow(() -> privateOnly.check(URI.create("http://10.0.0.1/")));
    }

    @Test
    void cloudMetadataAndReservedAddressesAreRefusedWhateverThePolicy() {
        AddressGuard open = new AddressGuard(new NetworkPolicy(true, true));
        for (String url : new String[] {"http://169.254.169.254/latest/meta-data", "http://100.100.100.200/",
                "http://[fd00:ec2::254]/", "http://168.63.129.16/", "http://224.0.0.1/", "http://255.255.255.255/",
                "http://240.0.0.1/", "http://[ff02::1]/"}) {
            assertThrows(FetchException.class, () -> open.check(URI.create(url)), url);
        }
        assertDoesNotThrow(() -> open.check(URI.create("http://169.254.1.1/")), "other link-local is private");
    }

    @Test
    void reachNamesWhatEachAddressFamilyReaches() throws Exception {
        assertEquals(AddressGuard.Reach.LOOPBACK, AddressGuard.reach(InetAddress.getByName("::")));
        assertEquals(AddressGuard.Reach.LOOPBACK, AddressGuard.reach(InetAddress.getByName("0.0.0.0")));
        assertEquals(AddressGuard.Reach.PRIVATE, AddressGuard.reach(InetAddress.getByName("198.18.0.1")));
        assertEquals(AddressGuard.Reach.PRIVATE, AddressGuard.reach(InetAddress.getByName("[2002:0a00:0001::]")));
        assertEquals(AddressGuard.Reach.LINK_LOCAL, AddressGuard.reach(InetAddress.getByName("fe80::1")));
        assertEquals(AddressGuard.Reach.PUBLIC, AddressGuard.reach(InetAddress.getByName("2400:3200::1")));
        assertEquals(AddressGuard.Reach.PUBLIC, AddressGuard.reach(InetAddress.getByName("[2002:cb00:7107::]")));
    }

    @Test
    void everyRecordOfANameIsCheckedAndTheCheckedAddressesAreReturned() throws Exception {
        InetAddress outside = InetAddress.getByName("203.0.113.7");
        InetAddress inside = InetAddress.getByName("10.9.8.7");
        AddressGuard mixed = new AddressGuard((a, r, p) -> false, host -> new InetAddress[] {outside, inside});
        AddressGuard.Blocked blocked = assertThrows(AddressGuard.Blocked.class, () -> mixed.resolve("hooks.test", 443));
        assertEquals(inside, blocked.address());
        assertEquals(AddressGuard.Reach.PRIVATE, blocked.reach());

        AddressGuard single = new AddressGuard((a, r, p) -> false, host -> new InetAddress[] {outside});
        assertEquals(java.util.List.of(outside), single.resolve("hooks.test", 443));
        AddressGuard portOnly = new AddressGuard((a, r, p) -> p == 9000, host -> new InetAddress[] {inside});
        assertEquals(java.util.List.of(inside), portOnly.resolve("hooks.test", 9000));
        assertThrows(AddressGuard.Blocked.class, () -> portOnly.resolve("hooks.test", 9001));
    }

    @Test
    void publicAddressesPass() {
        assertDoesNotThrow(() -> strict.check(URI.create("https://203.0.113.7/zmhd/list")));
    }

    @Test
    void loopbackPermissionDoesNotOpenThePrivateNetwork() {
        AddressGuard loopbackOnly = new AddressGuard(new NetworkPolicy(true, false));

        assertDoesNotThrow(() -> loopbackOnly.check(URI.create("http://127.0.0.1:8080/")));
        assertThrows(FetchException.class, () -> loopbackOnly.check(URI.create("http://10.0.0.1/")));
    }
}
