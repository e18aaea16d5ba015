package org.minyi.insight;

import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Message counts per region (rows) and topic (columns). Missing cells are 0.
 *
 * @param counts region → topic → count
 */
public record RegionTopicMatrix(List<String> regions, List<String> topics, Map<String, Map<String, Long>> counts) {

    public RegionTopicMatrix {
        regions = List.copyOf(regions);
        topics = List.copyOf(topics);
        Map<String, Map<String, Long>> copy = new TreeMap<>();
        counts.forEach((region, row) -> copy.put(region, Map.copyOf(row)));
        counts = java.util.Collections.unmodifiableMap(copy);
    }

    public long count(String region, String topic) {
        return counts.getOrDefault(region, Map.of()).getOrDefault(topic, 0L);
    }

    public long regionTotal(String region) {
        return counts.getOrDefault(region, Map.of()).values().stream().mapToLong(Long::longValue).sum();
    }

    public long topicTotal(String topic) {
        return regions.stream().mapToLong(r -> count(r, topic)).sum();
    }

    public long total() {
        return regions.stream().mapToLong(this::regionTotal).sum();
    }
}
