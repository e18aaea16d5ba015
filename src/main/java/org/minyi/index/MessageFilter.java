package org.minyi.index;

import java.time.Instant;
import java.util.Collections;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import org.minyi.analysis.Sentiment;
import org.minyi.message.Channel;

/**
 * Which messages a search, trend or top-list looks at. Every part is optional: null text and empty sets match
 * everything; values inside one set are alternatives (OR), different parts must all hold (AND).
 * The time range is half-open: {@code from <= createdAt < to}.
 *
 * <p>{@code scope} is not a choice of the reader but a limit on what they may read (a district office sees its
 * district): null means no limit; otherwise only messages filed under one of those regions match, and an empty
 * scope matches nothing. Adapters apply it in the index query like the other parts.
 *
 * <p>The last parts let a chart or table row open exactly its messages: {@code ids} (a hot issue's messages),
 * {@code agencies} (messages whose dated reply came from that agency, as reply timeliness counts them) and
 * {@code demandKeys} (messages with that demand).
 *
 * <p>{@code profile} filters on the demand profile: for each of {@link FacetField#PROFILE} (domain, group, stage,
 * area) the values wanted, alternatives within one part, all parts must hold.
 */
public record MessageFilter(
        String text,
        Set<String> topics,
        Set<Sentiment> sentiments,
        Set<String> regions,
        Set<Channel> channels,
        Set<String> sources,
        Instant from,
        Instant to,
        Set<String> scope,
        Set<String> ids,
        Set<String> agencies,
        Set<String> demandKeys,
        Map<FacetField, Set<String>> profile) {

    public static final MessageFilter ALL = new MessageFilter(null, Set.of(), Set.of(), Set.of(), Set.of(), Set.of(),
            null, null);

    public MessageFilter {
        topics = topics == null ? Set.of() : Set.copyOf(topics);
        sentiments = sentiments == null ? Set.of() : Set.copyOf(sentiments);
        regions = regions == null ? Set.of() : Set.copyOf(regions);
        channels = channels == null ? Set.of() : Set.copyOf(channels);
        sources = sources == null ? Set.of() : Set.copyOf(sources);
        scope = scope == null ? null : Set.copyOf(scope);
        ids = ids == null ? Set.of() : Set.copyOf(ids);
        agencies = agencies == null ? Set.of() : Set.copyOf(agencies);
        demandKeys = demandKeys == null ? Set.of() : Set.copyOf(demandKeys);
        profile = profileOf(profile);
        text = text == null || text.isBlank() ? null : text.strip();
        if (from != null && to != null && !from.isBefore(to)) {
            throw new IllegalArgumentException("time range is empty: from " + from + " is not before to " + to);
        }
    }

    /** A filter without a demand-profile part. */
    public MessageFilter(String text, Set<String> topics, Set<Sentiment> sentiments, Set<String> regions,
                         Set<Channel> channels, Set<String> sources, Instant from, Instant to, Set<String> scope,
                         Set<String> ids, Set<String> agencies, Set<String> demandKeys) {
        this(text, topics, sentiments, regions, channels, sources, from, to, scope, ids, agencies, demandKeys, null);
    }

    private static Map<FacetField, Set<String>> profileOf(Map<FacetField, Set<String>> profile) {
        if (profile == null || profile.isEmpty()) {
            return Map.of();
        }
        Map<FacetField, Set<String>> copy = new EnumMap<>(FacetField.class);
        profile.forEach((facet, values) -> {
            if (!FacetField.PROFILE.contains(facet)) {
                throw new IllegalArgumentException("cannot filter the demand profile on " + facet.key());
            }
            if (values != null && !values.isEmpty()) {
                copy.put(facet, Set.copyOf(values));
            }
        });
        return Collections.unmodifiableMap(copy);
    }

    /** Only messages with one of {@code values} in this part of the demand profile (empty: no limit on it). */
    public MessageFilter withProfile(FacetField facet, Set<String> values) {
        Map<FacetField, Set<String>> next = new EnumMap<>(FacetField.class);
        next.putAll(profile);
        next.put(facet, values == null ? Set.of() : values);
        return new MessageFilter(text, topics, sentiments, regions, channels, sources, from, to, scope, ids,
                agencies, demandKeys, next);
    }

    /** A filter without a scope limit, ids, agencies or demands. */
    public MessageFilter(String text, Set<String> topics, Set<Sentiment> sentiments, Set<String> regions,
                         Set<Channel> channels, Set<String> sources, Instant from, Instant to) {
        this(text, topics, sentiments, regions, channels, sources, from, to, null, null, null, null);
    }

    public static MessageFilter text(String text) {
        return ALL.withText(text);
    }

    public MessageFilter withText(String newText) {
        return new MessageFilter(newText, topics, sentiments, regions, channels, sources, from, to, scope, ids,
                agencies, demandKeys, profile);
    }

    public MessageFilter withTopics(Set<String> newTopics) {
        return new MessageFilter(text, newTopics, sentiments, regions, channels, sources, from, to, scope, ids,
                agencies, demandKeys, profile);
    }

    public MessageFilter withRegions(Set<String> newRegions) {
        return new MessageFilter(text, topics, sentiments, newRegions, channels, sources, from, to, scope, ids,
                agencies, demandKeys, profile);
    }

    public MessageFilter withPeriod(Instant newFrom, Instant newTo) {
        return new MessageFilter(text, topics, sentiments, regions, channels, sources, newFrom, newTo, scope, ids,
                agencies, demandKeys, profile);
    }

    /** Only these messages, by id. */
    public MessageFilter withIds(Set<String> newIds) {
        return new MessageFilter(text, topics, sentiments, regions, channels, sources, from, to, scope, newIds,
                agencies, demandKeys, profile);
    }

    /** Only messages whose dated reply came from one of these agencies. */
    public MessageFilter withAgencies(Set<String> newAgencies) {
        return new MessageFilter(text, topics, sentiments, regions, channels, sources, from, to, scope, ids,
                newAgencies, demandKeys, profile);
    }

    /** Only messages with one of these demand keys. */
    public MessageFilter withDemandKeys(Set<String> newDemandKeys) {
        return new MessageFilter(text, topics, sentiments, regions, channels, sources, from, to, scope, ids,
                agencies, newDemandKeys, profile);
    }

    /** This filter limited to {@code regions} as well: the scope becomes what both this and the new limit allow. */
    public MessageFilter withinScope(Set<String> regions) {
        Set<String> narrowed = new HashSet<>(regions);
        if (scope != null) {
            narrowed.retainAll(scope);
        }
        return new MessageFilter(text, topics, sentiments, this.regions, channels, sources, from, to, narrowed, ids,
                agencies, demandKeys, profile);
    }
}
