package org.minyi.alert;

import java.time.Clock;
import java.time.Duration;
import java.util.EnumMap;
import java.util.Map;

/** The one {@link Notifier} the engine uses: hands each alert to the adapter for its destination's type. */
public final class ChannelRouter implements Notifier {

    private final Map<ChannelType, Notifier> adapters;

    public ChannelRouter(Map<ChannelType, Notifier> adapters) {
        this.adapters = new EnumMap<>(adapters);
    }

    /**
     * Webhook, WeCom and DingTalk adapters, which reach only receivers {@code guard} allows, plus e-mail when
     * {@code smtp} is given.
     */
    public static ChannelRouter standard(SmtpSettings smtp, Duration timeout, Clock clock, ReceiverGuard guard) {
        Map<ChannelType, Notifier> adapters = new EnumMap<>(ChannelType.class);
        adapters.put(ChannelType.WEBHOOK, new WebhookNotifier(timeout, clock, guard));
        adapters.put(ChannelType.WECOM, new WeComNotifier(timeout, guard));
        adapters.put(ChannelType.DINGTALK, new DingTalkNotifier(timeout, clock, guard));
        if (smtp != null) {
            adapters.put(ChannelType.EMAIL, new EmailNotifier(smtp));
        }
        return new ChannelRouter(adapters);
    }

    @Override
    public void send(Alert alert, Destination to) throws DeliveryException {
        Notifier adapter = adapters.get(to.type());
        if (adapter == null) {
            throw new DeliveryException(missing(to.type()), false);
        }
        adapter.send(alert, to);
    }

    @Override
    public void send(Alert alert, Destination to, Attachment attachment) throws DeliveryException {
        Notifier adapter = adapters.get(to.type());
        if (adapter == null) {
            throw new DeliveryException(missing(to.type()), false);
        }
        adapter.send(alert, to, attachment);
    }

    @Override
    public void check(Destination to) {
        Notifier adapter = adapters.get(to.type());
        if (adapter == null) {
            throw new IllegalArgumentException(missing(to.type()));
        }
        adapter.check(to);
    }

    private static String missing(ChannelType type) {
        return type == ChannelType.EMAIL ? "服务未配置邮件服务器（minyi.alert.smtp.host），不能发送邮件预警"
                : "服务未配置 " + type.key() + " 通道";
    }
}
