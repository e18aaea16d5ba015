package org.minyi.cli;

import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.ZoneId;
import java.util.concurrent.Callable;
import org.minyi.analysis.DomainDictionary;
import org.minyi.analysis.Segmenter;
import org.minyi.index.elasticsearch.ElasticsearchMessageIndex;
import org.minyi.index.elasticsearch.ElasticsearchSettings;
import org.minyi.index.elasticsearch.IndexMigration;
import org.minyi.index.lucene.LuceneMessageIndex;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code minyi reindex}: copies the embedded index into Elasticsearch, the migration path when one machine is no
 * longer enough. Upserts by message id, so running it again (after an interruption, say) duplicates nothing.
 * The embedded index is opened for the copy, so MinYi itself must be stopped (its lock says so otherwise).
 */
@Command(name = "reindex", mixinStandardHelpOptions = true,
        description = "Copy the embedded index into Elasticsearch (safe to run again: messages are keyed by id).")
public final class ReindexCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Option(names = "--index", required = true, paramLabel = "FOLDER", description = "the embedded index folder")
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
            description = "local buffer for records Elasticsearch has not taken yet (default: <index>.es-buffer)")
    Path buffer;

    @Option(names = "--zone", defaultValue = "Asia/Shanghai", description = "time zone (default: ${DEFAULT-VALUE})")
    ZoneId zone;

    @Option(names = "--dictionary", paramLabel = "FOLDER", description = "project dictionary folder, if any")
    Path dictionary;

    @Override
    public Integer call() {
        if (!Files.isDirectory(index)) {
            throw new IllegalArgumentException("no embedded index at " + index.toAbsolutePath()
                    + "; give the folder with --index");
        }
        Path bufferDir = buffer != null ? buffer
                : index.toAbsolutePath().resolveSibling(index.getFileName() + ".es-buffer");
        ElasticsearchSettings settings = new ElasticsearchSettings(url, prefix, bufferDir, zone, shards, replicas,
                5L << 20, 1L << 30, Duration.ofSeconds(30));
        Segmenter segmenter = new Segmenter(DomainDictionary.load(dictionary));
        long started = System.nanoTime();
        try (LuceneMessageIndex source = LuceneMessageIndex.open(index, segmenter, zone);
             ElasticsearchMessageIndex target = ElasticsearchMessageIndex.open(settings, segmenter)) {
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
