package org.minyi.analysis;

import static org.junit.jupiter.api.Assertions.assertFalse;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;

/**
 * A development aid, not a check: the top demand keys of a message CSV other than attachment 3 (the phrase rules are
 * developed on attachment 4 and the raw 921, and only read against attachment 3 at the end), each with its count and
 * one example clause, printed for reading. Runs only when asked:
 * {@code mvn -q -o test -Dtest=DemandListsOfOtherData -Dminyi.demand-dev=../shared/data/gov-messages/FILE.csv}
 * (a file with the columns 留言主题 and 留言详情). Never point it at the Shangluo letters.
 */
@EnabledIfSystemProperty(named = "minyi.demand-dev", matches = ".+")
class DemandListsOfOtherData {

    private static final int TOP = 60;

    @Test
    void printTopDemandsOfAnotherFile() throws IOException {
        Path file = Path.of(System.getProperty("minyi.demand-dev"));
        assertFalse(file.getFileName().toString().contains("shangluo"), "the Shangluo letters are for evaluation only");
        AnalysisPipeline pipeline = Pipelines.shared();
        Map<String, Integer> counts = new HashMap<>();
        Map<String, String> examples = new HashMap<>();
        int messages = 0;
        int keyed = 0;
        try (Reader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            for (CSVRecord row : CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true).get().parse(in)) {
                Analysis a = pipeline.analyze(row.get("留言主题"), row.get("留言详情"));
                messages++;
                if (a.demandKey() != null) {
                    keyed++;
                    counts.merge(a.demandKey(), 1, Integer::sum);
                    examples.putIfAbsent(a.demandKey(), a.demand());
                }
            }
        }
        System.out.printf("%s: %d messages, %d with a demand key, %d keys%n", file.getFileName(), messages, keyed,
                counts.size());
        List<Map.Entry<String, Integer>> top = counts.entrySet().stream()
                .sorted(Map.Entry.<String, Integer>comparingByValue().reversed()
                        .thenComparing(Map.Entry.comparingByKey(Comparator.naturalOrder())))
                .limit(TOP).toList();
        for (Map.Entry<String, Integer> e : top) {
            System.out.printf("DEV %4d  %-14s %s%n", e.getValue(), e.getKey(), examples.get(e.getKey()));
        }
    }
}
