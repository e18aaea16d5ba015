package org.minyi.web;

import java.time.Duration;
import java.time.ZoneId;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.minyi.alert.AlertLevels;
import org.minyi.alert.AlertSettings;
import org.minyi.alert.InternalReceiver;
import org.minyi.alert.SubscriberLimits;
import org.springframework.boot.context.properties.bind.Bindable;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.core.env.Environment;
import org.springframework.util.unit.DataSize;

/**
 * Reads {@code minyi.alert.*} (see application.yml for every key and its default) into {@link AlertSettings}, and
 * the admin's allow-list of internal receivers. Per-subscriber overrides live under
 * {@code minyi.alert.subscribers.<name>} and default to the general values key by key.
 */
final class AlertSettingsReader {

    /** One subscriber's override; a missing value is the general one. */
    record Override(Integer maxPerWindow, Duration window, Duration freshness) {
    }

    private AlertSettingsReader() {
    }

    static AlertSettings read(Environment env, ZoneId zone) {
        AlertSettings d = AlertSettings.defaults();
        SubscriberLimits general = new SubscriberLimits(
                value(env, "minyi.alert.max-per-window", Integer.class, d.limits().maxPerWindow()),
                value(env, "minyi.alert.window", Duration.class, d.limits().window()),
                value(env, "minyi.alert.freshness", Duration.class, d.limits().freshness()));
        Map<String, SubscriberLimits> subscribers = new HashMap<>();
        Binder.get(env).bind("minyi.alert.subscribers", Bindable.mapOf(String.class, Override.class))
                .orElse(Map.of())
                .forEach((name, o) -> subscribers.put(name, new SubscriberLimits(
                        o.maxPerWindow() != null ? o.maxPerWindow() : general.maxPerWindow(),
                        o.window() != null ? o.window() : general.window(),
                        o.freshness() != null ? o.freshness() : general.freshness())));
        AlertLevels levels = new AlertLevels(threshold(env, "red", d.levels().red()),
                threshold(env, "orange", d.levels().orange()));
        AlertSettings.HistoryRetention history = new AlertSettings.HistoryRetention(
                value(env, "minyi.alert.history.max-age", Duration.class, d.history().maxAge()),
                value(env, "minyi.alert.history.max-size", DataSize.class,
                        DataSize.ofBytes(d.history().maxBytes())).toBytes());
        String linkBase = env.getProperty("minyi.alert.link-base", "");
        if (linkBase.isBlank()) {
            linkBase = "http://127.0.0.1:" + env.getProperty("local.server.port",
                    env.getProperty("server.port", "8080"));
        }
        return new AlertSettings(
                value(env, "minyi.alert.dedupe-window", Duration.class, d.dedupeWindow()),
                general, subscribers,
                value(env, "minyi.alert.max-attempts", Integer.class, d.maxAttempts()),
                d.firstBackoff(), d.maxBackoff(),
                value(env, "minyi.alert.queue-capacity", Integer.class, d.queueCapacity()),
                levels, history,
                value(env, "minyi.alert.max-rules", Integer.class, d.maxRules()),
                value(env, "minyi.alert.max-rules-per-subscriber", Integer.class, d.maxRulesPerSubscriber()),
                linkBase, zone);
    }

    /** {@code minyi.alert.internal-receivers}: comma-separated {@code ADDRESS[/PREFIX][:PORT]}, empty by default. */
    static List<InternalReceiver> internalReceivers(Environment env) {
        String list = env.getProperty("minyi.alert.internal-receivers", "");
        return Arrays.stream(list.split(",")).map(String::strip).filter(s -> !s.isEmpty())
                .map(InternalReceiver::parse).toList();
    }

    /** Through Boot's binder, which reads "30m", "72h" and "256MB" whatever the environment's converters. */
    private static <T> T value(Environment env, String key, Class<T> type, T fallback) {
        return Binder.get(env).bind(key, type).orElse(fallback);
    }

    private static AlertLevels.Threshold threshold(Environment env, String level, AlertLevels.Threshold fallback) {
        String prefix = "minyi.alert.levels." + level + ".";
        return new AlertLevels.Threshold(value(env, prefix + "heat", Double.class, fallback.heat()),
                value(env, prefix + "growth", Double.class, fallback.growth()),
                value(env, prefix + "negativity", Double.class, fallback.negativity()));
    }
}
