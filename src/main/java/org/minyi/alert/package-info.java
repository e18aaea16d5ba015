/**
 * Subscriptions and alerting.
 *
 * <p>{@link org.minyi.alert.AlertEngine} is the one entry point: rules in, messages and hotspots in, alerts out
 * through a {@link org.minyi.alert.Notifier} — normally {@link org.minyi.alert.ChannelRouter#standard}, which routes
 * to the signed webhook, WeCom robot, DingTalk robot and SMTP e-mail adapters. Inside, one class per step:
 * {@code Matching} (each rule on its own, within its owner's {@link org.minyi.alert.ReadScope}), {@code Admission}
 * (repeats, limits, quiet hours), {@code DigestBook} (what is held over a limit), {@code AlertComposer} (the Chinese
 * text), {@code Deliveries} (sending and retries), {@code HistoryLog} and {@code RuleStore} (on disk:
 * {@code rules.json} and {@code history/}). {@link org.minyi.alert.ReceiverGuard} keeps webhooks and robots off
 * internal addresses, with the crawler's {@link org.minyi.collect.crawl.AddressGuard}.
 */
package org.minyi.alert;
