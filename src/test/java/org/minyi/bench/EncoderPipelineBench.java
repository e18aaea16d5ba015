package org.minyi.bench;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.minyi.MinYiSettings;
import org.minyi.MinYiStack;
import org.minyi.analysis.AnalysisPipeline;
import org.minyi.analysis.classify.NgramAttitudeModel;
import org.minyi.analysis.classify.TopicModel;
import org.minyi.index.IndexedMessage;
import org.minyi.index.lucene.LuceneMessageIndex;
import org.minyi.ingest.Ingestion;
import org.minyi.message.Message;
import org.minyi.testing.TempFolders;

/**
 * What the sentence encoder costs the pipeline and the embedded ingest, in one run, on the same real messages: the
 * production pipeline with the encoder off and today's n-gram models (the baseline); the encoder on at 512 tokens
 * (the shipped models) and at shorter truncations ({@code -Dbench.tokens=64,128}, default 64 and 128); and the
 * encoder off with the distilled n-gram students of the encoder models ({@code minyi.analysis.distilled}), when
 * {@code minyi train distil} has written them. Pipeline: thread CPU ms per message on one thread; ingest: wall
 * messages per second through {@link Ingestion} (one analysis thread per core) into a fresh Lucene index,
 * committed. Also each pipeline's load time. Reports; asserts nothing. {@code bench/run encoder-pipeline}
 * (arguments: rounds, messages).
 */
public final class EncoderPipelineBench {

    private static final ThreadMXBean THREAD = ManagementFactory.getThreadMXBean();

    private EncoderPipelineBench() {
    }

    public static void main(String[] args) throws Exception {
        int rounds = args.length > 0 ? Integer.parseInt(args[0]) : 3;
        int size = args.length > 1 ? Integer.parseInt(args[1]) : 800;
        List<Message> all = RealCorpus.messages();
        List<Message> messages = new ArrayList<>();
        for (int i = 0; i < all.size() && messages.size() < size; i += Math.max(1, all.size() / size)) {
            messages.add(all.get(i));
        }
        List<String[]> configList = new ArrayList<>();
        configList.add(new String[] {"encoder off, n-gram models", "false", "512", "false"});
        configList.add(new String[] {"encoder on, 512 (shipped)", "true", "512", "false"});
        for (String tokens : System.getProperty("bench.tokens", "64,128").split(",")) {
            configList.add(new String[] {"encoder on, " + tokens.strip() + " tokens", "true", tokens.strip(), "false"});
        }
        if (java.nio.file.Files.isRegularFile(Path.of("models/topic", TopicModel.DISTILLED_FILE_NAME))
                && java.nio.file.Files.isRegularFile(Path.of("models/sentiment", NgramAttitudeModel.FILE_NAME))) {
            configList.add(new String[] {"encoder off, students", "false", "512", "true"});
        } else {
            System.out.println("no distilled students under models/ (minyi train distil --out models): not measured");
        }
        String[][] configs = configList.toArray(String[][]::new);
        List<AnalysisPipeline> pipelines = new ArrayList<>();
        for (String[] config : configs) {
            long start = System.nanoTime();
            pipelines.add(MinYiStack.pipeline(settings(config[1], config[2], config[3])));
            System.out.printf("%-28s pipeline loaded in %.2f s%n", config[0], (System.nanoTime() - start) / 1e9);
        }
        int threads = Math.max(1, Runtime.getRuntime().availableProcessors());
        System.out.printf("encoder pipeline: %d real messages (every %d-th of attachment 3), %d rounds, median; ingest"
                + " with %d analysis threads%n", messages.size(), all.size() / size, rounds, threads);
        for (AnalysisPipeline p : pipelines) {
            p.analyzeAll(messages.subList(0, 30)); // warm-up
        }
        double[][] cpu = new double[configs.length][rounds];
        double[][] ingest = new double[configs.length][rounds];
        Path work = Files.createTempDirectory("minyi-encoder-bench");
        try {
            for (int r = 0; r < rounds; r++) { // interleaved, so machine noise hits all alike
                for (int c = 0; c < configs.length; c++) {
                    long start = THREAD.getCurrentThreadCpuTime();
                    for (Message m : messages) {
                        pipelines.get(c).analyze(m);
                    }
                    cpu[c][r] = (THREAD.getCurrentThreadCpuTime() - start) / 1e6 / messages.size();
                    ingest[c][r] = ingest(pipelines.get(c), messages, threads, work.resolve(c + "-" + r));
                }
                System.out.printf("  round %d done, load average %s%n", r + 1, loadAverage());
            }
        } finally {
            TempFolders.delete(work);
        }
        double baseCpu = Stats.median(cpu[0]);
        double baseIngest = Stats.median(ingest[0]);
        System.out.printf("  %-28s %14s %8s %16s %8s%n", "", "CPU ms/message", "RATIO", "ingest msg/s", "RATIO");
        for (int c = 0; c < configs.length; c++) {
            System.out.printf("  %-28s %14.2f %8.2f %16.0f %8.2f  rounds %s / %s%n", configs[c][0],
                    Stats.median(cpu[c]), Stats.median(cpu[c]) / baseCpu, Stats.median(ingest[c]),
                    Stats.median(ingest[c]) / baseIngest, Stats.rounded(cpu[c]), Stats.rounded(ingest[c]));
        }
        System.out.println("  RATIO against the encoder off, same run (CPU: higher is costlier; ingest: lower is"
                + " slower). Goal in issue 13: ingest >= 300 msg/s on 2 cores with the encoder on.");
        for (AnalysisPipeline p : pipelines) {
            p.close();
        }
    }

    private static String loadAverage() {
        try {
            String[] fields = Files.readString(Path.of("/proc/loadavg")).split(" ");
            return fields[0] + " " + fields[1] + " " + fields[2];
        } catch (java.io.IOException e) {
            return "(no /proc/loadavg)";
        }
    }

    private static MinYiSettings settings(String encoder, String maxTokens, String distilled) {
        return MinYiSettings.from(key -> switch (key) {
            case "minyi.encoder.enabled" -> encoder;
            case "minyi.encoder.max-tokens" -> maxTokens;
            case "minyi.analysis.distilled" -> distilled;
            default -> System.getProperty(key);
        });
    }

    private static double ingest(AnalysisPipeline pipeline, List<Message> messages, int threads, Path dir) {
        List<IndexedMessage> indexed = Collections.synchronizedList(new ArrayList<>());
        long start = System.nanoTime();
        try (LuceneMessageIndex index = LuceneMessageIndex.open(dir, pipeline.segmenter(),
                MinYiSettings.CHINA); Ingestion ingestion = new Ingestion(pipeline, index, threads)) {
            ingestion.onIndexed(indexed::add);
            messages.forEach(ingestion::accept);
            ingestion.flush();
        }
        if (indexed.size() != messages.size()) {
            throw new IllegalStateException("indexed " + indexed.size() + " of " + messages.size());
        }
        return messages.size() / ((System.nanoTime() - start) / 1e9);
    }
}
