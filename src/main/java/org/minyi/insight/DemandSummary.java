package org.minyi.insight;

import java.util.List;
import org.minyi.index.TermCount;
import org.minyi.index.TrendPoint;

/**
 * One demand as a leader reads it: the action phrase, how many messages ask it, where, how that changed and which
 * messages to open.
 *
 * @param demandKey  the action phrase (修复路灯), also the {@code demand} filter value that opens its messages
 * @param count      messages asking it
 * @param example    one masked demand sentence
 * @param regions    regions asking it most, with counts (up to three)
 * @param months     messages per month, oldest first
 * @param trend      the last month against the mean of the months before it: 上升, 下降 or 平稳 (one month: 新出现)
 * @param exampleIds the newest messages asking it (up to three)
 */
public record DemandSummary(String demandKey, long count, String example, List<TermCount> regions,
                            List<TrendPoint> months, String trend, List<String> exampleIds) {

    public DemandSummary {
        regions = List.copyOf(regions);
        months = List.copyOf(months);
        exampleIds = List.copyOf(exampleIds);
    }
}
