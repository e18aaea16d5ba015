package org.minyi.bench;

import com.hankcs.hanlp.HanLP;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.ToIntFunction;
import org.minyi.MinYiSettings;
import org.minyi.MinYiStack;
import org.minyi.analysis.AnalysisPipeline;
import org.minyi.message.Message;

/**
 * Analysis pipeline (the production one: project dictionaries, trained topic and sentiment models) against raw
 * {@code HanLP.segment} (Viterbi, the default segmenter) on the same real messages. Single thread in thread CPU
 * time (the machine is shared, so wall time would measure the neighbours), then all cores in wall time. Reports;
 * asserts nothing. Run with {@code bench/run pipeline}; argument: rounds (default 5).
 */
public final class PipelineBench {

    private static final ThreadMXBean THREAD = ManagementFactory.getThreadMXBean();

    private PipelineBench() {
    }

    public static void main(String[] args) throws Exception {
        int rounds = args.length > 0 ? Integer.parseInt(args[0]) : 5;
        List<Message> messages = RealCorpus.messages();
        long chars = RealCorpus.chars(messages);
        AnalysisPipeline pipeline = MinYiStack.pipeline(MinYiSettings.fromSystemProperties());
        ToIntFunction<Message> raw = m -> HanLP.segment(m.title() == null ? m.text() : m.title() + "\n" + m.text())
                .size();
        ToIntFunction<Message> full = m -> pipeline.analyze(m).tokens().size();
        // Where the pipeline's time goes: its own segmenter (project dictionary, place and organisation
        // recognition where a suffix cue stands) on unmasked title and text, without any later step.
        ToIntFunction<Message> segmenterOnly = m -> pipeline.segmenter().terms(m.title()).size()
                + pipeline.segmenter().terms(m.text()).size();
        int cores = Runtime.getRuntime().availableProcessors();
        System.out.printf("pipeline: %,d real messages, %,d chars (title+text), %d rounds, median reported%n",
                messages.size(), chars, rounds);

        // warm-up of both paths: dictionaries, models, JIT
        runAll(messages, raw);
        runAll(messages, full);

        runAll(messages, segmenterOnly);
        double[] rawRates = new double[rounds];
        double[] fullRates = new double[rounds];
        double[] segmenterRates = new double[rounds];
        for (int r = 0; r < rounds; r++) { // interleaved, so machine noise hits all alike
            rawRates[r] = chars / cpuSeconds(() -> runAll(messages, raw));
            fullRates[r] = chars / cpuSeconds(() -> runAll(messages, full));
            segmenterRates[r] = chars / cpuSeconds(() -> runAll(messages, segmenterOnly));
        }
        report("one thread, chars per CPU second", rawRates, fullRates, messages.size(), chars);
        double segmenter = Stats.median(segmenterRates);
        System.out.printf("    breakdown: project Segmenter.terms alone %,10.0f chars/s = %.2f x raw; so segmentation"
                + " is %.0f%% of the pipeline's time%n", segmenter, segmenter / Stats.median(rawRates),
                100 * Stats.median(fullRates) / segmenter);

        ExecutorService pool = Executors.newFixedThreadPool(cores);
        try {
            for (int r = 0; r < rounds; r++) {
                rawRates[r] = chars / wallSeconds(pool, cores, messages, raw);
                fullRates[r] = chars / wallSeconds(pool, cores, messages, full);
            }
        } finally {
            pool.shutdownNow();
        }
        report(cores + " threads (all cores), chars per wall second", rawRates, fullRates, messages.size(), chars);
    }

    private static void report(String how, double[] raw, double[] full, int messages, long chars) {
        double rawMedian = Stats.median(raw);
        double fullMedian = Stats.median(full);
        double perMessage = (double) chars / messages;
        System.out.printf("  %s:%n", how);
        System.out.printf("    raw HanLP.segment  %,10.0f chars/s (%,6.0f msg/s)  rounds %s%n", rawMedian,
                rawMedian / perMessage, Stats.rounded(raw));
        System.out.printf("    AnalysisPipeline   %,10.0f chars/s (%,6.0f msg/s)  rounds %s%n", fullMedian,
                fullMedian / perMessage, Stats.rounded(full));
        System.out.printf("    RATIO pipeline/raw %.2f   (goal >= 0.50)%n", fullMedian / rawMedian);
    }

    private static int runAll(List<Message> messages, ToIntFunction<Message> work) {
        int n = 0;
        for (Message m : messages) {
            n += work.applyAsInt(m);
        }
        return n;
    }

    private static double cpuSeconds(Runnable work) {
        long start = THREAD.getCurrentThreadCpuTime();
        work.run();
        return (THREAD.getCurrentThreadCpuTime() - start) / 1e9;
    }

    /** Every thread takes every n-th message; wall time until the last one finishes. */
    private static double wallSeconds(ExecutorService pool, int threads, List<Message> messages,
                                      ToIntFunction<Message> work) throws Exception {
        long start = System.nanoTime();
        List<Future<Integer>> parts = new ArrayList<>();
        for (int t = 0; t < threads; t++) {
            int first = t;
            parts.add(pool.submit(() -> {
                int n = 0;
                for (int i = first; i < messages.size(); i += threads) {
                    n += work.applyAsInt(messages.get(i));
                }
                return n;
            }));
        }
        for (Future<Integer> part : parts) {
            part.get();
        }
        return (System.nanoTime() - start) / 1e9;
    }
}
