package org.minyi.alert;

import java.net.URI;
import java.util.List;
import java.util.Objects;

/**
 * Where a rule's alerts go.
 *
 * @param url        webhook or robot URL (WeCom: …/webhook/send?key=…, DingTalk: …/robot/send?access_token=…)
 * @param secret     webhook: HMAC key (required); DingTalk: the robot's 加签 secret (optional); else unused
 * @param recipients e-mail addresses (EMAIL only)
 */
public record Destination(ChannelType type, String url, String secret, List<String> recipients) {

    public Destination {
        Objects.requireNonNull(type, "destination type is required (webhook, wecom, dingtalk or email)");
        recipients = recipients == null ? List.of() : List.copyOf(recipients);
        if (type == ChannelType.EMAIL) {
            if (recipients.isEmpty() || recipients.stream().anyMatch(r -> r == null || !r.contains("@"))) {
                throw new IllegalArgumentException("e-mail destination needs recipient addresses, got " + recipients);
            }
        } else {
            if (url == null || !(url.startsWith("http://") || url.startsWith("https://"))) {
                throw new IllegalArgumentException(type.key() + " destination needs an http(s) url, got " + url);
            }
            URI.create(url); // fails early on a malformed URL, naming it
            if (type == ChannelType.WEBHOOK && (secret == null || secret.isBlank())) {
                throw new IllegalArgumentException("webhook destination needs a secret to sign its requests");
            }
        }
    }

    public static Destination webhook(String url, String secret) {
        return new Destination(ChannelType.WEBHOOK, url, secret, List.of());
    }

    public static Destination wecom(String url) {
        return new Destination(ChannelType.WECOM, url, null, List.of());
    }

    public static Destination dingtalk(String url, String secret) {
        return new Destination(ChannelType.DINGTALK, url, secret, List.of());
    }

    public static Destination email(List<String> recipients) {
        return new Destination(ChannelType.EMAIL, null, null, recipients);
    }

    /** For logs and history: never the secret, never a robot's access token. */
    @Override
    public String toString() {
        return type == ChannelType.EMAIL ? "email " + recipients : type.key() + " " + URI.create(url).getHost();
    }
}
