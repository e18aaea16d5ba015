package org.minyi.collect.crawl;

import java.time.Instant;
import java.util.Collections;
import java.util.EnumMap;
import java.util.Map;

/**
 * Counts of one crawl run (also passed to {@link CrawlProgress} while it runs). A resumed run counts the work done
 * before the crash too.
 *
 * @param listPages      list pages fetched
 * @param detailPages    detail pages requested (a 304 answer counts: the request was made)
 * @param itemsNew       items delivered to the sink for the first time
 * @param itemsUpdated   known items delivered again because their content changed (e.g. a reply appeared)
 * @param itemsUnchanged known items re-checked and found unchanged (304 or same content hash)
 * @param frontierLeft   URLs still waiting; non-zero in a final report only when the run was interrupted
 */
public record CrawlReport(String source, Instant started, Instant finished, boolean resumed, int listPages,
        int detailPages, int itemsNew, int itemsUpdated, int itemsUnchanged, Map<FailureKind, Integer> errors,
        int frontierLeft) {

    public CrawlReport {
        errors = Collections.unmodifiableMap(errors.isEmpty() ? new EnumMap<>(FailureKind.class)
                : new EnumMap<>(errors));
    }

    public int pagesFetched() {
        return listPages + detailPages;
    }

    public int errorCount() {
        return errors.values().stream().mapToInt(Integer::intValue).sum();
    }
}
