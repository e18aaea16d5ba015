package org.minyi.alert;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.List;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * Where a rule's alerts go. Whether the address may be reached at all is the channel's check
 * ({@link Notifier#check}), made when the rule is saved and again at every delivery.
 *
 * @param url        webhook or robot URL (WeCom: …/webhook/send?key=…, DingTalk: …/robot/send?access_token=…)
 * @param secret     webhook: HMAC key (required); DingTalk: the robot's 加签 secret (optional); else unused
 * @param recipients e-mail addresses (EMAIL only)
 */
public record Destination(ChannelType type, String url, String secret, List<String> recipients) {

    public static final int MAX_URL_CHARS = 2048;
    public static final int MAX_SECRET_CHARS = 256;
    public static final int MAX_RECIPIENTS = 20;

    /** Path segments this long and made of token characters are shown masked, like query values. */
    private static final Pattern TOKEN_LIKE = Pattern.compile("[A-Za-z0-9_\\-]{20,}");

    public Destination {
        if (type == null) {
            throw new IllegalArgumentException("缺少通道类型（type：webhook、wecom、dingtalk 或 email）");
        }
        recipients = recipients == null ? List.of() : List.copyOf(recipients);
        if (secret != null && secret.length() > MAX_SECRET_CHARS) {
            throw new IllegalArgumentException("密钥（secret）最多 " + MAX_SECRET_CHARS + " 个字符");
        }
        if (type == ChannelType.EMAIL) {
            if (recipients.isEmpty() || recipients.size() > MAX_RECIPIENTS
                    || recipients.stream().anyMatch(r -> r == null || !r.contains("@") || r.length() > 254)) {
                throw new IllegalArgumentException("邮件通道需要 1–" + MAX_RECIPIENTS + " 个收件人地址（recipients），收到 "
                        + recipients.size() + " 个，或其中有无效地址");
            }
        } else {
            if (url == null || !(url.startsWith("http://") || url.startsWith("https://"))) {
                throw new IllegalArgumentException(type.key() + " 通道需要以 http:// 或 https:// 开头的地址（url）");
            }
            if (url.length() > MAX_URL_CHARS) {
                throw new IllegalArgumentException("地址（url）最多 " + MAX_URL_CHARS + " 个字符");
            }
            try {
                new URI(url);
            } catch (URISyntaxException e) {
                throw new IllegalArgumentException("地址（url）不是有效的网址：" + e.getReason());
            }
            if (type == ChannelType.WEBHOOK && (secret == null || secret.isBlank())) {
                throw new IllegalArgumentException("webhook 通道需要签名密钥（secret），接收方用它验证请求确实来自 MinYi");
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

    public boolean hasSecret() {
        return secret != null && !secret.isBlank();
    }

    /**
     * The URL as it may be shown back: query values (robot keys and access tokens), user info and token-like path
     * segments replaced by {@code ***}. Secrets and tokens are write-only.
     */
    public String maskedUrl() {
        if (url == null) {
            return null;
        }
        URI uri = URI.create(url);
        StringBuilder shown = new StringBuilder(uri.getScheme()).append("://").append(uri.getHost());
        if (uri.getPort() != -1) {
            shown.append(':').append(uri.getPort());
        }
        String[] segments = (uri.getRawPath() == null ? "" : uri.getRawPath()).split("/", -1);
        for (int i = 0; i < segments.length; i++) {
            shown.append(i > 0 ? "/" : "").append(TOKEN_LIKE.matcher(segments[i]).matches() ? "***" : segments[i]);
        }
        if (uri.getRawQuery() != null) {
            StringBuilder query = new StringBuilder();
            for (String pair : uri.getRawQuery().split("&")) {
                int eq = pair.indexOf('=');
                query.append(query.isEmpty() ? "?" : "&").append(eq < 0 ? pair : pair.substring(0, eq) + "=***");
            }
            shown.append(query);
        }
        return shown.toString();
    }

    /** For logs and history: never the secret, never a robot's access token. */
    @Override
    public String toString() {
        return type == ChannelType.EMAIL ? "email " + recipients : type.key() + " " + URI.create(url).getHost();
    }

    /** Same channel and address, whatever the secret: alerts to it are sent once. */
    boolean sameReceiver(Destination other) {
        return type == other.type && Objects.equals(url, other.url) && recipients.equals(other.recipients);
    }
}
