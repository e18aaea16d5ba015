package org.minyi.alert;

import java.net.InetAddress;
import java.net.UnknownHostException;

/**
 * One entry of the admin's allow-list of internal alert receivers ({@code minyi.alert.internal-receivers}): an
 * address or network, optionally one port, e.g. {@code 10.20.0.0/16}, {@code 127.0.0.1:9000},
 * {@code [fd00::5]:8443}. Entries are addresses, not names: what is allowed is where the connection lands.
 * Cloud metadata addresses stay refused whatever the list says.
 *
 * @param port the one port allowed, or -1 for any
 */
public record InternalReceiver(InetAddress network, int prefixLength, int port) {

    public InternalReceiver {
        int bits = network.getAddress().length * 8;
        if (prefixLength < 0 || prefixLength > bits) {
            throw new IllegalArgumentException("prefix length must be 0.." + bits + ", was " + prefixLength);
        }
        if (port != -1 && (port < 1 || port > 65535)) {
            throw new IllegalArgumentException("port must be 1..65535, was " + port);
        }
    }

    /** Parses {@code ADDRESS[/PREFIX][:PORT]}; an IPv6 address with a port goes in brackets. */
    public static InternalReceiver parse(String entry) {
        String s = entry.strip();
        String address;
        String rest;
        if (s.startsWith("[")) {
            int close = s.indexOf(']');
            if (close < 0) {
                throw bad(entry, "missing ']'");
            }
            address = s.substring(1, close);
            rest = s.substring(close + 1);
        } else if (s.indexOf(':') != s.lastIndexOf(':')) {
            int slash = s.indexOf('/');
            address = slash < 0 ? s : s.substring(0, slash); // IPv6 without port
            rest = slash < 0 ? "" : s.substring(slash);
        } else {
            int end = firstOf(s, '/', ':');
            address = s.substring(0, end);
            rest = s.substring(end);
        }
        if (address.isEmpty() || !address.matches("[0-9A-Fa-f:.]+")) {
            throw bad(entry, "not an IP address (names are not allowed: the address is what is checked)");
        }
        InetAddress ip;
        try {
            ip = InetAddress.getByName(address); // a literal: no lookup
        } catch (UnknownHostException e) {
            throw bad(entry, "not an IP address");
        }
        int prefix = ip.getAddress().length * 8;
        int port = -1;
        try {
            if (rest.startsWith("/")) {
                int colon = rest.indexOf(':');
                prefix = Integer.parseInt(colon < 0 ? rest.substring(1) : rest.substring(1, colon));
                rest = colon < 0 ? "" : rest.substring(colon);
            }
            if (rest.startsWith(":")) {
                port = Integer.parseInt(rest.substring(1));
            } else if (!rest.isEmpty()) {
                throw bad(entry, "unexpected '" + rest + "'");
            }
            return new InternalReceiver(ip, prefix, port);
        } catch (NumberFormatException e) {
            throw bad(entry, "prefix and port must be numbers");
        } catch (IllegalArgumentException e) {
            throw bad(entry, e.getMessage());
        }
    }

    boolean covers(InetAddress address, int targetPort) {
        if (port != -1 && port != targetPort) {
            return false;
        }
        byte[] net = network.getAddress();
        byte[] a = address.getAddress();
        if (net.length != a.length) {
            return false;
        }
        int full = prefixLength / 8;
        for (int i = 0; i < full; i++) {
            if (net[i] != a[i]) {
                return false;
            }
        }
        int remaining = prefixLength % 8;
        if (remaining == 0) {
            return true;
        }
        int mask = (0xff << (8 - remaining)) & 0xff;
        return (net[full] & mask) == (a[full] & mask);
    }

    @Override
    public String toString() {
        String ip = network.getHostAddress();
        String net = prefixLength == network.getAddress().length * 8 ? ip : ip + "/" + prefixLength;
        return port == -1 ? net : (ip.contains(":") ? "[" + net + "]" : net) + ":" + port;
    }

    private static int firstOf(String s, char a, char b) {
        int i = s.indexOf(a);
        int j = s.indexOf(b);
        return i < 0 ? (j < 0 ? s.length() : j) : (j < 0 ? i : Math.min(i, j));
    }

    private static IllegalArgumentException bad(String entry, String why) {
        return new IllegalArgumentException("internal receiver '" + entry + "': " + why);
    }
}
