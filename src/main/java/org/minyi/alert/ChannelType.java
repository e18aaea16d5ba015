package org.minyi.alert;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Locale;

/** How a subscriber is told: a signed generic webhook, a WeCom or DingTalk group robot, or e-mail. */
public enum ChannelType {
    WEBHOOK, WECOM, DINGTALK, EMAIL;

    /** How alert history names the channel. */
    public String chinese() {
        return switch (this) {
            case WEBHOOK -> "Webhook 接收方";
            case WECOM -> "企业微信机器人";
            case DINGTALK -> "钉钉机器人";
            case EMAIL -> "邮件";
        };
    }

    @JsonValue
    public String key() {
        return name().toLowerCase(Locale.ROOT);
    }

    @JsonCreator
    public static ChannelType parse(String value) {
        try {
            return valueOf(value.trim().toUpperCase(Locale.ROOT));
        } catch (RuntimeException e) {
            throw new IllegalArgumentException(
                    "unknown destination type '" + value + "'; expected one of webhook, wecom, dingtalk, email");
        }
    }
}
