package org.minyi.collect.crawl;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Walks one YAML mapping, remembering the dotted key path so every problem names the exact key. Problems are
 * collected, not thrown, so an operator sees all mistakes of a file at once.
 */
final class ConfigReader {

    private static final Pattern SHORT_DURATION = Pattern.compile("(\\d+)\\s*(ms|s|m|h|d)");

    private final Map<?, ?> map;
    private final String path;
    private final List<String> problems;
    private final Set<String> read = new LinkedHashSet<>();

    ConfigReader(Map<?, ?> map, String path, List<String> problems) {
        this.map = map;
        this.path = path;
        this.problems = problems;
    }

    List<String> problemList() {
        return problems;
    }

    String key(String name) {
        return path.isEmpty() ? name : path + "." + name;
    }

    void problem(String key, String message) {
        problems.add(key(key) + ": " + message);
    }

    boolean has(String name) {
        return map.get(name) != null;
    }

    private Object raw(String name) {
        read.add(name);
        return map.get(name);
    }

    String string(String name, boolean required) {
        Object value = raw(name);
        if (value == null) {
            if (required) {
                problem(name, "is required");
            }
            return null;
        }
        if (value instanceof Map || value instanceof List) {
            problem(name, "must be a single value, not a " + (value instanceof Map ? "mapping" : "list"));
            return null;
        }
        String text = value.toString().strip();
        if (text.isEmpty() && required) {
            problem(name, "is empty");
            return null;
        }
        return text.isEmpty() ? null : text;
    }

    int integer(String name, int fallback, int min, int max) {
        String text = string(name, false);
        if (text == null) {
            return fallback;
        }
        try {
            int value = Integer.parseInt(text);
            if (value < min || value > max) {
                problem(name, "must be between " + min + " and " + max + ", was " + value);
                return fallback;
            }
            return value;
        } catch (NumberFormatException e) {
            problem(name, "must be a whole number, was '" + text + "'");
            return fallback;
        }
    }

    boolean bool(String name, boolean fallback) {
        String text = string(name, false);
        if (text == null) {
            return fallback;
        }
        if (text.equalsIgnoreCase("true") || text.equalsIgnoreCase("false")) {
            return Boolean.parseBoolean(text);
        }
        problem(name, "must be true or false, was '" + text + "'");
        return fallback;
    }

    /** Accepts "500ms", "2s", "5m", "1h", "1d" or ISO-8601 "PT2S". */
    Duration duration(String name, Duration fallback) {
        String text = string(name, false);
        if (text == null) {
            return fallback;
        }
        Matcher m = SHORT_DURATION.matcher(text);
        if (m.matches()) {
            long n = Long.parseLong(m.group(1));
            return switch (m.group(2)) {
                case "ms" -> Duration.ofMillis(n);
                case "s" -> Duration.ofSeconds(n);
                case "m" -> Duration.ofMinutes(n);
                case "h" -> Duration.ofHours(n);
                default -> Duration.ofDays(n);
            };
        }
        try {
            return Duration.parse(text);
        } catch (RuntimeException e) {
            problem(name, "must be a duration like 500ms, 2s, 5m or PT2S, was '" + text + "'");
            return fallback;
        }
    }

    List<String> strings(String name, boolean required) {
        Object value = raw(name);
        if (value == null) {
            if (required) {
                problem(name, "is required");
            }
            return List.of();
        }
        if (!(value instanceof List<?> list)) {
            return value instanceof Map ? mappingNotAllowed(name) : List.of(value.toString().strip());
        }
        List<String> out = new ArrayList<>();
        for (Object item : list) {
            if (item == null || item instanceof Map || item instanceof List) {
                problem(name, "every entry must be a single value");
            } else {
                out.add(item.toString().strip());
            }
        }
        if (out.isEmpty() && required) {
            problem(name, "must list at least one entry");
        }
        return out;
    }

    private List<String> mappingNotAllowed(String name) {
        problem(name, "must be a list, not a mapping");
        return List.of();
    }

    /** A nested mapping, or null (with a problem when required). */
    ConfigReader child(String name, boolean required) {
        Object value = raw(name);
        if (value == null) {
            if (required) {
                problem(name, "is required");
            }
            return null;
        }
        if (!(value instanceof Map<?, ?> nested)) {
            problem(name, "must be a mapping of keys");
            return null;
        }
        return new ConfigReader(nested, key(name), problems);
    }

    /** Raw value of a key, for keys whose shape varies (string shorthand or mapping). */
    Object value(String name) {
        return raw(name);
    }

    Set<String> keys() {
        Set<String> keys = new LinkedHashSet<>();
        map.keySet().forEach(k -> keys.add(String.valueOf(k)));
        return keys;
    }

    <T> T parsed(String name, boolean required, Function<String, T> parser) {
        String text = string(name, required);
        if (text == null) {
            return null;
        }
        try {
            return parser.apply(text);
        } catch (RuntimeException e) {
            problem(name, e.getMessage());
            return null;
        }
    }

    /** Reports keys nobody read: a typo like "max-page" must not silently fall back to a default. */
    void rejectUnknownKeys() {
        for (Object k : map.keySet()) {
            String name = String.valueOf(k);
            if (!read.contains(name)) {
                problem(name, "unknown key");
            }
        }
    }
}
