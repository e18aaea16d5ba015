package org.minyi.web;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import org.minyi.index.IndexedMessage;
import org.minyi.index.MessageFilter;
import org.minyi.index.MessageIndex;
import org.minyi.index.SearchHit;
import org.minyi.index.SearchOrder;
import org.minyi.index.SearchQuery;
import org.minyi.index.SearchResult;
import org.minyi.message.Message;
import org.minyi.message.Reply;

/**
 * How fast messages are answered: for each replying agency, the share of replied messages answered within 1, 7
 * and 30 days (reply time − message time). The index port has no aggregation for this, so matching messages are
 * read page by page, at most {@code maxMessages} of them, newest first; the answer says whether it stopped early.
 * That takes about a second per 8,000 messages, so answers are kept until the index's message count changes.
 */
final class ReplyTimeliness {

    /** One agency's figures (agency "全部" is the total over all agencies). */
    public record AgencyTimeliness(String agency, int replied, double within1Day, double within7Days, double within30Days,
                            double medianDays) {
    }

    /** Figures by agency, most replies first, after the total; {@code scanned} messages were read. */
    public record Report(List<AgencyTimeliness> agencies, long matching, int scanned, int replied, boolean truncated) {
    }

    static final String ALL_AGENCIES = "全部";

    private static final int CACHED_ANSWERS = 200;

    private final MessageIndex index;
    private final Map<String, Report> answers = new ConcurrentHashMap<>();

    ReplyTimeliness(MessageIndex index) {
        this.index = index;
    }

    Report measure(MessageFilter filter, int maxMessages, int maxAgencies) {
        String key = index.count() + "|" + maxMessages + "|" + maxAgencies + "|" + filter;
        Report cached = answers.get(key);
        if (cached != null) {
            return cached;
        }
        Report report = compute(filter, maxMessages, maxAgencies);
        if (answers.size() >= CACHED_ANSWERS) {
            answers.clear(); // crude, but the keys of an older index count are useless anyway
        }
        answers.put(key, report);
        return report;
    }

    private Report compute(MessageFilter filter, int maxMessages, int maxAgencies) {
        Map<String, List<Duration>> delays = new TreeMap<>();
        List<Duration> all = new ArrayList<>();
        int scanned = 0;
        long matching = 0;
        for (int page = 0; scanned < maxMessages; page++) {
            int size = Math.min(SearchQuery.MAX_PAGE_SIZE, maxMessages - scanned);
            SearchResult result = index.search(new SearchQuery(filter, SearchOrder.NEWEST, page, size, Set.of(), 1));
            matching = result.total();
            for (SearchHit hit : result.hits()) {
                Duration delay = replyDelay(hit.message());
                if (delay != null) {
                    String agency = hit.message().message().reply().agency();
                    delays.computeIfAbsent(agency == null || agency.isBlank() ? "未注明" : agency.strip(),
                            k -> new ArrayList<>()).add(delay);
                    all.add(delay);
                }
            }
            scanned += result.hits().size();
            if (result.hits().size() < size) {
                break;
            }
        }
        List<AgencyTimeliness> rows = new ArrayList<>();
        if (!all.isEmpty()) {
            rows.add(figures(ALL_AGENCIES, all));
        }
        delays.entrySet().stream()
                .sorted(Comparator.comparingInt((Map.Entry<String, List<Duration>> e) -> e.getValue().size()).reversed())
                .limit(maxAgencies)
                .forEach(e -> rows.add(figures(e.getKey(), e.getValue())));
        return new Report(rows, matching, scanned, all.size(), scanned < matching);
    }

    /** Null when the message has no dated reply; a reply dated before the message counts as answered at once. */
    private static Duration replyDelay(IndexedMessage indexed) {
        Message message = indexed.message();
        Reply reply = message.reply();
        if (reply == null || reply.time() == null || message.createdAt() == null) {
            return null;
        }
        Duration delay = Duration.between(message.createdAt(), reply.time());
        return delay.isNegative() ? Duration.ZERO : delay;
    }

    private static AgencyTimeliness figures(String agency, List<Duration> delays) {
        List<Duration> sorted = delays.stream().sorted().toList();
        int n = sorted.size();
        return new AgencyTimeliness(agency, n, share(sorted, 1), share(sorted, 7), share(sorted, 30),
                sorted.get(n / 2).toHours() / 24.0);
    }

    private static double share(List<Duration> delays, int days) {
        Duration limit = Duration.ofDays(days);
        return (double) delays.stream().filter(d -> d.compareTo(limit) <= 0).count() / delays.size();
    }
}
