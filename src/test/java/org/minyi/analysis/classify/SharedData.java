package org.minyi.analysis.classify;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/** The real data beside the repository; tests that need it skip with a message when it is absent. */
final class SharedData {

    static final Path ROOT = Path.of("..", "shared", "data");
    static final Path SEGMENTED = ROOT.resolve("gov-messages/teddy2020-messages-labeled-segmented.csv");
    static final Path RAW_921 = ROOT.resolve("gov-messages/teddy2020-messages-labeled-raw-921.csv");
    static final Path HOTEL = ROOT.resolve("sentiment/ChnSentiCorp_htl_all.csv");
    static final Path LEXICONS = ROOT.resolve("lexicons");

    private SharedData() {
    }

    static Path require(Path file) {
        assumeTrue(Files.exists(file), "real data not found at " + file.toAbsolutePath().normalize()
                + " (../shared/data beside the work tree); skipping");
        return file;
    }

    /** Every n-th row, so a small slice still holds every class in its natural proportion. */
    static <T> List<T> everyNth(List<T> rows, int n, int offset) {
        return java.util.stream.IntStream.range(0, rows.size()).filter(i -> i % n == offset).mapToObj(rows::get)
                .toList();
    }
}
