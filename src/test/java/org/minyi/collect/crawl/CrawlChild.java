package org.minyi.collect.crawl;

import java.net.URI;
import java.nio.file.Path;

/** Runs one crawl in its own JVM so the crash test can kill it with SIGKILL. Args: state dir, sink file, start URL. */
public final class CrawlChild {

    private CrawlChild() {
    }

    public static void main(String[] args) {
        CrawlerConfig config = Fixtures.shangluoAt(URI.create(args[2]), 1);
        try (JsonLinesMessageSink sink = new JsonLinesMessageSink(Path.of(args[1]))) {
            new Crawler(Path.of(args[0])).crawl(config, sink, CrawlProgress.SILENT);
        }
    }
}
