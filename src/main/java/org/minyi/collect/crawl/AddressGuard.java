package org.minyi.collect.crawl;

import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;

/**
 * Decides which network addresses an outgoing request may reach. The crawler applies it to every redirect hop; the
 * alert channels apply it when a destination is saved and again on every delivery (see
 * {@code org.minyi.alert.ReceiverGuard}). Loopback, private, link-local, cloud-metadata and reserved addresses are
 * refused unless the policy lets that address through.
 *
 * <p>{@link #resolve} returns the very addresses it checked: a caller that connects to exactly those cannot be
 * turned to another address by a second, different DNS answer (DNS rebinding).
 */
public final class AddressGuard {

    /** What an address reaches. */
    public enum Reach {
        PUBLIC,
        /** This machine: 127/8, ::1, and the unspecified 0.0.0.0/8 and :: (connecting to them reaches it too). */
        LOOPBACK,
        /** 10/8, 172.16/12, 192.168/16, 100.64/10 (carrier-grade NAT), 198.18/15, fc00::/7, fec0::/10. */
        PRIVATE,
        /** 169.254/16 and fe80::/10. */
        LINK_LOCAL,
        /** Cloud instance metadata services (credentials live there): no policy lets them through. */
        METADATA,
        /** Multicast, broadcast, 240/4, 192.0.0/24, Teredo, 100::/64: no receiver or page lives there. */
        RESERVED;

        /** How a refusal names it, e.g. "loopback". */
        public String label() {
            return name().toLowerCase(Locale.ROOT).replace('_', '-');
        }
    }

    /** Which non-public addresses may be reached; public ones always may. */
    @FunctionalInterface
    public interface Policy {
        boolean allows(InetAddress address, Reach reach, int port);
    }

    /** Turns a host name into addresses; tests stand in for a DNS server with it. */
    @FunctionalInterface
    public interface Resolver {
        Resolver SYSTEM = InetAddress::getAllByName;

        InetAddress[] resolve(String host) throws UnknownHostException;
    }

    /** An address the policy refuses, with what it reaches. */
    public static final class Blocked extends Exception {
        private static final long serialVersionUID = 1L;

        private final String host;
        private final transient InetAddress address;
        private final Reach reach;

        Blocked(String host, InetAddress address, Reach reach) {
            super(host + " resolves to " + reach.label() + " address " + address.getHostAddress(), null, false, false);
            this.host = host;
            this.address = address;
            this.reach = reach;
        }

        public String host() {
            return host;
        }

        public InetAddress address() {
            return address;
        }

        public Reach reach() {
            return reach;
        }
    }

    private static final Set<InetAddress> METADATA = Set.of(
            literal("169.254.169.254"), // AWS, GCP, Azure, OpenStack, Tencent, Huawei
            literal("169.254.169.253"), // AWS DNS
            literal("169.254.170.2"),   // AWS ECS task metadata
            literal("100.100.100.200"), // Alibaba Cloud
            literal("168.63.129.16"),   // Azure wire server (a public address)
            literal("192.0.0.192"),     // Oracle Cloud
            literal("fd00:ec2::254"));  // AWS over IPv6

    private final Policy policy;
    private final Resolver resolver;

    public AddressGuard(Policy policy, Resolver resolver) {
        this.policy = Objects.requireNonNull(policy, "policy");
        this.resolver = Objects.requireNonNull(resolver, "resolver");
    }

    /** The crawler's guard: a source's network policy opens loopback, or private and link-local, never more. */
    AddressGuard(CrawlerConfig.NetworkPolicy network) {
        this((address, reach, port) -> switch (reach) {
            case LOOPBACK -> network.allowLoopback();
            case PRIVATE, LINK_LOCAL -> network.allowPrivate();
            default -> false;
        }, Resolver.SYSTEM);
    }

    /**
     * Resolves {@code host} and checks every address it has: a name with one public and one internal record is still
     * a way inside. Connect only to the addresses returned.
     *
     * @throws Blocked             when any address is one the policy refuses
     * @throws UnknownHostException when the name does not resolve
     */
    public List<InetAddress> resolve(String host, int port) throws Blocked, UnknownHostException {
        if (host == null || host.isEmpty()) {
            throw new UnknownHostException("no host");
        }
        String bare = host.startsWith("[") && host.endsWith("]") ? host.substring(1, host.length() - 1) : host;
        InetAddress[] addresses = resolver.resolve(bare);
        if (addresses == null || addresses.length == 0) {
            throw new UnknownHostException(bare);
        }
        for (InetAddress address : addresses) {
            Reach reach = reach(address);
            if (reach != Reach.PUBLIC && (reach == Reach.METADATA || !policy.allows(address, reach, port))) {
                throw new Blocked(bare, address, reach);
            }
        }
        return List.of(addresses);
    }

    /** Throws {@link FetchException} of kind BLOCKED_ADDRESS when the crawler may not fetch {@code uri}. */
    void check(URI uri) throws FetchException {
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        if (!scheme.equals("http") && !scheme.equals("https")) {
            throw new FetchException(FailureKind.BLOCKED_ADDRESS, "only http and https are crawled: " + uri);
        }
        String host = uri.getHost();
        if (host == null || host.isEmpty()) {
            throw new FetchException(FailureKind.BLOCKED_ADDRESS, "URL has no host: " + uri);
        }
        try {
            resolve(host, uri.getPort() != -1 ? uri.getPort() : scheme.equals("https") ? 443 : 80);
        } catch (UnknownHostException e) {
            throw new FetchException(FailureKind.NETWORK, "unknown host " + host);
        } catch (Blocked e) {
            String remedy = switch (e.reach()) {
                case LOOPBACK -> " (set network.allow-loopback: true in the source config if this is intended)";
                case PRIVATE, LINK_LOCAL -> " (set network.allow-private: true in the source config if this is intended)";
                default -> " (no network setting allows it)";
            };
            throw new FetchException(FailureKind.BLOCKED_ADDRESS, e.getMessage() + ", refused" + remedy);
        }
    }

    /** What {@code address} reaches; IPv6 forms that carry an IPv4 address (mapped, NAT64, 6to4) reach that. */
    public static Reach reach(InetAddress address) {
        if (METADATA.contains(address)) {
            return Reach.METADATA;
        }
        byte[] b = address.getAddress();
        return b.length == 4 ? reachV4(b) : reachV6(address, b);
    }

    private static Reach reachV4(byte[] b) {
        int o0 = b[0] & 0xff;
        int o1 = b[1] & 0xff;
        int o2 = b[2] & 0xff;
        if (METADATA.contains(literalOf(b))) {
            return Reach.METADATA;
        }
        if (o0 == 0 || o0 == 127) {
            return Reach.LOOPBACK; // 0.0.0.0/8 is "this host" to the kernel: a connection to it lands here
        }
        if (o0 == 169 && o1 == 254) {
            return Reach.LINK_LOCAL;
        }
        if (o0 == 10 || (o0 == 172 && (o1 & 0xf0) == 16) || (o0 == 192 && o1 == 168)
                || (o0 == 100 && (o1 & 0xc0) == 64) || (o0 == 198 && (o1 & 0xfe) == 18)) {
            return Reach.PRIVATE;
        }
        if (o0 >= 224 || (o0 == 192 && o1 == 0 && o2 == 0)) {
            return Reach.RESERVED; // multicast 224/4, reserved 240/4, broadcast, IETF protocol assignments
        }
        return Reach.PUBLIC;
    }

    private static Reach reachV6(InetAddress address, byte[] b) {
        if (allZero(b, 0, 12)) {
            return reachV4(new byte[] {b[12], b[13], b[14], b[15]}); // ::, ::1 and IPv4-compatible ::a.b.c.d
        }
        if (allZero(b, 0, 10) && (b[10] & 0xff) == 0xff && (b[11] & 0xff) == 0xff) {
            return reachV4(new byte[] {b[12], b[13], b[14], b[15]}); // IPv4-mapped ::ffff:a.b.c.d
        }
        if (b[0] == 0 && (b[1] & 0xff) == 0x64 && (b[2] & 0xff) == 0xff && (b[3] & 0xff) == 0x9b) {
            // NAT64: 64:ff9b::/96 carries an IPv4 address; 64:ff9b:1::/48 is for local use
            return allZero(b, 4, 12) ? reachV4(new byte[] {b[12], b[13], b[14], b[15]}) : Reach.PRIVATE;
        }
        if ((b[0] & 0xff) == 0x20 && b[1] == 0x02) {
            return reachV4(new byte[] {b[2], b[3], b[4], b[5]}); // 6to4: 2002:AABB:CCDD::/48
        }
        if (address.isLinkLocalAddress()) {
            return Reach.LINK_LOCAL;
        }
        if ((b[0] & 0xfe) == 0xfc || address.isSiteLocalAddress()) {
            return Reach.PRIVATE;
        }
        if (address.isMulticastAddress() || ((b[0] & 0xff) == 0x20 && b[1] == 0x01 && b[2] == 0 && b[3] == 0)
                || ((b[0] & 0xff) == 0x01 && b[1] == 0 && allZero(b, 2, 8))) {
            return Reach.RESERVED; // multicast, Teredo 2001::/32, discard-only 100::/64
        }
        return Reach.PUBLIC;
    }

    private static boolean allZero(byte[] b, int from, int to) {
        for (int i = from; i < to; i++) {
            if (b[i] != 0) {
                return false;
            }
        }
        return true;
    }

    private static InetAddress literalOf(byte[] v4) {
        try {
            return InetAddress.getByAddress(v4);
        } catch (UnknownHostException e) {
            throw new IllegalStateException(e);
        }
    }

    private static InetAddress literal(String ip) {
        try {
            return InetAddress.getByName(ip); // an IP literal: no lookup
        } catch (UnknownHostException e) {
            throw new IllegalStateException(e);
        }
    }
}
