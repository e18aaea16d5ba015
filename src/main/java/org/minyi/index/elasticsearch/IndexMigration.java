package org.minyi.index.elasticsearch;

import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.function.LongConsumer;
import org.minyi.index.IndexedMessage;
import org.minyi.index.MessageFilter;
import org.minyi.index.MessageIndex;

/**
 * Copies every message of one index into another through the port alone (the migration from the embedded index
 * to Elasticsearch): a {@link MessageIndex#scan scan} of the source, upserted in batches. (It paged through the
 * source day by day before the port could scan, which broke on a day of more than 10,000 messages once page
 * numbers were capped.)
 */
public final class IndexMigration {

    private static final int BATCH = 500;

    /** @param zone the zone the source index buckets days in (no longer needed; kept for callers) */
    public IndexMigration(ZoneId zone) {
        java.util.Objects.requireNonNull(zone, "zone");
    }

    /** @return how many messages were copied; {@code progress} hears the running total after each batch */
    public long copy(MessageIndex from, MessageIndex to, LongConsumer progress) {
        List<IndexedMessage> batch = new ArrayList<>(BATCH);
        long[] copied = {0};
        Runnable ship = () -> {
            to.upsert(List.copyOf(batch));
            copied[0] += batch.size();
            batch.clear();
            progress.accept(copied[0]);
        };
        from.scan(MessageFilter.ALL, message -> {
            // sentence vectors are kept apart from the message record: copied along so no one re-encodes
            batch.add(from.vector(message.id())
                    .map(v -> new IndexedMessage(message.message(), message.analysis().withEmbedding(v), message.issue()))
                    .orElse(message));
            if (batch.size() == BATCH) {
                ship.run();
            }
        });
        if (!batch.isEmpty()) {
            ship.run();
        }
        return copied[0];
    }
}
