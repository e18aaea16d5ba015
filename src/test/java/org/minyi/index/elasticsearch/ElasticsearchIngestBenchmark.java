package org.minyi.index.elasticsearch;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import co.elastic.clients.elasticsearch.core.BulkRequest;
import co.elastic.clients.elasticsearch.core.BulkResponse;
import co.elastic.clients.json.jackson.Jackson3JsonpMapper;
import co.elastic.clients.util.BinaryData;
import java.io.Reader;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.minyi.MinYiSettings;
import org.minyi.MinYiStack;
import org.minyi.analysis.AnalysisPipeline;
import org.minyi.analysis.Segmenter;
import org.minyi.index.IndexedMessage;
import org.minyi.message.Channel;
import org.minyi.message.Message;
import org.minyi.message.Votes;
import org.minyi.testing.es.ElasticsearchNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Measures (reports, never asserts) bulk ingest into a real Elasticsearch node two ways, in one run, on the same
 * messages: through {@link ElasticsearchMessageIndex#upsert} (segmentation, document building, on-disk buffer,
 * bulk with retry) and as raw {@code _bulk} requests of the same documents built beforehand. Not a test: run it
 * from the repository root with
 * <pre>
 * mvn -o -q test-compile dependency:build-classpath -Dmdep.outputFile=target/test-classpath.txt
 * java -Xmx1g -cp "target/classes:target/test-classes:$(cat target/test-classpath.txt)" \
 *     org.minyi.index.elasticsearch.ElasticsearchIngestBenchmark 20000
 * </pre>
 * Messages are the 4,326 real board messages of {@code ../shared/data} (with votes), repeated under new ids up to
 * the requested count, analysed by the production pipeline (dictionaries and trained models). It starts its own
 * node (data in a temporary folder) unless {@code -Des.url=...} is given. Also run by {@code bench/run es}.
 * Three rounds alternate the two ways after a warm-up; each round writes to fresh indices.
 */
public final class ElasticsearchIngestBenchmark {

    private static final int BATCH = 500;
    private static final int ROUNDS = 3;
    private static final Path MESSAGES = Path.of("..", "shared", "data", "gov-messages",
            "teddy2020-messages-with-votes.csv");
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy/M/d H:mm:ss");
    private static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");

    private ElasticsearchIngestBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        int count = args.length > 0 ? Integer.parseInt(args[0]) : 20_000;
        if (!Files.exists(MESSAGES)) {
            System.err.println("no real messages at " + MESSAGES.toAbsolutePath() + "; nothing measured");
            System.exit(2);
        }
        // The production pipeline, so the documents carry the index words ingest hands over (the adapter then
        // need not segment again), as they do when MinYi ingests for real.
        AnalysisPipeline pipeline = MinYiStack.pipeline(MinYiSettings.fromSystemProperties());
        Segmenter segmenter = pipeline.segmenter();
        List<IndexedMessage> messages = messages(pipeline, count);
        Path work = Files.createTempDirectory("minyi-es-bench");
        String externalUrl = System.getProperty("es.url");
        ElasticsearchNode node = externalUrl == null ? ElasticsearchNode.start(work.resolve("node")) : null;
        String url = externalUrl != null ? externalUrl : node.url();
        JsonMapper json = JsonMapper.builder().build();
        try (ElasticsearchClient client = ElasticsearchClient.of(b -> b.host(url)
                .jsonMapper(new Jackson3JsonpMapper(json)))) {
            System.out.printf("%,d messages (%,d real ones repeated), bulks of %d, node %s, %d cores%n",
                    messages.size(), Math.min(count, 4326), BATCH, url, Runtime.getRuntime().availableProcessors());
            MessageDocuments documents = new MessageDocuments(segmenter, json);
            IndexNaming naming = new IndexNaming("x", ZONE);

            long buildStart = System.nanoTime();
            List<BulkOp> prebuilt = new ArrayList<>(messages.size());
            for (IndexedMessage message : messages) {
                prebuilt.add(new BulkOp(message.message().createdAt() == null ? null
                        : MONTH.format(message.message().createdAt().atZone(ZONE)), message.id(),
                        documents.toJson(message)));
            }
            double buildSeconds = seconds(buildStart);
            long bytes = prebuilt.stream().mapToLong(op -> op.document().length).sum();
            System.out.printf("building the documents alone (JSON; index words come with the analysis): %.0f docs/s, %.1f MB%n",
                    messages.size() / buildSeconds, bytes / 1e6);

            // warm-up of both paths (JIT, node caches), not reported
            adapter(client, url, work, "warm-adapter", segmenter, messages.subList(0, Math.min(2_000, messages.size())));
            raw(client, url, work, "warm-raw", segmenter, prebuilt.subList(0, Math.min(2_000, prebuilt.size())));

            double[] adapterRates = new double[ROUNDS];
            double[] shipperRates = new double[ROUNDS];
            double[] rawRates = new double[ROUNDS];
            long nodePid = node == null ? -1 : node.pid();
            Cpu adapterCpu = Cpu.ZERO;
            Cpu rawCpu = Cpu.ZERO;
            for (int round = 0; round < ROUNDS; round++) {
                Cpu before = Cpu.now(nodePid);
                adapterRates[round] = adapter(client, url, work, "adapter-" + round, segmenter, messages);
                adapterCpu = adapterCpu.plus(Cpu.now(nodePid).minus(before));
                shipperRates[round] = shipper(client, url, work, "shipper-" + round, segmenter, json, prebuilt);
                before = Cpu.now(nodePid);
                rawRates[round] = raw(client, url, work, "raw-" + round, segmenter, prebuilt);
                rawCpu = rawCpu.plus(Cpu.now(nodePid).minus(before));
                System.out.printf("round %d: adapter %,.0f docs/s, buffer+bulk of pre-built %,.0f docs/s, "
                                + "raw bulk %,.0f docs/s%n",
                        round + 1, adapterRates[round], shipperRates[round], rawRates[round]);
            }
            double adapter = median(adapterRates);
            double shipper = median(shipperRates);
            double raw = median(rawRates);
            System.out.printf("median: adapter %,.0f docs/s, buffer+bulk of pre-built %,.0f docs/s, raw bulk %,.0f"
                            + " docs/s; adapter/raw %.2f, buffer+bulk/raw %.2f%n",
                    adapter, shipper, raw, adapter / raw, shipper / raw);
            // Client and node share this machine's cores: what the client spends per document, the node lacks.
            double thousands = ROUNDS * messages.size() / 1000.0;
            System.out.printf("CPU per 1,000 documents (client = this JVM incl. its checks; node = the Elasticsearch"
                            + " process): adapter client %,.0f ms + node %,.0f ms; raw bulk client %,.0f ms + node"
                            + " %,.0f ms%n", adapterCpu.clientNanos() / 1e6 / thousands,
                    adapterCpu.nodeNanos() / 1e6 / thousands, rawCpu.clientNanos() / 1e6 / thousands,
                    rawCpu.nodeNanos() / 1e6 / thousands);
        } finally {
            if (node != null) {
                node.close();
            }
        }
    }

    private static final DateTimeFormatter MONTH = DateTimeFormatter.ofPattern("yyyy.MM");

    /** CPU time of this JVM and of the node process (0 when the node runs elsewhere). */
    private record Cpu(long clientNanos, long nodeNanos) {

        static final Cpu ZERO = new Cpu(0, 0);

        static Cpu now(long nodePid) {
            long client = ((com.sun.management.OperatingSystemMXBean) java.lang.management.ManagementFactory
                    .getOperatingSystemMXBean()).getProcessCpuTime();
            long node = nodePid < 0 ? 0 : ProcessHandle.of(nodePid).flatMap(p -> p.info().totalCpuDuration())
                    .map(java.time.Duration::toNanos).orElse(0L);
            return new Cpu(client, node);
        }

        Cpu minus(Cpu other) {
            return new Cpu(clientNanos - other.clientNanos, nodeNanos - other.nodeNanos);
        }

        Cpu plus(Cpu other) {
            return new Cpu(clientNanos + other.clientNanos, nodeNanos + other.nodeNanos);
        }
    }

    /** Upserts through the adapter in batches, then refreshes: everything a caller waits for. */
    private static double adapter(ElasticsearchClient client, String url, Path work, String prefix,
                                  Segmenter segmenter, List<IndexedMessage> messages) throws Exception {
        ElasticsearchSettings settings = ElasticsearchSettings.of(URI.create(url), work.resolve("buffer"))
                .withIndexPrefix("bench-" + prefix).withReplicas(0);
        try (ElasticsearchMessageIndex index = ElasticsearchMessageIndex.open(settings, segmenter)) {
            long start = System.nanoTime();
            for (int from = 0; from < messages.size(); from += BATCH) {
                index.upsert(messages.subList(from, Math.min(messages.size(), from + BATCH)));
            }
            index.refresh();
            double rate = messages.size() / seconds(start);
            check(index.count(), messages.size(), prefix);
            drop(client, prefix);
            return rate;
        }
    }

    /**
     * The adapter's write path minus document building: the pre-built documents through the on-disk buffer and
     * the bulk shipper (stale-copy check, retry), then a refresh.
     */
    private static double shipper(ElasticsearchClient client, String url, Path work, String prefix,
                                  Segmenter segmenter, JsonMapper json, List<BulkOp> prebuilt) throws Exception {
        ElasticsearchSettings settings = ElasticsearchSettings.of(URI.create(url), work.resolve("buffer"))
                .withIndexPrefix("bench-" + prefix).withReplicas(0);
        String alias;
        try (ElasticsearchMessageIndex index = ElasticsearchMessageIndex.open(settings, segmenter)) {
            alias = index.alias();
        }
        String base = "bench-" + prefix + "-messages-v" + IndexNaming.MAPPING_VERSION + "-";
        List<BulkOp> ops = prebuilt.stream().map(op -> new BulkOp(base + (op.index() == null ? "undated"
                : op.index()), op.id(), op.document())).toList();
        Outbox outbox = new Outbox(work.resolve("shipper-buffer-" + prefix), 1L << 30, json);
        long start = System.nanoTime();
        try (BulkShipper shipper = new BulkShipper(client, outbox, alias, settings.maxBulkBytes(),
                settings.retryFor())) {
            for (int from = 0; from < ops.size(); from += BATCH) {
                shipper.submit(ops.subList(from, Math.min(ops.size(), from + BATCH)));
            }
            shipper.flush();
        }
        client.indices().refresh(r -> r.index(alias));
        double rate = ops.size() / seconds(start);
        check(client.count(c -> c.index(alias)).count(), ops.size(), prefix);
        drop(client, prefix);
        return rate;
    }

    /** The same documents, built beforehand, as plain bulk requests into the same layout, then a refresh. */
    private static double raw(ElasticsearchClient client, String url, Path work, String prefix, Segmenter segmenter,
                              List<BulkOp> prebuilt) throws Exception {
        ElasticsearchSettings settings = ElasticsearchSettings.of(URI.create(url), work.resolve("buffer"))
                .withIndexPrefix("bench-" + prefix).withReplicas(0);
        String alias;
        try (ElasticsearchMessageIndex index = ElasticsearchMessageIndex.open(settings, segmenter)) {
            alias = index.alias(); // installs the same template; writes below bypass the adapter
        }
        String base = "bench-" + prefix + "-messages-v" + IndexNaming.MAPPING_VERSION + "-";
        long start = System.nanoTime();
        for (int from = 0; from < prebuilt.size(); from += BATCH) {
            BulkRequest.Builder request = new BulkRequest.Builder();
            for (BulkOp op : prebuilt.subList(from, Math.min(prebuilt.size(), from + BATCH))) {
                String index = base + (op.index() == null ? "undated" : op.index());
                request.operations(o -> o.index(i -> i.index(index).id(op.id())
                        .document(BinaryData.of(op.document(), "application/json"))));
            }
            BulkResponse response = client.bulk(request.build());
            if (response.errors()) {
                throw new IllegalStateException("raw bulk had errors: " + response.items().stream()
                        .filter(item -> item.error() != null).findFirst().orElseThrow().error());
            }
        }
        client.indices().refresh(r -> r.index(alias));
        double rate = prebuilt.size() / seconds(start);
        check(client.count(c -> c.index(alias)).count(), prebuilt.size(), prefix);
        drop(client, prefix);
        return rate;
    }

    /** Each round starts from the same, empty node. */
    private static void drop(ElasticsearchClient client, String prefix) throws Exception {
        client.indices().delete(d -> d.index("bench-" + prefix + "-*"));
    }

    private static void check(long counted, int expected, String what) {
        if (counted != expected) {
            throw new IllegalStateException(what + ": expected " + expected + " documents, found " + counted);
        }
    }

    private static List<IndexedMessage> messages(AnalysisPipeline pipeline, int count) throws Exception {
        List<IndexedMessage> real = new ArrayList<>();
        try (Reader reader = Files.newBufferedReader(MESSAGES, StandardCharsets.UTF_8)) {
            for (CSVRecord row : CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true).get()
                    .parse(reader)) {
                String text = row.get("留言详情").strip();
                if (text.isEmpty()) {
                    continue;
                }
                Message message = new Message(row.get("留言编号"), "teddy2020", Channel.BOARD,
                        row.get("留言主题").strip(), text,
                        LocalDateTime.parse(row.get("留言时间").strip(), TIME).atZone(ZONE).toInstant(), null,
                        null, new Votes(Integer.parseInt(row.get("点赞数")), Integer.parseInt(row.get("反对数"))),
                        null);
                real.add(IndexedMessage.of(message, pipeline.analyze(message)));
            }
        }
        List<IndexedMessage> messages = new ArrayList<>(count);
        for (int i = 0; messages.size() < count; i++) {
            IndexedMessage source = real.get(i % real.size());
            Message m = source.message();
            messages.add(new IndexedMessage(new Message(m.id() + "-" + (i / real.size()), m.source(), m.channel(),
                    m.title(), m.text(), m.createdAt(), m.region(), m.url(), m.votes(), m.reply()),
                    source.analysis()));
        }
        return messages;
    }

    private static double seconds(long startNanos) {
        return (System.nanoTime() - startNanos) / 1e9;
    }

    private static double median(double[] values) {
        double[] sorted = values.clone();
        Arrays.sort(sorted);
        return sorted[sorted.length / 2];
    }
}
