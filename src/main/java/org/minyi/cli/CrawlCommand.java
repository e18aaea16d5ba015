package org.minyi.cli;

import java.io.PrintStream;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.minyi.MinYiSettings;
import org.minyi.MinYiStack;
import org.minyi.collect.crawl.CrawlProgress;
import org.minyi.collect.crawl.CrawlReport;
import org.minyi.collect.crawl.Crawler;
import org.minyi.collect.crawl.CrawlerConfig;
import org.minyi.collect.crawl.CrawlerConfigException;
import org.minyi.collect.crawl.CrawlerConfigs;
import org.minyi.collect.crawl.JsonLinesMessageSink;
import org.minyi.index.lucene.IndexLockedException;
import org.minyi.ingest.MessageSink;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code minyi crawl SOURCE}: one (resumable, incremental) crawl of a configured source, with progress. Crawled
 * messages are analysed and indexed like imported ones; {@code --out FILE} only appends them to a JSON-lines file.
 */
@Command(name = "crawl", mixinStandardHelpOptions = true,
        description = "Crawl one source of crawler-config/ (resumes an interrupted run; later runs fetch only "
                + "new or changed items).")
public final class CrawlCommand implements Callable<Integer> {

    @Parameters(index = "0", arity = "0..1", paramLabel = "SOURCE",
            description = "source name = config file name without .yaml")
    String source;

    @Option(names = "--config-dir", description = "default: crawler-config/ of the MinYi home")
    Path configDir;

    @Option(names = "--state-dir", description = "default: data/crawl/ of the MinYi data folder")
    Path stateDir;

    @Option(names = "--out", description = "append crawled messages to this JSON-lines file instead of indexing")
    Path out;

    @Option(names = "--check", description = "only validate every config of --config-dir and exit")
    boolean checkOnly;

    @Override
    public Integer call() {
        PrintStream err = System.err;
        MinYiSettings settings = MinYiSettings.fromSystemProperties();
        Path configs = configDir != null ? configDir : settings.home().resolve("crawler-config");
        Path state = stateDir != null ? stateDir : settings.dataDir().resolve("crawl");
        try {
            CrawlerConfigs.loadAll(configs);
            if (checkOnly) {
                err.println("crawler configs in " + configs + " are valid");
                return 0;
            }
            if (source == null) {
                err.println("which source? give SOURCE (a config file name in " + configs + " without .yaml)");
                return 2;
            }
            CrawlerConfig config = CrawlerConfigs.load(configs, source);
            long startNanos = System.nanoTime();
            CrawlReport report;
            if (out != null) {
                try (JsonLinesMessageSink sink = new JsonLinesMessageSink(out)) {
                    report = crawl(state, config, sink);
                }
            } else {
                try (MinYiStack stack = MinYiStack.open(settings)) {
                    report = crawl(state, config, stack.ingestion().session("crawl " + config.name()));
                    stack.ingestion().flush();
                }
            }
            double seconds = (System.nanoTime() - startNanos) / 1e9;
            err.println();
            System.out.printf("%s: %d pages in %.1f s (%.1f pages/s); new %d, updated %d, unchanged %d; errors %s%n",
                    report.source(), report.pagesFetched(), seconds, report.pagesFetched() / Math.max(seconds, 1e-9),
                    report.itemsNew(), report.itemsUpdated(), report.itemsUnchanged(), report.errors());
            return report.frontierLeft() == 0 ? 0 : 1;
        } catch (CrawlerConfigException e) {
            err.println(e.getMessage());
            return 2;
        } catch (IndexLockedException e) {
            return new RemoteCrawl(ServiceClient.local(new java.io.PrintWriter(err, true))).run(source, System.out);
        }
    }

    private static CrawlReport crawl(Path state, CrawlerConfig config, MessageSink sink) {
        CrawlProgress progress = (url, outcome, soFar) -> System.err.printf(
                "\r%s: pages %d (list %d) | new %d | updated %d | unchanged %d | errors %d | queued %d   ",
                soFar.source(), soFar.pagesFetched(), soFar.listPages(), soFar.itemsNew(),
                soFar.itemsUpdated(), soFar.itemsUnchanged(), soFar.errorCount(), soFar.frontierLeft());
        return new Crawler(state).crawl(config, sink, progress);
    }
}
