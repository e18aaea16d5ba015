package org.minyi.bench;

import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.lang.management.ThreadMXBean;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.minyi.analysis.encode.OnnxSentenceEncoder;
import org.minyi.message.Message;

/**
 * The sentence encoder (quantised BGE-small-zh v1.5, one ONNX thread per calling thread) on the real messages, at
 * truncation 128, 256 and 512 tokens and in batches of 1 and 8 texts sorted by length. One thread in thread CPU time
 * (ONNX runs on the calling thread, so this is the encoder's own CPU cost, whatever the neighbours do), then all
 * cores in wall time; the baseline of every ratio is truncation 512, batch 1, measured in the same run. Also prints
 * the model load time and the process RSS after load. Reports; asserts nothing. {@code bench/run encoder}.
 */
public final class EncoderBench {

    private static final ThreadMXBean THREAD = ManagementFactory.getThreadMXBean();
    private static final int[] TRUNCATIONS = {512, 256, 128};
    private static final int[] BATCHES = {1, 8};

    private EncoderBench() {
    }

    public static void main(String[] args) throws Exception {
        int rounds = args.length > 0 ? Integer.parseInt(args[0]) : 3;
        int sample = args.length > 1 ? Integer.parseInt(args[1]) : 400;
        List<Message> all = RealCorpus.messages();
        List<String> texts = new ArrayList<>();
        for (int i = 0; i < all.size() && texts.size() < sample; i += Math.max(1, all.size() / sample)) {
            Message m = all.get(i);
            texts.add(m.title() == null ? m.text() : m.title() + "\n" + m.text());
        }
        long rssBefore = rssKb();
        long start = System.nanoTime();
        OnnxSentenceEncoder probe = OnnxSentenceEncoder.open(OnnxSentenceEncoder.BUILT_IN, 512, 1);
        double loadSeconds = (System.nanoTime() - start) / 1e9;
        System.out.printf("encoder: %s, %d dimensions; load %.2f s; RSS %,d MB before, %,d MB after load%n",
                OnnxSentenceEncoder.BUILT_IN, probe.dimensions(), loadSeconds, rssBefore / 1024, rssKb() / 1024);
        long tokens512 = texts.stream().mapToLong(probe::tokenCount).sum();
        System.out.printf("  %d real messages (every %d-th of attachment 3), mean %.0f tokens at truncation 512,"
                + " %d rounds, median reported%n", texts.size(), Math.max(1, all.size() / sample),
                (double) tokens512 / texts.size(), rounds);
        probe.close();

        double baseline = 0;
        int cores = Runtime.getRuntime().availableProcessors();
        System.out.printf("  %-22s %12s %12s %14s %10s%n", "truncation, batch", "texts/CPU s", "CPU ms/text",
                cores + " threads, /s", "RATIO");
        for (int truncation : TRUNCATIONS) {
            for (int batch : BATCHES) {
                try (OnnxSentenceEncoder encoder = OnnxSentenceEncoder.open(OnnxSentenceEncoder.BUILT_IN, truncation,
                        batch)) {
                    encodeAll(encoder, texts.subList(0, Math.min(40, texts.size())), batch); // warm-up
                    double[] cpuRates = new double[rounds];
                    double[] wallRates = new double[rounds];
                    for (int r = 0; r < rounds; r++) {
                        long cpu = THREAD.getCurrentThreadCpuTime();
                        encodeAll(encoder, texts, batch);
                        cpuRates[r] = texts.size() / ((THREAD.getCurrentThreadCpuTime() - cpu) / 1e9);
                        wallRates[r] = texts.size() / wallSeconds(encoder, texts, batch, cores);
                    }
                    double rate = Stats.median(cpuRates);
                    if (baseline == 0) {
                        baseline = rate;
                    }
                    System.out.printf("  %-22s %12.1f %12.2f %14.1f %10.2f  rounds %s%n", truncation + ", " + batch,
                            rate, 1000 / rate, Stats.median(wallRates), rate / baseline, Stats.rounded(cpuRates));
                }
            }
        }
        System.out.println("  RATIO = texts per CPU second against truncation 512, batch 1 (same run)");
    }

    private static void encodeAll(OnnxSentenceEncoder encoder, List<String> texts, int batch) {
        for (int i = 0; i < texts.size(); i += batch) {
            encoder.encode(texts.subList(i, Math.min(texts.size(), i + batch)));
        }
    }

    /** Every thread takes every n-th slice of a batch; wall time until the last one finishes. */
    private static double wallSeconds(OnnxSentenceEncoder encoder, List<String> texts, int batch, int threads)
            throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try {
            long start = System.nanoTime();
            List<Future<?>> parts = new ArrayList<>();
            for (int t = 0; t < threads; t++) {
                int first = t * batch;
                parts.add(pool.submit(() -> {
                    for (int i = first; i < texts.size(); i += threads * batch) {
                        encoder.encode(texts.subList(i, Math.min(texts.size(), i + batch)));
                    }
                }));
            }
            for (Future<?> part : parts) {
                part.get();
            }
            return (System.nanoTime() - start) / 1e9;
        } finally {
            pool.shutdownNow();
        }
    }

    private static long rssKb() {
        try {
            for (String line : java.nio.file.Files.readAllLines(java.nio.file.Path.of("/proc/self/status"))) {
                if (line.startsWith("VmRSS:")) {
                    return Long.parseLong(line.replaceAll("\\D", ""));
                }
            }
        } catch (java.io.IOException e) {
            return -1;
        }
        return -1;
    }

    static MemoryMXBean memory() {
        return ManagementFactory.getMemoryMXBean();
    }
}
