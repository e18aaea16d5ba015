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

    /** Webhook, WeCom and DingTalk adapters, plus e-mail when {@code smtp} is given. */
    public static ChannelRouter standard(SmtpSettings smtp, Duration timeout, Clock clock) {
        Map<ChannelType, Notifier> adapters = new EnumMap<>(ChannelType.class);
        adapters.put(ChannelType.WEBHOOK, new WebhookNotifier(timeout, clock));
        adapters.put(ChannelType.WECOM, new WeComNotifier(timeout));
        adapters.put(ChannelType.DINGTALK, new DingTalkNotifier(timeout, clock));
        if (smtp != null) {
            adapters.put(ChannelType.EMAIL, new EmailNotifier(smtp));
        }
        return new ChannelRouter(adapters);
    }

    @Override
    public void send(Alert alert, Destination to) throws DeliveryException {
        Notifier adapter = adapters.get(to.type());
        if (adapter == null) {
            throw new DeliveryException("no " + to.type().key() + " channel is configured"
                    + (to.type() == ChannelType.EMAIL ? " (set the SMTP server)" : ""), false);
        }
        adapter.send(alert, to);
    }
}
