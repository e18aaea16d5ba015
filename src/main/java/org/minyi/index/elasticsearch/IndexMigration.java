package org.minyi.index.elasticsearch;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.function.LongConsumer;
import org.minyi.index.IndexedMessage;
import org.minyi.index.MessageFilter;
import org.minyi.index.MessageIndex;
import org.minyi.index.SearchHit;
import org.minyi.index.SearchOrder;
import org.minyi.index.SearchQuery;
import org.minyi.index.TrendInterval;
import org.minyi.index.TrendPoint;
import org.minyi.index.TrendQuery;
import org.minyi.index.TrendSeries;
import org.minyi.index.TrendSplit;

/**
 * Copies every message of one index into another through the port alone (the migration from the embedded index
 * to Elasticsearch). The port has no scan, and deep pages are costly, so messages are read one local day at a
 * time (the daily trend says which days have any), then those without a creation time, which sort last.
 */
public final class IndexMigration {

    private final ZoneId zone;

    /** @param zone the zone the source index buckets days in */
    public IndexMigration(ZoneId zone) {
        this.zone = zone;
    }

    /** @return how many messages were copied; {@code progress} hears the running total after each batch */
    public long copy(MessageIndex from, MessageIndex to, LongConsumer progress) {
        long copied = 0;
        long dated = 0;
        TrendSeries days = from.trends(new TrendQuery(MessageFilter.ALL, TrendInterval.DAY, TrendSplit.NONE, 1))
                .getFirst();
        for (TrendPoint day : days.points()) {
            if (day.count() == 0) {
                continue;
            }
            dated += day.count();
            LocalDate date = day.start();
            MessageFilter ofDay = new MessageFilter(null, null, null, null, null, null,
                    date.atStartOfDay(zone).toInstant(), date.plusDays(1).atStartOfDay(zone).toInstant());
            for (int page = 0; ; page++) {
                List<IndexedMessage> batch = page(from, ofDay, page, false);
                to.upsert(batch);
                copied += batch.size();
                progress.accept(copied);
                if (batch.size() < SearchQuery.MAX_PAGE_SIZE) {
                    break;
                }
            }
        }
        // Undated messages come after all dated ones in the oldest-first order.
        long total = from.count();
        for (int page = (int) (dated / SearchQuery.MAX_PAGE_SIZE); (long) page * SearchQuery.MAX_PAGE_SIZE < total;
             page++) {
            List<IndexedMessage> batch = page(from, MessageFilter.ALL, page, true);
            to.upsert(batch);
            copied += batch.size();
            progress.accept(copied);
        }
        return copied;
    }

    private static List<IndexedMessage> page(MessageIndex from, MessageFilter filter, int page, boolean undatedOnly) {
        List<SearchHit> hits = from.search(new SearchQuery(filter, SearchOrder.OLDEST, page,
                SearchQuery.MAX_PAGE_SIZE, java.util.Set.of(), 1)).hits();
        List<IndexedMessage> batch = new ArrayList<>(hits.size());
        for (SearchHit hit : hits) {
            if (!undatedOnly || hit.message().message().createdAt() == null) {
                batch.add(hit.message());
            }
        }
        return batch;
    }
}
