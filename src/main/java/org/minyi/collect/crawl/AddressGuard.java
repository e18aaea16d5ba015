package org.minyi.collect.crawl;

import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.util.Locale;

/**
 * Refuses URLs a crawler must not visit: anything but http/https, and hosts resolving to loopback, private,
 * link-local or otherwise internal addresses unless the source's network policy allows them. Applied to every
 * redirect hop, so a public page cannot bounce the crawler into the intranet.
 */
final class AddressGuard {

    private final CrawlerConfig.NetworkPolicy policy;

    AddressGuard(CrawlerConfig.NetworkPolicy policy) {
        this.policy = policy;
    }

    /** Throws {@link FetchException} of kind BLOCKED_ADDRESS when {@code uri} may not be fetched. */
    void check(URI uri) throws FetchException {
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        if (!scheme.equals("http") && !scheme.equals("https")) {
            throw new FetchException(FailureKind.BLOCKED_ADDRESS, "only http and https are crawled: " + uri);
        }
        String host = uri.getHost();
        if (host == null || host.isEmpty()) {
            throw new FetchException(FailureKind.BLOCKED_ADDRESS, "URL has no host: " + uri);
        }
        InetAddress[] addresses;
        try {
            addresses = InetAddress.getAllByName(host);
        } catch (UnknownHostException e) {
            throw new FetchException(FailureKind.NETWORK, "unknown host " + host);
        }
        // Every address must pass: a name with one public and one private record is still a way inside.
        for (InetAddress address : addresses) {
            String refusal = refusal(address);
            if (refusal != null) {
                throw new FetchException(FailureKind.BLOCKED_ADDRESS,
                        host + " resolves to " + refusal + " address " + address.getHostAddress()
                                + ", refused (set network.allow-" + (refusal.equals("loopback") ? "loopback" : "private")
                                + ": true in the source config if this is intended)");
            }
        }
    }

    private String refusal(InetAddress a) {
        if (a.isLoopbackAddress()) {
            return policy.allowLoopback() ? null : "loopback";
        }
        boolean internal = a.isAnyLocalAddress() || a.isSiteLocalAddress() || a.isLinkLocalAddress()
                || a.isMulticastAddress() || isUniqueLocalV6(a) || isCarrierGradeNat(a);
        return internal && !policy.allowPrivate() ? "private" : null;
    }

    private static boolean isUniqueLocalV6(InetAddress a) {
        byte[] b = a.getAddress();
        return b.length == 16 && (b[0] & 0xfe) == 0xfc;
    }

    private static boolean isCarrierGradeNat(InetAddress a) {
        byte[] b = a.getAddress();
        return b.length == 4 && (b[0] & 0xff) == 100 && (b[1] & 0xc0) == 64;
    }
}
