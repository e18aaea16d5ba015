package org.minyi.index.elasticsearch;

import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.time.ZoneId;
import java.util.Locale;
import java.util.Objects;

/**
 * How MinYi reaches and lays out its Elasticsearch indices.
 *
 * @param url            the cluster's HTTP address, e.g. {@code http://127.0.0.1:9200}
 * @param indexPrefix    names every index, template and alias MinYi owns ({@code minyi} in production; tests use
 *                       a fresh one each so they never see each other's data)
 * @param bufferDir      local folder where accepted records wait until Elasticsearch has them (survives restarts)
 * @param zone           time zone of trend buckets and of the month a message's index is chosen by
 * @param shards         primary shards per monthly index
 * @param replicas       replicas per shard (0 on a single node, else the cluster stays yellow)
 * @param maxBulkBytes   a bulk request is cut once its body reaches this size
 * @param maxBufferBytes when this much waits on disk (Elasticsearch down for long), new writes are refused
 * @param retryFor       how long a write keeps retrying a rejecting or unreachable cluster before it leaves the
 *                       records to the background replay and returns
 */
public record ElasticsearchSettings(
        URI url,
        String indexPrefix,
        Path bufferDir,
        ZoneId zone,
        int shards,
        int replicas,
        long maxBulkBytes,
        long maxBufferBytes,
        Duration retryFor) {

    public static final ZoneId CHINA = ZoneId.of("Asia/Shanghai");

    public ElasticsearchSettings {
        Objects.requireNonNull(url, "Elasticsearch url");
        Objects.requireNonNull(bufferDir, "buffer folder");
        zone = zone == null ? CHINA : zone;
        retryFor = retryFor == null ? Duration.ofSeconds(10) : retryFor;
        if (indexPrefix == null || !indexPrefix.matches("[a-z0-9][a-z0-9_-]*")) {
            throw new IllegalArgumentException("index prefix must be lower-case letters, digits, '-' or '_', was '"
                    + indexPrefix + "'");
        }
        if (shards < 1 || replicas < 0) {
            throw new IllegalArgumentException("need shards >= 1 and replicas >= 0, was " + shards + "/" + replicas);
        }
        if (maxBulkBytes < 1024 || maxBufferBytes < maxBulkBytes) {
            throw new IllegalArgumentException("need 1 KiB <= maxBulkBytes <= maxBufferBytes, was "
                    + maxBulkBytes + "/" + maxBufferBytes);
        }
    }

    /** Production defaults: prefix {@code minyi}, one shard and one replica, 5 MB bulks, 1 GiB buffer. */
    public static ElasticsearchSettings of(URI url, Path bufferDir) {
        return new ElasticsearchSettings(url, "minyi", bufferDir, CHINA, 1, 1, 5L << 20, 1L << 30,
                Duration.ofSeconds(10));
    }

    public ElasticsearchSettings withIndexPrefix(String prefix) {
        return new ElasticsearchSettings(url, prefix.toLowerCase(Locale.ROOT), bufferDir, zone, shards, replicas,
                maxBulkBytes, maxBufferBytes, retryFor);
    }

    public ElasticsearchSettings withShards(int count) {
        return new ElasticsearchSettings(url, indexPrefix, bufferDir, zone, count, replicas, maxBulkBytes,
                maxBufferBytes, retryFor);
    }

    public ElasticsearchSettings withReplicas(int count) {
        return new ElasticsearchSettings(url, indexPrefix, bufferDir, zone, shards, count, maxBulkBytes,
                maxBufferBytes, retryFor);
    }

    public ElasticsearchSettings withZone(ZoneId timeZone) {
        return new ElasticsearchSettings(url, indexPrefix, bufferDir, timeZone, shards, replicas, maxBulkBytes,
                maxBufferBytes, retryFor);
    }

    public ElasticsearchSettings withRetryFor(Duration duration) {
        return new ElasticsearchSettings(url, indexPrefix, bufferDir, zone, shards, replicas, maxBulkBytes,
                maxBufferBytes, duration);
    }
}
