package org.minyi.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.minyi.MinYiSettings;
import org.minyi.MinYiStack;
import org.minyi.analysis.AnalysisPipeline;
import org.minyi.analysis.DemandProfile;
import org.minyi.analysis.classify.LabelledMessages;
import org.minyi.message.Message;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code minyi evaluate area}: how often the urban/rural call of the analysis (places and cue words,
 * {@code SettlementCues}) matches the area read by hand ({@code models/labels/area.csv}, guide section 7). The
 * pipeline is the service's own, so the places it finds are the ones the call uses in production.
 */
@Command(name = "area", mixinStandardHelpOptions = true,
        description = "Precision/recall of the urban/rural call against the hand-read area labels.")
final class EvaluateArea implements Callable<Integer> {

    /** The hand label for the product's {@link DemandProfile#URBAN}: the guide says 城市 where the product says 城镇. */
    private static final Map<String, String> ANSWER_OF_LABEL = Map.of("农村", DemandProfile.RURAL,
            "城市", DemandProfile.URBAN, "不明", "");

    @Option(names = "--labels", defaultValue = "models/labels/area.csv",
            description = "hand labels id,area,reason,reader (default: ${DEFAULT-VALUE})")
    Path labels;

    @Option(names = "--messages", split = ",", description = "data files holding the labelled messages (default: the"
            + " Teddy-Cup attachments 3 and 4 and the raw 921 under ../shared/data/gov-messages)")
    List<Path> messages = new EncoderTrainingOptions().messages;

    @Option(names = "--errors", description = "list every disagreement (id, hand label, answer), never the text")
    boolean errors;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        return CommandErrors.run(spec, this::execute);
    }

    private Integer execute() {
        PrintWriter out = spec.commandLine().getOut();
        Map<String, String> gold = read(labels);
        Map<String, Message> byId = LabelledMessages.messagesById(messages, gold::containsKey);
        List<String> missing = gold.keySet().stream().filter(id -> !byId.containsKey(id)).toList();
        if (!missing.isEmpty()) {
            throw new IllegalArgumentException(missing.size() + " labelled ids are in none of " + messages + ", e.g. "
                    + missing.subList(0, Math.min(3, missing.size())));
        }
        AnalysisPipeline pipeline = MinYiStack.pipeline(MinYiSettings.fromSystemProperties());
        // confusion[gold][answer] over 农村 / 城镇 / neither
        List<String> classes = List.of(DemandProfile.RURAL, DemandProfile.URBAN, "");
        long[][] confusion = new long[3][3];
        List<String> wrong = new ArrayList<>();
        for (Map.Entry<String, String> e : gold.entrySet()) {
            String answer = pipeline.analyze(byId.get(e.getKey())).profile().area();
            String said = answer == null ? "" : answer;
            confusion[classes.indexOf(e.getValue())][classes.indexOf(said)]++;
            if (!said.equals(e.getValue())) {
                wrong.add(String.format("  %s  hand %s  answer %s", e.getKey(), name(e.getValue()), name(said)));
            }
        }
        out.printf("%d messages read by hand for area (%s)%n%n", gold.size(), labels);
        out.printf("%-10s %8s %8s %8s%n", "hand \\ answer", "农村", "城镇", "neither");
        for (int g = 0; g < 3; g++) {
            out.printf("%-13s %8d %8d %8d%n", name(classes.get(g)), confusion[g][0], confusion[g][1], confusion[g][2]);
        }
        out.println();
        for (int c = 0; c < 2; c++) {
            long said = confusion[0][c] + confusion[1][c] + confusion[2][c];
            long present = confusion[c][0] + confusion[c][1] + confusion[c][2];
            out.printf("%s: precision %.3f (%d of %d answers), recall %.3f (%d of %d messages)%n",
                    name(classes.get(c)), ratio(confusion[c][c], said), confusion[c][c], said,
                    ratio(confusion[c][c], present), confusion[c][c], present);
        }
        long decided = 0;
        long right = 0;
        for (int g = 0; g < 3; g++) {
            decided += confusion[g][0] + confusion[g][1];
            right += g < 2 ? confusion[g][g] : 0;
        }
        out.printf("answers given for %d of %d messages; right %d of them (%.3f); accuracy over all three classes"
                        + " %.3f%n", decided, gold.size(), right, ratio(right, decided),
                ratio(right + confusion[2][2], gold.size()));
        if (errors) {
            out.printf("%ndisagreements:%n");
            wrong.forEach(out::println);
        }
        return 0;
    }

    private static String name(String answer) {
        return answer.isEmpty() ? "neither" : answer;
    }

    private static double ratio(long part, long whole) {
        return whole == 0 ? 0 : (double) part / whole;
    }

    /** id → the product's answer for the hand label (农村, 城镇, or "" for 不明). */
    private static Map<String, String> read(Path file) {
        Map<String, String> rows = new LinkedHashMap<>();
        try (Reader in = Files.newBufferedReader(file)) {
            for (CSVRecord r : CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true).get().parse(in)) {
                String answer = ANSWER_OF_LABEL.get(r.get("area").strip());
                if (answer == null) {
                    throw new IllegalArgumentException(file + " line " + r.getRecordNumber() + ": area must be 农村, "
                            + "城市 or 不明, was " + r.get("area"));
                }
                rows.put(r.get("id").strip(), answer);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file, e);
        }
        return rows;
    }
}
