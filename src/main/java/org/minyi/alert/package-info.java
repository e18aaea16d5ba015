/**
 * Subscriptions and alerting.
 *
 * <p>{@link org.minyi.alert.AlertEngine} is the one entry point: rules in, messages and hotspots in, alerts out
 * through a {@link org.minyi.alert.Notifier} — normally {@link org.minyi.alert.ChannelRouter#standard}, which routes
 * to the signed webhook, WeCom robot, DingTalk robot and SMTP e-mail adapters. Rules and history live as files in
 * the folder the engine is opened on ({@code rules.json}, {@code history.jsonl}).
 */
package org.minyi.alert;
