package org.minyi.bench;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.minyi.analysis.PiiMasker;
import org.minyi.message.Message;

/**
 * PII masking of the security probe's hostile texts (issue 15, item 9) against the real board messages cut to the
 * same length (the baseline, measured in the same run), in thread CPU time per text. 0.85 MB of
 * {@code "a"*60+"@"} took 35.6 s in /api/analyze before the scans around '@' were bounded. Reports; asserts nothing.
 * Run with {@code bench/run pii}; argument: rounds (default 5).
 */
public final class PiiMaskingBench {

    private static final ThreadMXBean THREAD = ManagementFactory.getThreadMXBean();
    private static final int LENGTH = 850_000;

    private PiiMaskingBench() {
    }

    public static void main(String[] args) {
        int rounds = args.length > 0 ? Integer.parseInt(args[0]) : 5;
        StringBuilder real = new StringBuilder(LENGTH + 10_000);
        List<Message> messages = RealCorpus.messages();
        for (int i = 0; real.length() < LENGTH; i = (i + 1) % messages.size()) {
            real.append(messages.get(i).text()).append('\n');
        }
        Map<String, String> texts = new LinkedHashMap<>();
        texts.put("real messages (baseline)", real.substring(0, LENGTH));
        texts.put("\"a\"*60+\"@\" repeated", repeat("a".repeat(60) + "@"));
        texts.put("\"a@b.\" repeated", repeat("a@b."));
        texts.put("spaced digits \"2 \"", repeat("2 "));
        texts.put("decimal list \"1.3 \"", repeat("1.3 "));
        texts.put("full-width \"１３８．\"", repeat("１３８．"));
        texts.put("phone numbers \"电话13812345678，\"", repeat("电话13812345678，"));
        PiiMasker masker = new PiiMasker();
        texts.values().forEach(masker::mask); // warm-up: fold table, JIT
        System.out.printf("pii: texts of %,d chars, %d rounds, median thread CPU per text%n", LENGTH, rounds);
        double baseline = 0;
        for (Map.Entry<String, String> text : texts.entrySet()) {
            double[] millis = new double[rounds];
            for (int r = 0; r < rounds; r++) {
                long start = THREAD.getCurrentThreadCpuTime();
                masker.mask(text.getValue());
                millis[r] = (THREAD.getCurrentThreadCpuTime() - start) / 1e6;
            }
            double median = Stats.median(millis);
            if (baseline == 0) {
                baseline = median;
            }
            System.out.printf("  %-36s %8.1f ms  (%.1f× the real messages; rounds %s)%n", text.getKey(), median,
                    median / baseline, Stats.rounded(millis));
        }
    }

    private static String repeat(String unit) {
        return unit.repeat(LENGTH / unit.length() + 1).substring(0, LENGTH);
    }
}
