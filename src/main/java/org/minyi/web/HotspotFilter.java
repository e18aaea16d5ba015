package org.minyi.web;

import java.util.List;
import java.util.Set;
import java.util.function.Predicate;
import org.minyi.insight.Hotspot;

/**
 * The dashboard's topic, region and channel filters applied to hotspots. Issues are formed from all messages (an
 * issue does not split by topic), then kept when their main topic is one asked for, and when some of their messages
 * come from a region or channel asked for. Values of one filter are alternatives; all filters given must hold.
 */
final class HotspotFilter implements Predicate<Hotspot> {

    private final Set<String> topics;
    private final Set<String> regions;
    private final Set<String> channels;

    HotspotFilter(List<String> topics, List<String> regions, List<String> channels) {
        this.topics = values(topics);
        this.regions = values(regions);
        this.channels = values(channels);
    }

    @Override
    public boolean test(Hotspot h) {
        return (topics.isEmpty() || topics.contains(h.topic()))
                && (regions.isEmpty() || h.regions().stream().anyMatch(regions::contains))
                && (channels.isEmpty() || h.channels().stream().anyMatch(channels::contains));
    }

    /** "a,b" and repeated parameters alike; blanks dropped. */
    private static Set<String> values(List<String> given) {
        if (given == null) {
            return Set.of();
        }
        return given.stream().flatMap(v -> java.util.Arrays.stream(v.split(","))).map(String::strip)
                .filter(v -> !v.isEmpty()).collect(java.util.stream.Collectors.toUnmodifiableSet());
    }
}
