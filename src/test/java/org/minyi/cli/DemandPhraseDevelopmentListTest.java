package org.minyi.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

/**
 * The development list of the demand phrase rules: the top 50 demands of attachment 4 (teddy2020-messages-with-
 * replies.csv) as {@code minyi evaluate demands} lists them, read by hand before and after the rules of guide §8
 * ({@code demand-verdicts-attachment4.csv}, scope {@code after:全部}; the {@code before:全部} rows keep the reading of
 * the list the rules started from). Every phrase of today's list must have a verdict, and the share of real asks
 * must not fall below the one measured: a change to the rules shows here first, on the data they were developed on.
 */
class DemandPhraseDevelopmentListTest {

    private static final Path REPLIES = Path.of("..", "shared", "data", "gov-messages",
            "teddy2020-messages-with-replies.csv");
    private static final Path VERDICTS = Path.of("src", "test", "resources", "org", "minyi", "insight",
            "demand-verdicts-attachment4.csv");

    /** 49 of 50 when last read (it was 40 of 50 before the rules of guide §8). */
    private static final double MEASURED_FLOOR = 0.98;

    @Test
    void topDemandsOfAttachmentFourAreRealDistinctAsks() throws IOException {
        assumeTrue(Files.isRegularFile(REPLIES), "needs ../shared/data (attachment 4, " + REPLIES + "); skipped");
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = new CommandLine(new MinYiCommand()).setOut(new PrintWriter(out)).setErr(new PrintWriter(err))
                .execute("evaluate", "demands", "--messages", REPLIES.toString(), "--top", "50");
        assertEquals(0, code, err.toString());
        List<String> keys = new ArrayList<>();
        for (String line : out.toString().split("\n")) {
            String[] f = line.trim().split("\\s+");
            if (f.length >= 3 && f[0].matches("\\d+") && f[1].matches("\\d+")) {
                keys.add(f[2]);
            }
        }
        assertEquals(50, keys.size(), out.toString());

        Map<String, String> verdicts = readVerdicts("after:全部");
        List<String> unread = keys.stream().filter(k -> !verdicts.containsKey(k)).toList();
        long real = keys.stream().filter(k -> "real".equals(verdicts.get(k))).count();
        System.out.printf("demands attachment 4 (development list): %d of %d real distinct asks%n", real, keys.size());
        assertTrue(unread.isEmpty(), "phrases without a verdict (the list changed: read it with minyi evaluate demands"
                + " --examples and update " + VERDICTS + "): " + unread);
        assertTrue(real >= MEASURED_FLOOR * keys.size(), "share of real asks fell below the measured "
                + MEASURED_FLOOR + ": " + real + " of " + keys.size());
    }

    private static Map<String, String> readVerdicts(String scope) throws IOException {
        Map<String, String> verdicts = new LinkedHashMap<>();
        DemandPhraseCheckTest.readVerdicts(VERDICTS).forEach((scoped, verdict) -> {
            if (scoped.startsWith(scope + ",")) {
                verdicts.put(scoped.substring(scope.length() + 1), verdict);
            }
        });
        return verdicts;
    }
}
