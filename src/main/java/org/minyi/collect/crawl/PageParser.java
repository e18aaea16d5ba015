package org.minyi.collect.crawl;

import java.net.URI;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.select.Elements;
import org.minyi.collect.crawl.CrawlerConfig.FieldRule;
import org.minyi.collect.crawl.CrawlerConfig.ItemField;

/** Reads list pages (item links, next page) and detail pages (fields) with the selectors of one source. */
final class PageParser {

    /** What a list page offers: detail links in page order, and the next list page if any. */
    record ListPage(List<URI> itemLinks, URI nextPage) {
    }

    /** Field values of one detail page (absent fields are missing from the map) and the page's own id, if any. */
    record DetailPage(Map<ItemField, String> values, String pageId) {
    }

    private final CrawlerConfig config;

    PageParser(CrawlerConfig config) {
        this.config = config;
    }

    ListPage parseList(Page page) {
        Document doc = Jsoup.parse(page.html(), page.uri().toString());
        Set<URI> links = new LinkedHashSet<>();
        for (Element a : doc.select(config.list().itemLinkSelector())) {
            URI link = link(a);
            if (link != null) {
                links.add(link);
            }
        }
        URI next = null;
        if (config.list().nextPageSelector() != null) {
            Element a = doc.selectFirst(config.list().nextPageSelector());
            next = a == null ? null : link(a);
        }
        return new ListPage(new ArrayList<>(links), next);
    }

    DetailPage parseDetail(Page page) {
        Document doc = Jsoup.parse(page.html(), page.uri().toString());
        Map<ItemField, String> values = new EnumMap<>(ItemField.class);
        config.detail().fields().forEach((field, rule) -> {
            String value = extract(doc, rule);
            if (value != null && !value.isBlank()) {
                values.put(field, value);
            }
        });
        FieldRule idRule = config.detail().idSelector();
        return new DetailPage(values, idRule == null ? null : extract(doc, idRule));
    }

    private static String extract(Document doc, FieldRule rule) {
        Elements found = doc.select(rule.selector());
        if (found.isEmpty()) {
            return null;
        }
        List<String> parts = new ArrayList<>();
        for (Element e : found) {
            parts.add(rule.attribute() != null ? e.attr(rule.attribute()).strip() : ReadableText.of(e));
        }
        String text = String.join("\n", parts).strip();
        if (rule.regex() == null) {
            return text;
        }
        Matcher m = rule.regex().matcher(text);
        if (!m.find()) {
            return null;
        }
        return (m.groupCount() >= 1 ? m.group(1) : m.group()).strip();
    }

    /** Absolute http(s) link without fragment, or null for javascript:, mailto: and malformed hrefs. */
    static URI link(Element a) {
        String href = a.absUrl("href");
        if (href.isEmpty()) {
            return null;
        }
        try {
            URI uri = URI.create(href.split("#", 2)[0].replace(" ", "%20")).normalize();
            String scheme = uri.getScheme();
            boolean web = scheme != null && (scheme.equalsIgnoreCase("http") || scheme.equalsIgnoreCase("https"));
            return web && uri.getHost() != null ? uri : null;
        } catch (IllegalArgumentException e) {
            return null;
        }
    }
}
