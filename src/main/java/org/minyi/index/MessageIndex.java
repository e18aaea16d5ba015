package org.minyi.index;

import java.io.Closeable;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * Where analysed messages are stored and queried. Two adapters implement it: embedded Lucene (default) and
 * Elasticsearch; both must pass the same contract tests. Implementations are thread-safe.
 *
 * <p>Writes are keyed by message id: upserting an id that exists replaces it, never duplicates it. Writes become
 * visible to reads after {@link #refresh()} and durable after {@link #commit()}.
 */
public interface MessageIndex extends Closeable {

    void upsert(Collection<IndexedMessage> messages);

    /** @return whether a message with that id existed */
    boolean delete(String id);

    Optional<IndexedMessage> get(String id);

    /** Makes all writes so far visible to searches. */
    void refresh();

    /** Makes all writes so far durable (survive a crash) and visible. */
    void commit();

    long count();

    SearchResult search(SearchQuery query);

    /**
     * Hands every message matching the filter to {@code action}, each once and in no particular order, as of the
     * last refresh. For work that reads whole periods (hotspots): paging through sorted results instead costs a
     * sort per page and, on Elasticsearch, stops at the deepest page it serves.
     */
    void scan(MessageFilter filter, Consumer<? super IndexedMessage> action);

    /**
     * Like {@link #scan} but hands over each message's {@link IndexedMessage#summary()}, which an index may keep
     * apart from the whole message so that reading a whole period costs a fraction.
     */
    void scanSummaries(MessageFilter filter, Consumer<? super IndexedMessage> action);

    /**
     * The sentence vector stored with a message, when it was indexed with the encoder on. Read from the index as
     * written: vectors are computed once, at ingest.
     */
    Optional<float[]> vector(String id);

    /**
     * The {@code k} messages matching {@code filter} whose vectors are nearest to {@code vector} (approximate
     * nearest-neighbour search), most similar first. Messages without a vector are never returned.
     *
     * @param vector a unit vector of the encoder's dimensions
     */
    List<Neighbour> nearest(float[] vector, MessageFilter filter, int k);

    List<TrendSeries> trends(TrendQuery query);

    /**
     * Matching messages per issue ({@link IndexedMessage#issue()}, as assigned at indexing), most first (ties by
     * issue id), at most {@code limit}; messages without an issue are not counted. What a period's hotspots start
     * from: counting is cheap where grouping every message of the period is not.
     */
    List<TermCount> topIssues(MessageFilter filter, int limit);

    /**
     * The matching messages assigned to one of {@code issues}, as ranking needs them ({@link IssueMember}: time,
     * topic, region, attitude, votes, channel), in no order: the members of a period's candidate hotspots. Read
     * from columns, not from stored messages, since the largest issues of a long period can hold most of it.
     */
    void scanIssueMembers(java.util.Set<String> issues, MessageFilter filter, Consumer<? super IssueMember> action);

    /** Most frequent keywords among matching messages. */
    List<TermCount> topKeywords(MessageFilter filter, int limit);

    /** Most frequent demands (by demand key) among matching messages, each with an example sentence. */
    List<DemandCount> topDemands(MessageFilter filter, int limit);

    /**
     * Reply delays of the matching messages that have a reply time and a creation time: first the line over all of
     * them ({@link ReplyDelays#ALL}), then one per replying agency, most replies first (ties by name), at most
     * {@code maxAgencies}. Empty when no matching message has a dated reply.
     */
    List<ReplyDelays> replyDelays(MessageFilter filter, int maxAgencies);

    /**
     * Checks that the stored index can be read in full, while it keeps serving: the embedded index verifies every
     * segment of its last commit (Lucene's CheckIndex; writes go on meanwhile), Elasticsearch reports the health of
     * MinYi's indices. Costs a read of the whole index on the embedded one: an administrator's action.
     */
    IndexHealth checkHealth();

    @Override
    void close();
}
