package org.minyi.analysis;

import static org.junit.jupiter.api.Assertions.assertTrue;

import com.hankcs.hanlp.HanLP;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.minyi.message.Message;

/**
 * Measures, single-threaded and in thread CPU time, the pipeline's throughput against raw {@code HanLP.segment} on the same messages.
 * Reports; asserts no speed. Off by default; run with
 * {@code mvn -o -q test -Dtest=PipelineThroughputBenchmark -Dminyi.benchmark=true}.
 */
@EnabledIfSystemProperty(named = "minyi.benchmark", matches = "true")
class PipelineThroughputBenchmark {

    private static final int ROUNDS = 7;
    private static final ThreadMXBean THREAD = ManagementFactory.getThreadMXBean();

    @Test
    void pipelineAgainstRawSegmentation() {
        List<Message> messages = RealMessages.withVotes();
        long chars = messages.stream().mapToLong(m -> (m.title() == null ? 0 : m.title().length()) + m.text().length()).sum();
        AnalysisPipeline pipeline = Pipelines.shared();

        // Warm up both paths (dictionary loading, JIT).
        runRaw(messages);
        runPipeline(pipeline, messages);

        double[] raw = new double[ROUNDS];
        double[] full = new double[ROUNDS];
        for (int round = 0; round < ROUNDS; round++) { // interleaved, so machine noise hits both alike
            raw[round] = chars / seconds(() -> runRaw(messages));
            full[round] = chars / seconds(() -> runPipeline(pipeline, messages));
        }
        double rawMedian = median(raw);
        double pipelineMedian = median(full);
        System.out.printf("throughput over %d messages, %d chars, median of %d rounds, one thread, chars per CPU second:%n",
                messages.size(), chars, ROUNDS);
        System.out.printf("  raw HanLP.segment: %.0f chars/s %s%n", rawMedian, Arrays.toString(round(raw)));
        System.out.printf("  AnalysisPipeline:  %.0f chars/s %s%n", pipelineMedian, Arrays.toString(round(full)));
        System.out.printf("  ratio pipeline/raw: %.2f%n", pipelineMedian / rawMedian);
        assertTrue(rawMedian > 0 && pipelineMedian > 0);
    }

    private static int runRaw(List<Message> messages) {
        int terms = 0;
        for (Message m : messages) {
            terms += HanLP.segment(m.title() == null ? m.text() : m.title() + "\n" + m.text()).size();
        }
        return terms;
    }

    private static int runPipeline(AnalysisPipeline pipeline, List<Message> messages) {
        int tokens = 0;
        for (Message m : messages) {
            tokens += pipeline.analyze(m).tokens().size();
        }
        return tokens;
    }

    /** CPU time of this thread: the build machine is shared, and wall time mostly measured the neighbours. */
    private static double seconds(Runnable work) {
        long start = THREAD.getCurrentThreadCpuTime();
        work.run();
        return (THREAD.getCurrentThreadCpuTime() - start) / 1e9;
    }

    private static double median(double[] values) {
        double[] sorted = values.clone();
        Arrays.sort(sorted);
        return sorted[sorted.length / 2];
    }

    private static long[] round(double[] values) {
        return Arrays.stream(values).mapToLong(Math::round).toArray();
    }
}
