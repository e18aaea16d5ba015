package org.minyi.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.minyi.MinYiSettings;
import org.minyi.analysis.DemandReader;
import org.minyi.analysis.DomainDictionary;
import org.minyi.analysis.Segmenter;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code minyi evaluate demands}: the most frequent demand phrases (action keys) of a message CSV, each with its
 * count and the ids of one or two messages that ask it, for reading by hand (issue 14: are the top demands real,
 * distinct asks?). The demands are read by the pipeline's own steps ({@link DemandReader}), so the keys are the ones
 * the index counts. Ids only: message text is printed only with {@code --examples} (one clause per phrase) or
 * {@code --lost N} (clauses that got no phrase, for finding the asks the rules lose), for the reader's terminal.
 * The Shangluo letters are refused: they are kept for out-of-domain evaluation, and reading their demands while
 * changing the phrase rules would tune the rules on them.
 */
@Command(name = "demands", mixinStandardHelpOptions = true,
        description = "List the top demand phrases of a message CSV (留言主题, 留言详情; 一级分类 or 一级标签 for"
                + " --topic) with counts and example message ids.")
final class EvaluateDemands implements Callable<Integer> {

    private static final List<String> TOPIC_COLUMNS = List.of("一级分类", "一级标签");
    private static final int EXAMPLE_IDS = 2;

    @Option(names = "--messages", required = true, description = "message CSV with the columns 留言主题 and 留言详情")
    Path messages;

    @Option(names = "--topic", description = "only messages of this first-level topic (column 一级分类 or 一级标签)")
    String topic;

    @Option(names = "--top", defaultValue = "50", description = "how many demand phrases (default: ${DEFAULT-VALUE})")
    int top;

    @Option(names = "--examples", description = "also print one demand clause per phrase (message text: for reading"
            + " on your own terminal, never for a file in the repository)")
    boolean examples;

    @Option(names = "--lost", defaultValue = "0", description = "also print this many demand clauses that got no"
            + " phrase, with their ids (message text: for finding asks the rules lose, on your own terminal)")
    int lost;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        return CommandErrors.run(spec, this::execute);
    }

    private Integer execute() {
        OutOfDomainLetters.refuse(messages,
                "; their demands are not listed (the phrase rules must not be read or tuned on them)");
        if (top < 1) {
            throw new IllegalArgumentException("--top must be at least 1, was " + top);
        }
        MinYiSettings settings = MinYiSettings.fromSystemProperties();
        DemandReader reader = new DemandReader(new Segmenter(DomainDictionary.loadAll(
                List.of(settings.dictionaries(), settings.adminDictionaries()))));
        Map<String, Phrase> phrases = new HashMap<>();
        List<String> unphrased = new ArrayList<>();
        int read = 0;
        int asking = 0;
        try (Reader in = Files.newBufferedReader(messages, StandardCharsets.UTF_8);
             CSVParser csv = CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true).get().parse(in)) {
            requireColumns(csv.getHeaderNames());
            String topicColumn = topic == null ? null : topicColumn(csv.getHeaderNames());
            for (CSVRecord row : csv) {
                if (topicColumn != null && !row.get(topicColumn).strip().equals(topic)) {
                    continue;
                }
                read++;
                String text = row.get("留言详情");
                if (text.isBlank()) {
                    continue;
                }
                DemandReader.Demand demand = reader.read(row.get("留言主题"), text);
                String id = row.isMapped("留言编号") ? row.get("留言编号").strip() : "row " + row.getRecordNumber();
                if (demand != null && demand.key() == null && unphrased.size() < lost) {
                    unphrased.add(id + "  " + demand.clause().replaceAll("\\s+", " "));
                }
                if (demand == null || demand.key() == null) {
                    continue;
                }
                asking++;
                phrases.computeIfAbsent(demand.key(), k -> new Phrase(demand.clause())).add(id);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + messages, e);
        }
        PrintWriter out = spec.commandLine().getOut();
        out.printf("%s%s: %d messages, %d with a demand phrase, %d distinct phrases%n", messages.getFileName(),
                topic == null ? "" : " (" + topic + ")", read, asking, phrases.size());
        List<Map.Entry<String, Phrase>> ranked = phrases.entrySet().stream()
                .sorted(Comparator.<Map.Entry<String, Phrase>>comparingInt(e -> -e.getValue().ids.size())
                        .thenComparing(Map.Entry::getKey))
                .limit(top).toList();
        int rank = 0;
        for (Map.Entry<String, Phrase> e : ranked) {
            Phrase phrase = e.getValue();
            out.printf("%3d %4d  %s  %s%n", ++rank, phrase.ids.size(), e.getKey(),
                    String.join(" ", phrase.ids.subList(0, Math.min(EXAMPLE_IDS, phrase.ids.size()))));
            if (examples) {
                out.printf("          %s%n", phrase.example.replaceAll("\\s+", " "));
            }
        }
        if (!unphrased.isEmpty()) {
            out.printf("%ndemand clauses without a phrase:%n");
            unphrased.forEach(line -> out.println("  " + line));
        }
        out.flush();
        return 0;
    }

    private void requireColumns(List<String> header) {
        for (String column : List.of("留言主题", "留言详情")) {
            if (!header.contains(column)) {
                throw new IllegalArgumentException(messages + " has no column " + column + " (columns: " + header + ")");
            }
        }
    }

    private String topicColumn(List<String> header) {
        return TOPIC_COLUMNS.stream().filter(header::contains).findFirst().orElseThrow(() ->
                new IllegalArgumentException("--topic needs a column " + String.join(" or ", TOPIC_COLUMNS) + " in "
                        + messages + " (columns: " + header + ")"));
    }

    /** The messages that ask one phrase, in file order, and the first one's demand clause. */
    private static final class Phrase {
        final String example;
        final List<String> ids = new ArrayList<>();

        Phrase(String example) {
            this.example = example;
        }

        void add(String id) {
            ids.add(id);
        }
    }
}
