package org.minyi.collect.crawl;

import crawlercommons.robots.BaseRobotRules;
import crawlercommons.robots.SimpleRobotRulesParser;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * robots.txt per host, fetched once per crawl through the same guarded fetcher. A missing robots.txt (4xx) allows
 * everything; one that cannot be fetched (5xx, network) forbids everything for this run, as the major search
 * engines do, because the site may be struggling.
 */
final class RobotsRules {

    private final Fetcher fetcher;
    private final HostGate gate;
    private final String agentName;
    private final boolean obey;
    private final Map<String, BaseRobotRules> byHost = new ConcurrentHashMap<>();
    private final SimpleRobotRulesParser parser = new SimpleRobotRulesParser();

    RobotsRules(Fetcher fetcher, HostGate gate, String userAgent, boolean obey) {
        this.fetcher = fetcher;
        this.gate = gate;
        this.obey = obey;
        // "MinYiBot/0.1 (+...)" is matched in robots.txt by its product token "minyibot".
        this.agentName = userAgent.split("[/\\s]", 2)[0].toLowerCase(Locale.ROOT);
    }

    boolean allows(URI uri) throws InterruptedException {
        if (!obey) {
            return true;
        }
        String origin = uri.getScheme().toLowerCase(Locale.ROOT) + "://" + uri.getRawAuthority().toLowerCase(Locale.ROOT);
        BaseRobotRules rules = byHost.get(origin);
        if (rules == null) {
            rules = load(origin);
            byHost.put(origin, rules);
            if (rules.getCrawlDelay() > 0) {
                gate.slowDownTo(uri.getHost().toLowerCase(Locale.ROOT), Duration.ofMillis(rules.getCrawlDelay()));
            }
        }
        return rules.isAllowed(uri.toString());
    }

    private BaseRobotRules load(String origin) throws InterruptedException {
        URI robots = URI.create(origin + "/robots.txt");
        try {
            Page page = fetcher.fetch(robots, Validators.NONE);
            return parser.parseContent(robots.toString(), page.body(), "text/plain", List.of(agentName));
        } catch (FetchException e) {
            return parser.failedFetch(e.kind() == FailureKind.HTTP_CLIENT_ERROR ? 404 : 503);
        }
    }
}
