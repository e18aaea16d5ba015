package org.minyi.collect.crawl;

import java.io.IOException;
import java.io.Reader;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.DateTimeException;
import java.time.Duration;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;
import org.jsoup.select.QueryParser;
import org.minyi.message.Channel;
import org.springframework.scheduling.support.CronExpression;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;
import org.yaml.snakeyaml.error.YAMLException;

/**
 * How to crawl one source, read from one YAML file in {@code crawler-config/}. See that folder's README for every
 * key. Instances are always valid: {@link #load} rejects a file listing every problem with its key.
 *
 * @param name       source name: the file name without {@code .yaml}; becomes {@code Message.source} and the id prefix
 * @param schedule   Spring cron expression (six fields) for the service's scheduler, or null for manual runs only
 * @param recheckUnrepliedFor how long after first sight an item without reply is re-requested (conditional GET)
 *                   so that a reply that appears later updates the record
 */
public record CrawlerConfig(
        String name,
        Channel channel,
        String description,
        List<URI> startUrls,
        ListPages list,
        DetailPages detail,
        String schedule,
        Politeness politeness,
        NetworkPolicy network,
        Duration recheckUnrepliedFor) {

    /** What the crawler can read off a detail page. */
    public enum ItemField {
        TITLE, BODY, TIME, AUTHOR, REGION, REPLY, REPLY_AGENCY, REPLY_TIME;

        public String key() {
            return name().toLowerCase(Locale.ROOT).replace('_', '-');
        }
    }

    /**
     * List pages: where links to detail pages are found and how to page on.
     *
     * @param nextPageSelector CSS selector of the "next page" link, or null
     * @param pageUrlTemplate  alternative to a next link: URL with {@code {page}} replaced by 2, 3, ... (relative
     *                         to the start URL); paging stops on a page without item links
     * @param stopWhenAllKnown stop paging at a list page whose items were all accepted in earlier runs (lists
     *                         are newest first on every board we know)
     */
    public record ListPages(String itemLinkSelector, String nextPageSelector, String pageUrlTemplate, int maxPages,
            boolean stopWhenAllKnown) {
    }

    /** @param idUrlParam query parameter of the detail URL that identifies an item, or null to use the whole URL */
    public record DetailPages(String idUrlParam, FieldRule idSelector, Map<ItemField, FieldRule> fields,
            List<String> dateFormats, ZoneId timeZone) {

        public DetailPages {
            fields = Collections.unmodifiableMap(new EnumMap<>(fields));
            dateFormats = List.copyOf(dateFormats);
        }

        public FieldRule field(ItemField field) {
            return fields.get(field);
        }
    }

    /**
     * Where one field sits on the page.
     *
     * @param selector CSS selector; the text of all matches is joined with line breaks
     * @param attribute read this attribute instead of the text, or null
     * @param regex    keep group 1 (or the whole match) of this pattern, or null
     */
    public record FieldRule(String selector, String attribute, Pattern regex) {
    }

    /**
     * Being a good guest: requests to one host are at least {@code delay} apart (or the robots.txt crawl-delay
     * when longer), at most {@code concurrency} at a time.
     */
    public record Politeness(Duration delay, int concurrency, int retries, Duration retryBackoff, Duration timeout,
            long maxPageBytes, int maxRedirects, String userAgent, boolean obeyRobots) {
    }

    /** Private and loopback addresses are refused unless a source explicitly needs them (intranets, tests). */
    public record NetworkPolicy(boolean allowLoopback, boolean allowPrivate) {
    }

    public CrawlerConfig {
        startUrls = List.copyOf(startUrls);
    }

    static final String DEFAULT_USER_AGENT = "MinYiBot/0.1 (+public-opinion research; honours robots.txt)";

    /** Reads and validates one source file; the source is named after the file. */
    public static CrawlerConfig load(Path yaml) {
        List<String> problems = new ArrayList<>();
        CrawlerConfig config = read(yaml, problems);
        if (!problems.isEmpty()) {
            throw new CrawlerConfigException(problems.stream().map(p -> yaml + ": " + p).toList());
        }
        return config;
    }

    static CrawlerConfig read(Path yaml, List<String> problems) {
        Object root;
        try (Reader reader = Files.newBufferedReader(yaml, StandardCharsets.UTF_8)) {
            root = new Yaml(new SafeConstructor(new LoaderOptions())).load(reader);
        } catch (IOException e) {
            problems.add("cannot read file: " + e.getMessage());
            return null;
        } catch (YAMLException e) {
            problems.add("not valid YAML: " + e.getMessage().replace('\n', ' '));
            return null;
        }
        if (!(root instanceof Map<?, ?> map)) {
            problems.add("must be a YAML mapping of keys (name, channel, start, list, detail, ...)");
            return null;
        }
        String fileName = yaml.getFileName().toString();
        String name = fileName.replaceFirst("\\.ya?ml$", "");
        if (!name.matches("[a-z0-9][a-z0-9-]*")) {
            problems.add("file name must be lower-case letters, digits and dashes (it names the source), was '"
                    + fileName + "'");
        }
        ConfigReader top = new ConfigReader(map, "", problems);
        String declared = top.string("name", false);
        if (declared != null && !declared.equals(name)) {
            top.problem("name", "is '" + declared + "' but the file is named '" + fileName
                    + "'; the source name is the file name");
        }
        Channel channel = top.parsed("channel", true, Channel::parse);
        String description = top.string("description", false);
        List<URI> start = new ArrayList<>();
        for (String url : top.strings("start", true)) {
            URI uri = httpUri(url, top, "start");
            if (uri != null) {
                start.add(uri);
            }
        }
        ListPages list = readList(top.child("list", true));
        DetailPages detail = readDetail(top.child("detail", true));
        String schedule = top.parsed("schedule", false, CrawlerConfig::checkCron);
        Politeness politeness = readPoliteness(top.child("politeness", false));
        NetworkPolicy network = readNetwork(top.child("network", false));
        Duration recheck = top.duration("recheck-unreplied-for", Duration.ofDays(60));
        top.rejectUnknownKeys();
        if (!problems.isEmpty()) {
            return null;
        }
        return new CrawlerConfig(name, channel, description, start, list, detail, schedule, politeness, network,
                recheck);
    }

    private static String checkCron(String text) {
        try {
            CronExpression.parse(text);
            return text;
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("is not a cron expression of six fields (sec min hour day month "
                    + "weekday), e.g. \"0 0 */6 * * *\": " + e.getMessage());
        }
    }

    private static URI httpUri(String text, ConfigReader reader, String key) {
        try {
            URI uri = URI.create(text);
            String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
            if (!scheme.equals("http") && !scheme.equals("https")) {
                reader.problem(key, "only http and https URLs can be crawled, not '" + text + "'");
                return null;
            }
            if (uri.getHost() == null) {
                reader.problem(key, "URL has no host: '" + text + "'");
                return null;
            }
            return uri;
        } catch (IllegalArgumentException e) {
            reader.problem(key, "not a valid URL '" + text + "': " + e.getMessage());
            return null;
        }
    }

    private static ListPages readList(ConfigReader r) {
        if (r == null) {
            return null;
        }
        String items = r.parsed("item-link", true, CrawlerConfig::checkSelector);
        String next = r.parsed("next-page", false, CrawlerConfig::checkSelector);
        String template = r.string("page-url-template", false);
        if (template != null && !template.contains("{page}")) {
            r.problem("page-url-template", "must contain {page}, was '" + template + "'");
        }
        if (next != null && template != null) {
            r.problem("next-page", "give either next-page or page-url-template, not both");
        }
        int maxPages = r.integer("max-pages", 50, 1, 100_000);
        boolean stop = r.bool("stop-when-all-known", true);
        r.rejectUnknownKeys();
        return new ListPages(items, next, template, maxPages, stop);
    }

    private static DetailPages readDetail(ConfigReader r) {
        if (r == null) {
            return null;
        }
        String idParam = null;
        FieldRule idSelector = null;
        ConfigReader id = r.child("id", false);
        if (id != null) {
            idParam = id.string("url-param", false);
            if (id.has("selector") || id.has("regex")) {
                idSelector = readRule(id, "selector");
            }
            if (idParam != null && idSelector != null) {
                id.problem("url-param", "give either url-param or selector, not both");
            }
            id.rejectUnknownKeys();
        }
        Map<ItemField, FieldRule> fields = new EnumMap<>(ItemField.class);
        ConfigReader f = r.child("fields", true);
        if (f != null) {
            for (ItemField field : ItemField.values()) {
                Object value = f.value(field.key());
                if (value == null) {
                    continue;
                }
                FieldRule rule;
                if (value instanceof Map<?, ?> m) {
                    ConfigReader nested = new ConfigReader(m, f.key(field.key()), f.problemList());
                    rule = readRule(nested, "selector");
                    nested.rejectUnknownKeys();
                } else {
                    rule = new FieldRule(f.parsed(field.key(), true, CrawlerConfig::checkSelector), null, null);
                }
                if (rule != null && rule.selector() != null) {
                    fields.put(field, rule);
                }
            }
            if (!f.has("body")) {
                f.problem("body", "is required: the message text is the one field every item needs");
            }
            f.rejectUnknownKeys();
        }
        List<String> formats = r.strings("date-formats", false);
        for (String format : formats) {
            try {
                DateTimeFormatter.ofPattern(format);
            } catch (IllegalArgumentException e) {
                r.problem("date-formats", "bad pattern '" + format + "': " + e.getMessage());
            }
        }
        if (formats.isEmpty()) {
            formats = List.of("yyyy-MM-dd HH:mm:ss", "yyyy-MM-dd HH:mm", "yyyy-MM-dd", "yyyy/MM/dd HH:mm",
                    "yyyy/MM/dd", "yyyy年M月d日 HH:mm", "yyyy年M月d日");
        }
        ZoneId zone = r.parsed("time-zone", false, text -> {
            try {
                return ZoneId.of(text);
            } catch (DateTimeException e) {
                throw new IllegalArgumentException("unknown time zone '" + text + "'");
            }
        });
        r.rejectUnknownKeys();
        return new DetailPages(idParam, idSelector, fields, formats, zone == null ? ZoneId.of("Asia/Shanghai") : zone);
    }

    private static FieldRule readRule(ConfigReader r, String selectorKey) {
        String selector = r.parsed(selectorKey, true, CrawlerConfig::checkSelector);
        String attribute = r.string("attr", false);
        Pattern regex = r.parsed("regex", false, text -> {
            try {
                return Pattern.compile(text);
            } catch (PatternSyntaxException e) {
                throw new IllegalArgumentException("bad regular expression: " + e.getDescription() + " in '" + text
                        + "'");
            }
        });
        return new FieldRule(selector, attribute, regex);
    }

    private static String checkSelector(String css) {
        try {
            QueryParser.parse(css);
            return css;
        } catch (RuntimeException e) {
            throw new IllegalArgumentException("bad CSS selector '" + css + "': " + e.getMessage());
        }
    }

    private static Politeness readPoliteness(ConfigReader r) {
        if (r == null) {
            return new Politeness(Duration.ofSeconds(2), 1, 3, Duration.ofSeconds(1), Duration.ofSeconds(20),
                    2_000_000, 5, DEFAULT_USER_AGENT, true);
        }
        Politeness p = new Politeness(
                r.duration("delay", Duration.ofSeconds(2)),
                r.integer("concurrency", 1, 1, 16),
                r.integer("retries", 3, 0, 10),
                r.duration("retry-backoff", Duration.ofSeconds(1)),
                r.duration("timeout", Duration.ofSeconds(20)),
                r.integer("max-page-kb", 2000, 1, 100_000) * 1000L,
                r.integer("max-redirects", 5, 0, 20),
                orDefault(r.string("user-agent", false), DEFAULT_USER_AGENT),
                r.bool("obey-robots", true));
        r.rejectUnknownKeys();
        return p;
    }

    private static NetworkPolicy readNetwork(ConfigReader r) {
        if (r == null) {
            return new NetworkPolicy(false, false);
        }
        NetworkPolicy n = new NetworkPolicy(r.bool("allow-loopback", false), r.bool("allow-private", false));
        r.rejectUnknownKeys();
        return n;
    }

    private static String orDefault(String value, String fallback) {
        return value == null ? fallback : value;
    }

    /** This config with another network policy and pacing; tests and benchmarks point sources at loopback. */
    public CrawlerConfig withStartUrls(List<URI> urls) {
        return new CrawlerConfig(name, channel, description, urls, list, detail, schedule, politeness, network,
                recheckUnrepliedFor);
    }

    public CrawlerConfig withPoliteness(Politeness other) {
        return new CrawlerConfig(name, channel, description, startUrls, list, detail, schedule, other, network,
                recheckUnrepliedFor);
    }

    public CrawlerConfig withNetwork(NetworkPolicy other) {
        return new CrawlerConfig(name, channel, description, startUrls, list, detail, schedule, politeness, other,
                recheckUnrepliedFor);
    }
}
