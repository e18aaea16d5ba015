package org.minyi.collect.crawl;

import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.minyi.collect.crawl.CrawlerConfig.ItemField;
import org.minyi.message.Message;
import org.minyi.message.Reply;

/** Turns a parsed detail page into a {@link Message} of the source, and names items before they are fetched. */
final class ItemMapper {

    // Finds the date inside labels like "来信时间：2022-05-10 09:30" when no regex was configured.
    private static final Pattern DATE_IN_TEXT = Pattern.compile(
            "\\d{4}\\s*[-/.年]\\s*\\d{1,2}\\s*[-/.月]\\s*\\d{1,2}\\s*日?(?:\\s*\\d{1,2}:\\d{2}(?::\\d{2})?)?");

    private final CrawlerConfig config;
    private final List<DateTimeFormatter> formats;

    ItemMapper(CrawlerConfig config) {
        this.config = config;
        this.formats = config.detail().dateFormats().stream().map(DateTimeFormatter::ofPattern).toList();
    }

    /**
     * The key an item is remembered by, known before fetching: the configured URL parameter (so the same letter
     * reached through two list URLs is one item) or else the whole URL.
     */
    String itemKey(URI detailUrl) {
        String param = config.detail().idUrlParam();
        if (param != null && detailUrl.getRawQuery() != null) {
            for (String pair : detailUrl.getRawQuery().split("&")) {
                int eq = pair.indexOf('=');
                if (eq > 0 && pair.substring(0, eq).equals(param) && eq < pair.length() - 1) {
                    return URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8);
                }
            }
        }
        return detailUrl.toString();
    }

    Message toMessage(String itemKey, URI url, PageParser.DetailPage page) throws FetchException {
        Map<ItemField, String> v = page.values();
        String title = v.get(ItemField.TITLE);
        // A letter whose body is empty still says something through its title; only both missing is no item.
        String text = v.getOrDefault(ItemField.BODY, title);
        if (text == null || text.isBlank()) {
            throw new FetchException(FailureKind.NO_CONTENT, "no body or title found on " + url);
        }
        String localId = page.pageId() != null && !page.pageId().isBlank() ? page.pageId()
                : itemKey.equals(url.toString()) ? shortHash(itemKey) : itemKey;
        Reply reply = new Reply(v.get(ItemField.REPLY), v.get(ItemField.REPLY_AGENCY), time(v.get(ItemField.REPLY_TIME)));
        return new Message(config.name() + ":" + localId, config.name(), config.channel(), title, text,
                time(v.get(ItemField.TIME)), v.get(ItemField.REGION), url.toString(), null,
                reply.isEmpty() ? null : reply);
    }

    Instant time(String text) {
        if (text == null) {
            return null;
        }
        String candidate = text.strip();
        Instant parsed = parse(candidate);
        if (parsed == null) {
            Matcher m = DATE_IN_TEXT.matcher(candidate);
            if (m.find()) {
                parsed = parse(m.group().replaceAll("\\s*([-/.年月日])\\s*", "$1").strip());
            }
        }
        return parsed;
    }

    private Instant parse(String text) {
        for (DateTimeFormatter format : formats) {
            try {
                return LocalDateTime.parse(text, format).atZone(config.detail().timeZone()).toInstant();
            } catch (DateTimeParseException e) {
                try {
                    return LocalDate.parse(text, format).atStartOfDay(config.detail().timeZone()).toInstant();
                } catch (DateTimeParseException notThisOne) {
                    // try the next format
                }
            }
        }
        return null;
    }

    /** Fingerprint of what the sink would store: an unchanged fingerprint means nothing to re-deliver. */
    static String contentHash(Message m) {
        String canonical = String.join("\u0001", String.valueOf(m.title()), m.text(), String.valueOf(m.createdAt()),
                String.valueOf(m.region()),
                m.reply() == null ? "" : String.join("\u0001", String.valueOf(m.reply().text()),
                        String.valueOf(m.reply().agency()), String.valueOf(m.reply().time())));
        return sha256(canonical).substring(0, 32);
    }

    private static String shortHash(String text) {
        return sha256(text).substring(0, 16);
    }

    private static String sha256(String text) {
        try {
            return HexFormat.of().formatHex(
                    MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JDK", e);
        }
    }
}
