package org.minyi.index;

import java.time.Instant;
import java.util.Set;
import org.minyi.analysis.Sentiment;
import org.minyi.message.Channel;

/**
 * Which messages a search, trend or top-list looks at. Every part is optional: null text and empty sets match
 * everything; values inside one set are alternatives (OR), different parts must all hold (AND).
 * The time range is half-open: {@code from <= createdAt < to}.
 */
public record MessageFilter(
        String text,
        Set<String> topics,
        Set<Sentiment> sentiments,
        Set<String> regions,
        Set<Channel> channels,
        Set<String> sources,
        Instant from,
        Instant to) {

    public static final MessageFilter ALL = new MessageFilter(null, Set.of(), Set.of(), Set.of(), Set.of(), Set.of(),
            null, null);

    public MessageFilter {
        topics = topics == null ? Set.of() : Set.copyOf(topics);
        sentiments = sentiments == null ? Set.of() : Set.copyOf(sentiments);
        regions = regions == null ? Set.of() : Set.copyOf(regions);
        channels = channels == null ? Set.of() : Set.copyOf(channels);
        sources = sources == null ? Set.of() : Set.copyOf(sources);
        text = text == null || text.isBlank() ? null : text.strip();
        if (from != null && to != null && !from.isBefore(to)) {
            throw new IllegalArgumentException("time range is empty: from " + from + " is not before to " + to);
        }
    }

    public static MessageFilter text(String text) {
        return ALL.withText(text);
    }

    public MessageFilter withText(String newText) {
        return new MessageFilter(newText, topics, sentiments, regions, channels, sources, from, to);
    }
}
