package org.minyi.cli;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.minyi.analysis.classify.Agreement;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code minyi labels agreement}: how far two independent readings of the same messages agree, field by field;
 * {@code minyi labels draw-unsure}: the next messages worth reading ({@link DrawUnsure}).
 */
@Command(name = "labels", mixinStandardHelpOptions = true, description = "Work with hand labels.",
        subcommands = {LabelsCommand.AgreementCommand.class, DrawUnsure.class})
public final class LabelsCommand {

    @Command(name = "agreement", mixinStandardHelpOptions = true,
            description = "Cohen's kappa per field between a first and a second reading of the same messages.")
    static final class AgreementCommand implements Callable<Integer> {

        @Option(names = "--first", defaultValue = "models/labels/first-reading.csv",
                description = "first readings (default: ${DEFAULT-VALUE})")
        Path first;

        @Option(names = "--second", defaultValue = "models/labels/second-reading.csv",
                description = "second readings (default: ${DEFAULT-VALUE})")
        Path second;

        @Spec
        CommandSpec spec;

        @Override
        public Integer call() throws Exception {
            return CommandErrors.run(spec, this::execute);
        }

        private Integer execute() {
            Map<String, CSVRecord> a = read(first);
            Map<String, CSVRecord> b = read(second);
            List<String> ids = a.keySet().stream().filter(b::containsKey).toList();
            if (ids.isEmpty()) {
                throw new IllegalArgumentException("no message is in both " + first + " and " + second);
            }
            System.out.printf("%d messages read twice (%s, %s)%n", ids.size(), first, second);
            CSVRecord one = a.get(ids.getFirst());
            CSVRecord other = b.get(ids.getFirst());
            if (both(one, other, "topic")) { // the main labels; the area reading has its own files
                line("topic (8 labels)", Agreement.kappa(column(ids, a, "topic"), column(ids, b, "topic")));
                line("attitude (3 labels)", Agreement.kappa(column(ids, a, "attitude"), column(ids, b, "attitude")));
                line("first service domain", Agreement.kappa(firsts(ids, a, "domains"), firsts(ids, b, "domains")));
                line("service domains (sets)", Agreement.setKappa(sets(ids, a, "domains"), sets(ids, b, "domains")));
                line("groups (sets)", Agreement.setKappa(sets(ids, a, "groups"), sets(ids, b, "groups")));
                line("life stages (sets)", Agreement.setKappa(sets(ids, a, "stages"), sets(ids, b, "stages")));
            }
            if (both(one, other, "area")) {
                line("area (3 labels)", Agreement.kappa(column(ids, a, "area"), column(ids, b, "area")));
            }
            if (both(one, other, "verdict")) { // answers checked by hand: right or wrong
                line("verdict (right/wrong)", Agreement.kappa(column(ids, a, "verdict"), column(ids, b, "verdict")));
            }
            System.out.println("kappa for sets: per label present/absent, averaged weighted by use; observed for sets:"
                    + " share of messages with equal sets");
            return 0;
        }

        private static boolean both(CSVRecord one, CSVRecord other, String column) {
            return one.isMapped(column) && other.isMapped(column);
        }

        private static void line(String field, Agreement.Figures f) {
            System.out.printf("  %-24s observed %.3f  kappa %.3f%n", field, f.observed(), f.kappa());
        }

        private static List<String> column(List<String> ids, Map<String, CSVRecord> rows, String name) {
            return ids.stream().map(id -> rows.get(id).get(name)).toList();
        }

        private static List<String> firsts(List<String> ids, Map<String, CSVRecord> rows, String name) {
            return ids.stream().map(id -> rows.get(id).get(name).split("\\|")[0]).toList();
        }

        private static List<Set<String>> sets(List<String> ids, Map<String, CSVRecord> rows, String name) {
            List<Set<String>> out = new ArrayList<>();
            for (String id : ids) {
                out.add(Arrays.stream(rows.get(id).get(name).split("\\|")).map(String::strip)
                        .filter(s -> !s.isEmpty()).collect(Collectors.toSet()));
            }
            return out;
        }

        private static Map<String, CSVRecord> read(Path file) {
            Map<String, CSVRecord> rows = new LinkedHashMap<>();
            try (Reader in = Files.newBufferedReader(file)) {
                for (CSVRecord r : CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true).get().parse(in)) {
                    rows.put(r.get("id"), r);
                }
            } catch (IOException e) {
                throw new UncheckedIOException("cannot read " + file, e);
            }
            return rows;
        }
    }
}
