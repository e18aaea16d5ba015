package org.minyi.alert;

import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.util.List;
import java.util.Locale;
import org.minyi.collect.crawl.AddressGuard;

/**
 * Keeps alert deliveries off the service's own machine and its internal network (server-side request forgery): a
 * webhook or robot URL must be http(s) and resolve to public addresses only. Checked when a destination is saved
 * ({@link #check}) and again at every delivery ({@link #resolve}), whose addresses the delivery connects to and no
 * others. Internal receivers need an entry in the admin's allow-list, {@code minyi.alert.internal-receivers}
 * (see {@link InternalReceiver}); the crawler's {@link AddressGuard} decides what is internal.
 */
public final class ReceiverGuard {

    /** Where the allow-list is set; named in refusals so an admin knows what to change. */
    public static final String SETTING = "minyi.alert.internal-receivers";

    private final List<InternalReceiver> allowed;
    private final AddressGuard addresses;

    ReceiverGuard(List<InternalReceiver> allowed, AddressGuard.Resolver resolver) {
        this.allowed = List.copyOf(allowed);
        this.addresses = new AddressGuard(
                (address, reach, port) -> this.allowed.stream().anyMatch(r -> r.covers(address, port)), resolver);
    }

    /** Public receivers only, plus the internal ones listed. */
    public static ReceiverGuard allowing(List<InternalReceiver> internal) {
        return new ReceiverGuard(internal, AddressGuard.Resolver.SYSTEM);
    }

    public static ReceiverGuard publicOnly() {
        return allowing(List.of());
    }

    public List<InternalReceiver> allowed() {
        return allowed;
    }

    /** A receiver as resolved for one delivery: connect to {@code addresses}, never to the name again. */
    record Target(URI uri, String host, int port, boolean tls, List<InetAddress> addresses) {
    }

    /** Save time: throws {@link IllegalArgumentException} with a reason the user can read when {@code url} is refused. */
    void check(String url) {
        try {
            resolve(url, "接收地址");
        } catch (DeliveryException e) {
            throw new IllegalArgumentException(e.getMessage());
        }
    }

    /** Delivery time: resolves and checks the receiver; a refused address is not retryable, an unknown name is. */
    Target resolve(String url, String what) throws DeliveryException {
        URI uri;
        try {
            uri = new URI(url);
        } catch (Exception e) {
            throw new DeliveryException(what + "不是有效的网址", false);
        }
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        if (!scheme.equals("http") && !scheme.equals("https")) {
            throw new DeliveryException(what + "必须以 http:// 或 https:// 开头", false);
        }
        String host = uri.getHost();
        if (host == null || host.isEmpty()) {
            throw new DeliveryException(what + "缺少主机名", false);
        }
        if (uri.getRawUserInfo() != null) {
            throw new DeliveryException(what + "不能包含用户名或密码（user@host 形式）", false);
        }
        boolean tls = scheme.equals("https");
        int port = uri.getPort() != -1 ? uri.getPort() : tls ? 443 : 80;
        try {
            return new Target(uri, host, port, tls, addresses.resolve(host, port));
        } catch (UnknownHostException e) {
            throw new DeliveryException("无法解析" + what + "的主机名 " + host, true, e);
        } catch (AddressGuard.Blocked e) {
            throw new DeliveryException(what + " " + host + " 指向" + describe(e.reach()) + "，预警不发往内部网络"
                    + (e.reach() == AddressGuard.Reach.METADATA ? "" : "（如确需发往内部接收方，请管理员在 " + SETTING
                    + " 中放行该地址）"), false, e);
        }
    }

    private static String describe(AddressGuard.Reach reach) {
        return switch (reach) {
            case LOOPBACK -> "本机地址";
            case PRIVATE -> "内网地址";
            case LINK_LOCAL -> "链路本地地址";
            case METADATA -> "云主机元数据地址";
            case RESERVED -> "保留地址";
            case PUBLIC -> "公网地址";
        };
    }
}
