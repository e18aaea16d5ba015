package org.minyi.web;

import java.util.List;
import java.util.Set;
import org.minyi.index.MessageFilter;
import org.minyi.index.MessageIndex;
import org.minyi.index.ReplyDelays;
import org.minyi.index.SearchQuery;

/**
 * How fast messages are answered, as the dashboard charts it: for each replying agency, the share of replied
 * messages answered within 1, 7 and 30 days. The index aggregates the delays ({@link MessageIndex#replyDelays}),
 * so the answer costs the same at 100k messages as at 1k.
 */
final class ReplyTimeliness {

    /** One agency's figures (agency "全部" is the total over all agencies). */
    public record AgencyTimeliness(String agency, long replied, double within1Day, double within7Days,
                                   double within30Days, double medianDays) {

        static AgencyTimeliness of(ReplyDelays delays) {
            double n = delays.replied();
            return new AgencyTimeliness(delays.agency(), delays.replied(), delays.within1Day() / n,
                    delays.within7Days() / n, delays.within30Days() / n, delays.medianDays());
        }
    }

    /** Figures by agency, most replies first, after the total; of {@code matching} messages, {@code replied} count. */
    public record Report(List<AgencyTimeliness> agencies, long matching, long replied) {
    }

    static final String ALL_AGENCIES = ReplyDelays.ALL;

    private final MessageIndex index;

    ReplyTimeliness(MessageIndex index) {
        this.index = index;
    }

    Report measure(MessageFilter filter, int maxAgencies) {
        List<AgencyTimeliness> agencies = index.replyDelays(filter, maxAgencies).stream()
                .map(AgencyTimeliness::of)
                .toList();
        long matching = index.search(new SearchQuery(filter, null, 0, 0, Set.of(), 1)).total();
        return new Report(agencies, matching, agencies.isEmpty() ? 0 : agencies.getFirst().replied());
    }
}
