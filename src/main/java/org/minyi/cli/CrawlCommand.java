package org.minyi.cli;

import java.io.PrintStream;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.minyi.collect.crawl.CrawlReport;
import org.minyi.collect.crawl.Crawler;
import org.minyi.collect.crawl.CrawlerConfig;
import org.minyi.collect.crawl.CrawlerConfigException;
import org.minyi.collect.crawl.CrawlerConfigs;
import org.minyi.collect.crawl.JsonLinesMessageSink;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code minyi crawl SOURCE}: one (resumable, incremental) crawl of a configured source, with progress. */
@Command(name = "crawl", mixinStandardHelpOptions = true,
        description = "Crawl one source of crawler-config/ (resumes an interrupted run; later runs fetch only "
                + "new or changed items).")
public final class CrawlCommand implements Callable<Integer> {

    @Parameters(index = "0", arity = "0..1", paramLabel = "SOURCE",
            description = "source name = config file name without .yaml")
    String source;

    @Option(names = "--config-dir", defaultValue = "crawler-config", description = "default: ${DEFAULT-VALUE}")
    Path configDir;

    @Option(names = "--state-dir", defaultValue = "data/crawl", description = "default: ${DEFAULT-VALUE}")
    Path stateDir;

    @Option(names = "--out", description = "JSON-lines file the crawled messages are appended to "
            + "(default: STATE-DIR/SOURCE/messages.jsonl)")
    Path out;

    @Option(names = "--check", description = "only validate every config of --config-dir and exit")
    boolean checkOnly;

    @Override
    public Integer call() {
        PrintStream err = System.err;
        try {
            CrawlerConfigs.loadAll(configDir);
            if (checkOnly) {
                err.println("crawler configs in " + configDir + " are valid");
                return 0;
            }
            if (source == null) {
                err.println("which source? give SOURCE (a config file name in " + configDir + " without .yaml)");
                return 2;
            }
            CrawlerConfig config = CrawlerConfigs.load(configDir, source);
            Path target = out != null ? out : stateDir.resolve(config.name()).resolve("messages.jsonl");
            long startNanos = System.nanoTime();
            CrawlReport report;
            try (JsonLinesMessageSink sink = new JsonLinesMessageSink(target)) {
                report = new Crawler(stateDir).crawl(config, sink, (url, outcome, soFar) -> err.printf(
                        "\r%s: pages %d (list %d) | new %d | updated %d | unchanged %d | errors %d | queued %d   ",
                        soFar.source(), soFar.pagesFetched(), soFar.listPages(), soFar.itemsNew(),
                        soFar.itemsUpdated(), soFar.itemsUnchanged(), soFar.errorCount(), soFar.frontierLeft()));
            }
            double seconds = (System.nanoTime() - startNanos) / 1e9;
            err.println();
            System.out.printf("%s: %d pages in %.1f s (%.1f pages/s); new %d, updated %d, unchanged %d; errors %s%n",
                    report.source(), report.pagesFetched(), seconds, report.pagesFetched() / Math.max(seconds, 1e-9),
                    report.itemsNew(), report.itemsUpdated(), report.itemsUnchanged(), report.errors());
            System.out.println("messages: " + target);
            return report.frontierLeft() == 0 ? 0 : 1;
        } catch (CrawlerConfigException e) {
            err.println(e.getMessage());
            return 2;
        }
    }
}
