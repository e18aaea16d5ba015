package org.minyi.collect.crawl;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

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
            assertTrue(e.getMessage().contains("network.allow-"), "says how to allow it: " + e.getMessage());
        }
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
