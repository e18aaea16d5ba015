package org.minyi.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.Callable;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.apache.commons.csv.CSVRecord;
import org.minyi.MinYiSettings;
import org.minyi.MinYiStack;
import org.minyi.analysis.Analysis;
import org.minyi.analysis.AnalysisPipeline;
import org.minyi.analysis.DemandProfile;
import org.minyi.analysis.TitleAndText;
import org.minyi.analysis.classify.Document;
import org.minyi.analysis.classify.LabelledMessages;
import org.minyi.analysis.classify.NearDuplicates;
import org.minyi.message.Message;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code minyi evaluate group-answers}: precision of the group and life-stage answers as people check them. The cues
 * were written on the labelled messages, so the answers to check are drawn from the Teddy messages nobody labelled
 * (never the Shangluo letters): {@code --draw} writes a seeded sample of answers (ids, labels, cues; no text) and
 * reading batches that show each answer's evidence in its message (outside the repository); readers mark each answer
 * right or wrong by the guide (§4, §4.1, §5); {@code --verdicts} then gives the precision with its 95 % interval.
 */
@Command(name = "group-answers", mixinStandardHelpOptions = true,
        description = "Draw group/life-stage answers for checking by hand, or score the verdicts.")
final class CheckGroupAnswers implements Callable<Integer> {

    private static final int CONTEXT = 60;

    @Option(names = "--draw", paramLabel = "N", description = "draw N answers (at most one per message)")
    Integer draw;

    @Option(names = "--seed", defaultValue = "20261206", description = "seed of the draw (default: ${DEFAULT-VALUE})")
    long seed;

    @Option(names = "--sample", paramLabel = "FILE", defaultValue = "models/groups/answer-sample.csv",
            description = "the drawn answers: id,kind,label,cue (default: ${DEFAULT-VALUE})")
    Path sample;

    @Option(names = "--batches", paramLabel = "FOLDER", description = "where --draw writes the reading batches (message"
            + " text: keep it outside the repository)")
    Path batches;

    @Option(names = "--kind", description = "draw only answers of this kind, group or stage (default: both): a"
            + " kind with few answers can be checked on enough of them")
    String kind;

    @Option(names = "--batch-size", defaultValue = "50")
    int batchSize;

    @Option(names = "--verdicts", paramLabel = "FILE", description = "verdicts id,kind,label,verdict,reason,reader"
            + " (verdict right or wrong) to score")
    Path verdicts;

    @Option(names = "--exclude", paramLabel = "FILE", description = "an earlier sample (id,…) whose messages are left out"
            + " of this draw: answers checked once may have shaped the rules since")
    List<Path> exclude = List.of();

    @Option(names = "--labels", defaultValue = "models/labels/labels.csv",
            description = "the labelled messages, left out of the draw (default: ${DEFAULT-VALUE})")
    Path labels;

    @Option(names = "--messages", split = ",", description = "data files to draw from (default: the Teddy-Cup"
            + " attachments 3 and 4 and the raw 921 under ../shared/data/gov-messages)")
    List<Path> messages = new EncoderTrainingOptions().messages;

    @Option(names = "--seen-in", split = ",", description = "files holding the labelled and earlier-drawn messages,"
            + " whose copies in the files drawn from are left out (default: as --messages by default)")
    List<Path> seenIn = new EncoderTrainingOptions().messages;

    @Spec
    CommandSpec spec;

    /** One answer of the cues: the message, group or stage, the label, the cue words and where they stand. */
    record Answer(String id, String kind, String label, String cue, int start) {
    }

    @Override
    public Integer call() throws Exception {
        return CommandErrors.run(spec, this::execute);
    }

    private Integer execute() throws IOException {
        if ((draw == null) == (verdicts == null)) {
            throw new IllegalArgumentException("give either --draw N (with --batches FOLDER) or --verdicts FILE");
        }
        return draw != null ? drawAnswers() : score();
    }

    private int drawAnswers() throws IOException {
        if (batches == null) {
            throw new IllegalArgumentException("--draw needs --batches FOLDER for the reading batches");
        }
        Set<String> labelled = new HashSet<>();
        for (Path file : concat(labels, exclude)) {
            try (Reader in = Files.newBufferedReader(file)) {
                for (CSVRecord r : CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true).get().parse(in)) {
                    labelled.add(r.get("id"));
                }
            }
        }
        if (kind != null && !kind.equals("group") && !kind.equals("stage")) {
            throw new IllegalArgumentException("--kind must be group or stage, was " + kind);
        }
        Map<String, Message> unlabelled = LabelledMessages.messagesById(messages, id -> !labelled.contains(id));
        // the relevance model only withholds answers of the cue words: messages where they give none need no analysis
        List<Message> answered = unlabelled.values().stream().filter(this::cueWordsAnswer).toList();
        List<Message> candidates = withoutCopiesOf(answered, labelled);
        List<List<Answer>> perMessage = new ArrayList<>();
        Map<String, String> texts = new TreeMap<>();
        // the service's own pipeline: its answers are the ones people see (with the relevance model when trained)
        AnalysisPipeline pipeline = MinYiStack.pipeline(MinYiSettings.fromSystemProperties());
        List<Message> all = candidates;
        for (int from = 0; from < all.size(); from += 256) {
            List<Message> part = all.subList(from, Math.min(all.size(), from + 256));
            List<Analysis> analyses = pipeline.analyzeAll(part);
            for (int i = 0; i < part.size(); i++) {
                Message m = part.get(i);
                DemandProfile profile = analyses.get(i).profile();
                List<Answer> answers = new ArrayList<>();
                if (kind == null || kind.equals("group")) {
                    profile.groups().forEach(e -> answers.add(answer(m.id(), "group", e)));
                }
                if (kind == null || kind.equals("stage")) {
                    profile.stages().forEach(e -> answers.add(answer(m.id(), "stage", e)));
                }
                if (!answers.isEmpty()) {
                    perMessage.add(answers);
                    texts.put(m.id(), TitleAndText.analysed(m.title(), m.text()));
                }
            }
            System.err.printf("\r  analysed %,d of %,d", Math.min(all.size(), from + 256), all.size());
        }
        System.err.println();
        Random random = new Random(seed);
        java.util.Collections.shuffle(perMessage, random);
        List<Answer> drawn = new ArrayList<>();
        for (List<Answer> answers : perMessage.subList(0, Math.min(draw, perMessage.size()))) {
            drawn.add(answers.get(random.nextInt(answers.size())));
        }
        try (Writer out = Files.newBufferedWriter(sample, StandardCharsets.UTF_8);
             CSVPrinter csv = new CSVPrinter(out, CSVFormat.DEFAULT.builder()
                     .setHeader("id", "kind", "label", "cue").get())) {
            for (Answer a : drawn) {
                csv.printRecord(a.id(), a.kind(), a.label(), a.cue());
            }
        }
        Files.createDirectories(batches);
        for (int b = 0; b * batchSize < drawn.size(); b++) {
            StringBuilder batch = new StringBuilder();
            List<Answer> part = drawn.subList(b * batchSize, Math.min(drawn.size(), (b + 1) * batchSize));
            for (int i = 0; i < part.size(); i++) {
                Answer a = part.get(i);
                String text = texts.get(a.id());
                int found = text.indexOf(a.cue(), Math.max(0, a.start() - 20)); // offsets of the analysed text
                int start = found >= 0 ? found : Math.min(a.start(), text.length());
                int end = Math.min(text.length(), start + a.cue().length());
                batch.append(String.format("=== [%d] %s | %s %s | cue %s%n%s【%s】%s%n全文: %s%n%n", i + 1, a.id(),
                        a.kind(), a.label(), a.cue(),
                        text.substring(Math.max(0, start - CONTEXT), start), text.substring(start, end),
                        text.substring(end, Math.min(text.length(), end + CONTEXT)),
                        text.length() > 1500 ? text.substring(0, 1500) + "…" : text));
            }
            Files.writeString(batches.resolve("answers-" + (b + 1) + ".txt"), batch);
        }
        spec.commandLine().getOut().printf("%,d unlabelled (and not excluded) messages, %,d with an answer of the cue"
                        + " words%s (%,d more left out as copies of labelled or earlier-drawn messages), %,d with one"
                        + " of the detector; drew %d answers into %s and reading batches into %s%n",
                unlabelled.size(), candidates.size(), kind == null ? "" : " (" + kind + ")",
                answered.size() - candidates.size(), perMessage.size(), drawn.size(), sample, batches);
        return 0;
    }

    /**
     * The messages that copy none of {@code seen} (the labelled messages and those of earlier draws). Another Teddy
     * file can repeat them (the segmented training set, attachment 2, holds the raw 921 and some of attachments 3 and
     * 4), and a labelled message trained the relevance model, an earlier draw's errors shaped the rules: a copy's
     * answer is no fresh check. Compared as {@link NearDuplicates} compares texts (words of a segmented file; a raw
     * text's whitespace-separated runs, which find exact copies).
     */
    private List<Message> withoutCopiesOf(List<Message> pool, Set<String> seen) {
        List<String> seenTexts = LabelledMessages.messagesById(seenIn, seen::contains)
                .values().stream().map(m -> TitleAndText.analysed(m.title(), m.text())).toList();
        List<Document> documents = pool.stream().map(m -> new Document(m.id(),
                List.of(TitleAndText.analysed(m.title(), m.text()).split("\\s+")), null)).toList();
        Set<String> kept = new HashSet<>();
        NearDuplicates.removeCopiesOf(seenTexts, documents).kept().forEach(d -> kept.add(d.label()));
        return pool.stream().filter(m -> kept.contains(m.id())).toList();
    }

    /** Whether the cue words alone give the message an answer of the kind drawn. */
    private boolean cueWordsAnswer(Message m) {
        String title = m.title() == null || m.title().isBlank() ? null : m.title();
        org.minyi.analysis.LifeSituationCues.Found found = org.minyi.analysis.LifeSituationCues.find(
                TitleAndText.analysed(title, m.text()), title == null ? 0 : TitleAndText.analysed(null, title).length());
        return (kind == null || kind.equals("group")) && !found.groups().isEmpty()
                || (kind == null || kind.equals("stage")) && !found.stages().isEmpty();
    }

    private static List<Path> concat(Path first, List<Path> rest) {
        List<Path> all = new ArrayList<>(List.of(first));
        all.addAll(rest);
        return all;
    }

    private static Answer answer(String id, String kind, DemandProfile.Evidence e) {
        return new Answer(id, kind, e.label(), e.cue(), e.start());
    }

    /** One answer as a reader judged it. */
    record Verdict(String id, String kind, String label, boolean right) {
    }

    /** The verdicts of a file {@code id,kind,label,verdict,…}; a verdict other than right or wrong is refused. */
    static List<Verdict> verdicts(Path file) throws IOException {
        List<Verdict> verdicts = new ArrayList<>();
        try (Reader in = Files.newBufferedReader(file)) {
            for (CSVRecord r : CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true).get().parse(in)) {
                String verdict = r.get("verdict").strip();
                if (!verdict.equals("right") && !verdict.equals("wrong")) {
                    throw new IllegalArgumentException(file + " line " + r.getRecordNumber()
                            + ": verdict must be right or wrong, was " + verdict);
                }
                verdicts.add(new Verdict(r.get("id"), r.get("kind"), r.get("label"), verdict.equals("right")));
            }
        }
        return verdicts;
    }

    private int score() throws IOException {
        PrintWriter out = spec.commandLine().getOut();
        Map<String, long[]> byLabel = new TreeMap<>(); // "kind label" → right, all
        for (Verdict v : verdicts(verdicts)) {
            for (String key : List.of(v.kind() + " (all)", v.kind() + " " + v.label())) {
                long[] counts = byLabel.computeIfAbsent(key, k -> new long[2]);
                counts[0] += v.right() ? 1 : 0;
                counts[1]++;
            }
        }
        out.printf("answers checked by hand (%s)%n%-24s %6s %6s %9s  %s%n", verdicts, "", "right", "of",
                "precision", "95% interval (Wilson)");
        byLabel.forEach((key, counts) -> {
            double[] ci = wilson(counts[0], counts[1]);
            out.printf("%-24s %6d %6d %9.3f  %.3f–%.3f%n", key, counts[0], counts[1],
                    (double) counts[0] / counts[1], ci[0], ci[1]);
        });
        return 0;
    }

    /** Wilson's score interval at 95 % for {@code right} of {@code n}. */
    static double[] wilson(long right, long n) {
        double z = 1.959964;
        double p = (double) right / n;
        double centre = (p + z * z / (2 * n)) / (1 + z * z / n);
        double half = z * Math.sqrt(p * (1 - p) / n + z * z / (4.0 * n * n)) / (1 + z * z / n);
        return new double[] {Math.max(0, centre - half), Math.min(1, centre + half)};
    }
}
