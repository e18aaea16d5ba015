package org.minyi.collect.importer;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Measures how fast the real with-votes file is parsed into messages (sink does nothing), printing the figure.
 * Run: {@code mvn -o -q -B test -Dtest=WithVotesImportRateTest}. It asserts the row count, never a time.
 */
class WithVotesImportRateTest {

    @Test
    void parsesTheWithVotesFileAndPrintsRowsPerSecond() throws java.io.IOException {
        Path file = RealFiles.require("teddy2020-messages-with-votes.csv");
        FileImporter importer = new FileImporter();
        List<Double> rates = new ArrayList<>();
        for (int round = 0; round < 11; round++) {
            ImportReport report = importer.run(file, ImportOptions.defaults(), message -> { }, ImportProgress.NONE);
            assertThat(report.accepted()).isEqualTo(4_326);
            if (round > 0) { // the first round warms the JIT up
                rates.add(report.rowsPerSecond());
            }
        }
        rates.sort(null);
        System.out.printf("with-votes.csv (%d rows, %,d bytes): median %,.0f rows/s over %d runs (min %,.0f, max %,.0f)%n",
                4_326, java.nio.file.Files.size(file), rates.get(rates.size() / 2), rates.size(), rates.getFirst(), rates.getLast());
    }
}
