package org.minyi.insight;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.Optional;
import org.minyi.index.IndexedMessage;
import org.minyi.index.MessageFilter;
import org.minyi.index.MessageIndex;
import org.minyi.index.Neighbour;

/**
 * "This was asked before, and here is how it was answered": the messages nearest in meaning to one message, among
 * those written before it, through the sentence vectors stored at ingest (none is computed here). Answered ones
 * come first among equally close messages only by their closeness; the caller shows the replies.
 */
public final class SimilarMessages {

    /** At most this many neighbours are asked for. */
    public static final int MAX_LIMIT = 50;

    /**
     * @param vectorKnown false when the message was indexed without the encoder: nothing can be said then
     */
    public record Answer(IndexedMessage message, boolean vectorKnown, List<Neighbour> similar) {
    }

    private final MessageIndex index;

    public SimilarMessages(MessageIndex index) {
        this.index = index;
    }

    /**
     * @param scope a filter every neighbour must also match (e.g. the reader's jurisdiction), or {@code ALL}
     * @throws NoSuchElementException when no message has that id
     */
    public Answer earlierThan(String id, MessageFilter scope, int limit) {
        if (limit < 1 || limit > MAX_LIMIT) {
            throw new IllegalArgumentException("limit must be 1.." + MAX_LIMIT + ", was " + limit);
        }
        IndexedMessage message = index.get(id).orElseThrow(() -> new NoSuchElementException("no message with id " + id));
        Optional<float[]> vector = index.vector(id);
        if (vector.isEmpty()) {
            return new Answer(message, false, List.of());
        }
        Instant before = message.message().createdAt();
        MessageFilter filter = before == null ? scope
                : new MessageFilter(scope.text(), scope.topics(), scope.sentiments(), scope.regions(), scope.channels(),
                        scope.sources(), scope.from(), scope.to() == null || before.isBefore(scope.to()) ? before
                        : scope.to());
        List<Neighbour> similar = new ArrayList<>(limit);
        for (Neighbour n : index.nearest(vector.get(), filter, limit + 1)) {
            if (!n.message().id().equals(id) && similar.size() < limit) {
                similar.add(n);
            }
        }
        return new Answer(message, true, similar);
    }
}
