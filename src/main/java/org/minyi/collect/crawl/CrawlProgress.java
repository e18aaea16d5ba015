package org.minyi.collect.crawl;

import java.net.URI;

/** Told after every page, from crawler threads (one at a time). */
@FunctionalInterface
public interface CrawlProgress {

    CrawlProgress SILENT = (url, outcome, soFar) -> { };

    /**
     * @param outcome "list", "new", "updated", "unchanged" or "failed:KIND"
     */
    void pageDone(URI url, String outcome, CrawlReport soFar);
}
