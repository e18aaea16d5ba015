package org.minyi.savedsearch;

import java.time.Instant;
import java.util.Objects;
import java.util.Set;
import java.util.regex.Pattern;
import org.minyi.InvalidInput;
import org.minyi.analysis.Sentiment;
import org.minyi.index.MessageFilter;
import org.minyi.index.query.SearchExpression;
import org.minyi.message.Channel;

/**
 * A saved search (专题): a named expression with filters that a team follows over time — its own trend and counts on
 * the dashboard, the messages one click away, and a condition alert rules can watch. Saved searches have no period:
 * whoever looks at one chooses it.
 *
 * @param id         stable identifier, letters, digits, '.', '_' or '-'
 * @param query      an expression of the search language ({@link SearchExpression}); blank for every message
 * @param owner      the user who made it; they and admins may change it
 * @param sharedWith roles whose users may see and use it besides the owner (lower case: manager, leader…)
 */
public record SavedSearch(String id, String name, String query, Set<String> topics, Set<String> sentiments,
                          Set<String> regions, Set<String> channels, Set<String> sources, String owner,
                          Set<String> sharedWith, Instant created, Instant updated) {

    private static final Pattern ID = Pattern.compile("[A-Za-z0-9._-]{1,64}");
    static final int MAX_NAME = 60;

    public SavedSearch {
        if (id == null || !ID.matcher(id).matches()) {
            throw new InvalidInput("saved_search.id", "专题编号只能由 1-64 个字母、数字、'.'、'_' 或 '-' 组成",
                    "saved search id must be 1-64 letters, digits, '.', '_' or '-', was '" + id + "'");
        }
        if (name == null || name.isBlank() || name.strip().length() > MAX_NAME) {
            throw new InvalidInput("saved_search.name", "专题需要一个 1-" + MAX_NAME + " 个字的名称",
                    "a saved search needs a name of 1-" + MAX_NAME + " characters");
        }
        name = name.strip();
        query = query == null ? "" : query.strip();
        SearchExpression.checkSyntax(query);
        topics = clean(topics);
        sentiments = clean(sentiments);
        sentiments.forEach(Sentiment::parse);
        regions = clean(regions);
        channels = clean(channels);
        channels.forEach(Channel::parse);
        sources = clean(sources);
        Objects.requireNonNull(owner, "owner");
        sharedWith = clean(sharedWith);
        Objects.requireNonNull(created, "created");
        updated = updated == null ? created : updated;
    }

    /** The messages it follows, over any period; the reader's jurisdiction is applied where it is read. */
    public MessageFilter filter() {
        return new MessageFilter(query.isEmpty() ? null : query, topics,
                sentiments.stream().map(Sentiment::parse).collect(java.util.stream.Collectors.toSet()), regions,
                channels.stream().map(Channel::parse).collect(java.util.stream.Collectors.toSet()), sources, null, null);
    }

    /** The same messages within {@code [from, to)}. */
    public MessageFilter filter(Instant from, Instant to) {
        MessageFilter all = filter();
        return new MessageFilter(all.text(), all.topics(), all.sentiments(), all.regions(), all.channels(),
                all.sources(), from, to);
    }

    private static Set<String> clean(Set<String> values) {
        return values == null ? Set.of() : Set.copyOf(values.stream().map(String::strip).filter(v -> !v.isEmpty())
                .toList());
    }
}
