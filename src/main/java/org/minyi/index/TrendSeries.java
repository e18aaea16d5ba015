package org.minyi.index;

import java.util.List;

/** One line of a trend chart. {@code key} is the topic or region, or "all" without a split. */
public record TrendSeries(String key, long total, List<TrendPoint> points) {

    public TrendSeries {
        points = List.copyOf(points);
    }
}
