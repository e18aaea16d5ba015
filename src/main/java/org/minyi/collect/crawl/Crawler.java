package org.minyi.collect.crawl;

import java.nio.file.Path;
import java.util.Optional;
import org.minyi.ingest.MessageSink;

/**
 * Crawls configured sources into a {@link MessageSink}, keeping each source's frontier, seen-set and status under
 * {@code stateRoot/<source>/}. A run interrupted by a crash or {@code kill -9} resumes where it stopped on the next
 * call: an item the sink acknowledged (a {@link MessageSink#flush() flush} returned after it was accepted) is never
 * delivered as new again; any other is fetched again.
 * One run per source at a time (the state folder is not shared between processes).
 */
public final class Crawler {

    private final Path stateRoot;

    /** @param stateRoot folder of per-source crawl state, e.g. {@code data/crawl} */
    public Crawler(Path stateRoot) {
        this.stateRoot = stateRoot;
    }

    /** Runs (or resumes) one crawl of {@code config}; returns when the frontier is empty or the thread is interrupted. */
    public CrawlReport crawl(CrawlerConfig config, MessageSink sink, CrawlProgress progress) {
        try (CrawlRun run = new CrawlRun(config, stateRoot, sink, progress)) {
            return run.execute();
        }
    }

    /** Last known status of a source, empty if it never ran here. */
    public Optional<CrawlStatus> status(String source) {
        return CrawlStatus.read(stateRoot, source);
    }
}
