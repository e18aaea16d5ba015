package org.minyi.alert;

import java.time.Duration;

/**
 * The mail server alerts go through. {@code username} null means no authentication.
 *
 * @param startTls upgrade the connection with STARTTLS (required when true)
 */
public record SmtpSettings(String host, int port, String from, String username, String password, boolean startTls,
                           Duration timeout) {

    public SmtpSettings {
        if (host == null || host.isBlank()) {
            throw new IllegalArgumentException("SMTP host is required");
        }
        if (port < 1 || port > 65535) {
            throw new IllegalArgumentException("SMTP port must be 1..65535, was " + port);
        }
        if (from == null || !from.contains("@")) {
            throw new IllegalArgumentException("SMTP sender address is required, was " + from);
        }
        timeout = timeout == null ? Duration.ofSeconds(10) : timeout;
    }
}
