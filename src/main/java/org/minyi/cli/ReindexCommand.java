package org.minyi.cli;

import java.io.PrintWriter;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.ZoneId;
import java.util.concurrent.Callable;
import org.minyi.MinYiSettings;
import org.minyi.analysis.DomainDictionary;
import org.minyi.analysis.Segmenter;
import org.minyi.index.elasticsearch.ElasticsearchMessageIndex;
import org.minyi.index.elasticsearch.ElasticsearchSettings;
import org.minyi.index.elasticsearch.IndexMigration;
import org.minyi.index.lucene.IndexLockedException;
import org.minyi.index.lucene.LuceneMessageIndex;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code minyi reindex}: copies the embedded index into Elasticsearch, the migration path when one machine is no
 * longer enough. Upserts by message id, so running it again (after an interruption, say) duplicates nothing.
 * While a service holds the embedded index, the service makes the copy (POST /api/index/migrations) and keeps
 * serving meanwhile; this command follows its progress.
 */
@Command(name = "reindex", mixinStandardHelpOptions = true,
        description = "Copy the embedded index into Elasticsearch (safe to run again: messages are keyed by id).")
public final class ReindexCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Option(names = "--index", paramLabel = "FOLDER", description = "the embedded index folder "
            + "(default: <data-dir>/index)")
    Path index;

    @Option(names = "--es-url", defaultValue = "http://127.0.0.1:9200", paramLabel = "URL",
            description = "Elasticsearch HTTP address (default: ${DEFAULT-VALUE})")
    URI url;

    @Option(names = "--es-prefix", defaultValue = "minyi", paramLabel = "NAME",
            description = "prefix of MinYi's indices, template and alias (default: ${DEFAULT-VALUE})")
    String prefix;

    @Option(names = "--es-shards", defaultValue = "1", description = "primary shards per monthly index")
    int shards;

    @Option(names = "--es-replicas", defaultValue = "1", description = "replicas per shard (0 on a single node)")
    int replicas;

    @Option(names = "--buffer", paramLabel = "FOLDER",
            description = "local buffer for records Elasticsearch has not taken yet (default: <index>.es-buffer; "
                    + "a running service keeps it in its data folder)")
    Path buffer;

    @Option(names = "--zone", defaultValue = "Asia/Shanghai", description = "time zone (default: ${DEFAULT-VALUE})")
    ZoneId zone;

    @Option(names = "--dictionary", paramLabel = "FOLDER", description = "project dictionary folder, if any")
    Path dictionary;

    @Override
    public Integer call() {
        Path folder = index != null ? index : MinYiSettings.fromSystemProperties().indexDir();
        if (!Files.isDirectory(folder)) {
            throw new IllegalArgumentException("no embedded index at " + folder.toAbsolutePath()
                    + "; give the folder with --index");
        }
        Path bufferDir = buffer != null ? buffer
                : folder.toAbsolutePath().resolveSibling(folder.getFileName() + ".es-buffer");
        ElasticsearchSettings settings = new ElasticsearchSettings(url, prefix, bufferDir, zone, shards, replicas,
                5L << 20, 1L << 30, Duration.ofSeconds(30));
        Segmenter segmenter = new Segmenter(DomainDictionary.load(dictionary));
        LuceneMessageIndex source;
        try {
            source = LuceneMessageIndex.open(folder, segmenter, zone);
        } catch (IndexLockedException e) {
            PrintWriter err = spec.commandLine().getErr();
            ServiceClient service = ServiceClient.local(err);
            err.println("The index is held by a running MinYi service; asking it at " + service.base()
                    + " to make the copy");
            if (buffer != null) {
                err.println("(--buffer is not used: the service buffers in its own data folder)");
            }
            return new RemoteReindex(service, spec.commandLine().getOut(), err).run(url, prefix, shards, replicas);
        }
        long started = System.nanoTime();
        try (source; ElasticsearchMessageIndex target = ElasticsearchMessageIndex.open(settings, segmenter)) {
            long expected = source.count();
            long copied = new IndexMigration(zone).copy(source, target, total -> {
                if (total % 10_000 < 200) {
                    spec.commandLine().getErr().printf("reindex: %,d of %,d%n", total, expected);
                }
            });
            target.commit();
            double seconds = (System.nanoTime() - started) / 1e9;
            spec.commandLine().getOut().printf("copied %,d of %,d messages into %s at %s in %.1f s; "
                            + "the alias now holds %,d%n", copied, expected, target.alias(), url, seconds,
                    target.count());
            return copied == expected ? 0 : 1;
        }
    }
}
