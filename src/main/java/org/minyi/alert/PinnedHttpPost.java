package org.minyi.alert;

import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.ConnectException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import javax.net.ssl.SNIHostName;
import javax.net.ssl.SSLException;
import javax.net.ssl.SSLParameters;
import javax.net.ssl.SSLSocket;
import javax.net.ssl.SSLSocketFactory;

/**
 * One HTTP/1.1 POST over a connection this class opens itself, to an address {@link ReceiverGuard} checked for this
 * very delivery, so no second DNS answer can move it (DNS rebinding). HTTPS still verifies the certificate against
 * the URL's host name. Redirects are never followed; at most {@value #MAX_REPLY_BYTES} bytes of a reply are read.
 * The whole exchange ends within the timeout, however slowly a receiver drips its answer.
 */
final class PinnedHttpPost {

    /** Robots answer with a small JSON object; nothing else of a reply is used. */
    static final int MAX_REPLY_BYTES = 16 * 1024;
    private static final int MAX_HEAD_BYTES = 16 * 1024;

    /** A reply: its status, and its first bytes, which are never shown to users. */
    record Reply(int status, String body, boolean truncated) {
    }

    private final Duration timeout;
    private final SSLSocketFactory tls;

    PinnedHttpPost(Duration timeout) {
        this(timeout, (SSLSocketFactory) SSLSocketFactory.getDefault());
    }

    PinnedHttpPost(Duration timeout, SSLSocketFactory tls) {
        this.timeout = timeout;
        this.tls = tls;
    }

    Reply post(ReceiverGuard.Target target, String body, Map<String, String> headers, String what)
            throws DeliveryException {
        long deadline = System.nanoTime() + timeout.toNanos();
        Socket socket = connect(target, what);
        try {
            Socket open = target.tls() ? handshake(socket, target) : socket;
            write(open.getOutputStream(), target, body.getBytes(StandardCharsets.UTF_8), headers);
            return read(new DeadlineStream(open, deadline));
        } catch (SocketTimeoutException e) {
            throw new DeliveryException(what + "在 " + timeout.toSeconds() + " 秒内没有回复", true, e);
        } catch (SSLException e) {
            throw new DeliveryException("与" + what + "的 HTTPS 连接失败（证书无效或协议不符）", true, e);
        } catch (IOException e) {
            throw new DeliveryException("与" + what + "的连接中断", true, e);
        } finally {
            closeQuietly(socket); // closes the TLS layer's connection too
        }
    }

    /** Tries the checked addresses in order; only these, never the name. */
    private Socket connect(ReceiverGuard.Target target, String what) throws DeliveryException {
        IOException last = null;
        for (InetAddress address : target.addresses()) {
            Socket socket = new Socket();
            try {
                socket.connect(new InetSocketAddress(address, target.port()), (int) timeout.toMillis());
                socket.setSoTimeout((int) timeout.toMillis());
                return socket;
            } catch (IOException e) {
                closeQuietly(socket);
                last = e;
            }
        }
        if (last instanceof SocketTimeoutException) {
            throw new DeliveryException("连接" + what + "超时（" + timeout.toSeconds() + " 秒内未建立连接）", true, last);
        }
        if (last instanceof ConnectException) {
            throw new DeliveryException("无法连接" + what + "（" + target.host() + ":" + target.port() + " 拒绝连接）",
                    true, last);
        }
        throw new DeliveryException("无法连接" + what + "（网络不通）", true, last);
    }

    private Socket handshake(Socket plain, ReceiverGuard.Target target) throws IOException {
        String host = target.host().startsWith("[") ? target.host().substring(1, target.host().length() - 1)
                : target.host();
        SSLSocket socket = (SSLSocket) tls.createSocket(plain, host, target.port(), true);
        SSLParameters parameters = socket.getSSLParameters();
        parameters.setEndpointIdentificationAlgorithm("HTTPS"); // the certificate must name the URL's host
        if (!host.contains(":") && !host.matches("[0-9.]+")) {
            parameters.setServerNames(List.of(new SNIHostName(host)));
        }
        socket.setSSLParameters(parameters);
        socket.startHandshake();
        return socket;
    }

    private static void write(OutputStream raw, ReceiverGuard.Target target, byte[] body, Map<String, String> headers)
            throws IOException {
        String path = target.uri().getRawPath() == null || target.uri().getRawPath().isEmpty() ? "/"
                : target.uri().getRawPath();
        if (target.uri().getRawQuery() != null) {
            path += "?" + target.uri().getRawQuery();
        }
        boolean defaultPort = target.port() == (target.tls() ? 443 : 80);
        StringBuilder head = new StringBuilder()
                .append("POST ").append(path).append(" HTTP/1.1\r\n")
                .append("Host: ").append(target.host()).append(defaultPort ? "" : ":" + target.port()).append("\r\n")
                .append("User-Agent: MinYi-Alert/1\r\n")
                .append("Accept: application/json\r\n")
                .append("Content-Type: application/json; charset=utf-8\r\n")
                .append("Content-Length: ").append(body.length).append("\r\n")
                .append("Connection: close\r\n");
        headers.forEach((name, value) -> head.append(name).append(": ").append(value).append("\r\n"));
        head.append("\r\n");
        if (head.chars().anyMatch(c -> c > 126) || head.indexOf("\r\n\r\n") != head.length() - 4) {
            throw new IOException("request head holds a line break or a non-ASCII character");
        }
        OutputStream out = new BufferedOutputStream(raw);
        out.write(head.toString().getBytes(StandardCharsets.US_ASCII));
        out.write(body);
        out.flush();
    }

    private static Reply read(InputStream raw) throws IOException {
        InputStream in = new BufferedInputStream(raw);
        int[] headBytes = {0};
        int status;
        Map<String, String> fields;
        do { // skip interim 1xx answers
            String statusLine = line(in, headBytes);
            String[] parts = statusLine.split(" ", 3);
            if (parts.length < 2 || !parts[0].startsWith("HTTP/")) {
                throw new IOException("not an HTTP reply");
            }
            try {
                status = Integer.parseInt(parts[1]);
            } catch (NumberFormatException e) {
                throw new IOException("not an HTTP status");
            }
            fields = new HashMap<>();
            for (String field = line(in, headBytes); !field.isEmpty(); field = line(in, headBytes)) {
                int colon = field.indexOf(':');
                if (colon > 0) {
                    fields.put(field.substring(0, colon).strip().toLowerCase(Locale.ROOT),
                            field.substring(colon + 1).strip());
                }
            }
        } while (status >= 100 && status < 200);
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        boolean truncated;
        if (status == 204 || status == 304) {
            truncated = false;
        } else if ("chunked".equalsIgnoreCase(fields.get("transfer-encoding"))) {
            truncated = chunked(in, body, headBytes);
        } else if (fields.containsKey("content-length")) {
            long length;
            try {
                length = Long.parseLong(fields.get("content-length"));
            } catch (NumberFormatException e) {
                throw new IOException("bad Content-Length");
            }
            truncated = copy(in, body, Math.min(length, MAX_REPLY_BYTES)) && length > MAX_REPLY_BYTES;
        } else {
            truncated = copy(in, body, MAX_REPLY_BYTES) && in.read() != -1;
        }
        return new Reply(status, body.toString(StandardCharsets.UTF_8), truncated);
    }

    private static boolean chunked(InputStream in, ByteArrayOutputStream body, int[] headBytes) throws IOException {
        while (true) {
            String sizeLine = line(in, headBytes);
            int semicolon = sizeLine.indexOf(';');
            long size;
            try {
                size = Long.parseLong((semicolon < 0 ? sizeLine : sizeLine.substring(0, semicolon)).strip(), 16);
            } catch (NumberFormatException e) {
                throw new IOException("bad chunk size");
            }
            if (size == 0) {
                return false;
            }
            long room = MAX_REPLY_BYTES - body.size();
            if (size > room) {
                copy(in, body, room);
                return true;
            }
            copy(in, body, size);
            line(in, headBytes); // the CRLF after the chunk
        }
    }

    /** Copies up to {@code max} bytes; true when all of them were there. */
    private static boolean copy(InputStream in, ByteArrayOutputStream out, long max) throws IOException {
        byte[] buffer = new byte[4096];
        long left = max;
        while (left > 0) {
            int n = in.read(buffer, 0, (int) Math.min(buffer.length, left));
            if (n < 0) {
                return false;
            }
            out.write(buffer, 0, n);
            left -= n;
        }
        return true;
    }

    private static String line(InputStream in, int[] headBytes) throws IOException {
        StringBuilder line = new StringBuilder();
        while (true) {
            int c = in.read();
            if (c < 0) {
                throw new IOException("reply ended early");
            }
            if (++headBytes[0] > MAX_HEAD_BYTES) {
                throw new IOException("reply head too long");
            }
            if (c == '\n') {
                int end = line.length();
                return end > 0 && line.charAt(end - 1) == '\r' ? line.substring(0, end - 1) : line.toString();
            }
            line.append((char) c);
        }
    }

    private static void closeQuietly(Socket socket) {
        try {
            socket.close();
        } catch (IOException ignored) {
            // nothing was sent on it
        }
    }

    /** Reads from the socket, each read waiting at most until the exchange's deadline. */
    private static final class DeadlineStream extends InputStream {
        private final Socket socket;
        private final InputStream in;
        private final long deadline;

        DeadlineStream(Socket socket, long deadline) throws IOException {
            this.socket = socket;
            this.in = socket.getInputStream();
            this.deadline = deadline;
        }

        @Override
        public int read() throws IOException {
            byte[] one = new byte[1];
            int n = read(one, 0, 1);
            return n < 0 ? -1 : one[0] & 0xff;
        }

        @Override
        public int read(byte[] buffer, int offset, int length) throws IOException {
            long left = (deadline - System.nanoTime()) / 1_000_000;
            if (left <= 0) {
                throw new SocketTimeoutException("deadline passed");
            }
            socket.setSoTimeout((int) Math.min(Integer.MAX_VALUE, Math.max(1, left)));
            return in.read(buffer, offset, length);
        }
    }
}
