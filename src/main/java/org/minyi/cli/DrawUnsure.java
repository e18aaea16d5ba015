package org.minyi.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.concurrent.Callable;
import org.minyi.analysis.DomainDictionary;
import org.minyi.analysis.Segmenter;
import org.minyi.analysis.TitleAndText;
import org.minyi.analysis.classify.DistillationPool;
import org.minyi.analysis.classify.LabelledCsv;
import org.minyi.analysis.classify.LabelledMessages;
import org.minyi.analysis.classify.TopicModel;
import org.minyi.message.Message;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code minyi labels draw-unsure}: the next messages worth reading for the topic labels — the unlabelled messages
 * the topic model is least sure of (the smallest gap between its first and second answer), written as reading
 * batches outside the repository and a sample file of ids. Left out, as the trainers leave them out: every labelled
 * message, repeated texts, and near-copies of a labelled or raw-921 message (reading a copy of a held-out message
 * into training would flatter the held-out figures). The Shangluo letters are refused.
 */
@Command(name = "draw-unsure", mixinStandardHelpOptions = true,
        description = "Draw the unlabelled messages the topic model is least sure of, as reading batches.")
final class DrawUnsure implements Callable<Integer> {

    private static final int BODY_CHARS = 1200;

    @Option(names = "--count", defaultValue = "420", description = "messages to draw (default: ${DEFAULT-VALUE})")
    int count;

    @Option(names = "--batch-size", defaultValue = "60", description = "messages per reading batch")
    int batchSize;

    @Option(names = "--double", defaultValue = "55", description = "of them, read a second time (one batch)")
    int doubles;

    @Option(names = "--seed", defaultValue = "20261207", description = "seed of the batches' order")
    long seed;

    @Option(names = "--first-batch", defaultValue = "1", description = "number of the first batch (batch-tNN.txt,"
            + " read by reader t-NN; the second readings go to double-tNN.txt): a later round goes on from the last")
    int firstBatch;

    @Option(names = "--labels", defaultValue = "models/labels/labels.csv", description = "the labels so far")
    Path labels;

    @Option(names = "--messages", split = ",", description = "Teddy data files to draw from (default: attachments 3"
            + " and 4 and the raw 921 under ../shared/data/gov-messages)")
    List<Path> messages = EncoderTrainingOptions.teddyFiles();

    @Option(names = "--model", defaultValue = "models/topic", description = "folder of the distilled topic model")
    Path model;

    @Option(names = "--dictionaries", defaultValue = "dictionaries")
    Path dictionaries;

    @Option(names = "--batches", required = true, paramLabel = "FOLDER",
            description = "where the reading batches (message text) go: keep it outside the repository")
    Path batches;

    @Option(names = "--sample", defaultValue = "models/labels/targeted-sample.csv",
            description = "ids of the draw: id,source,batch,double (default: ${DEFAULT-VALUE})")
    Path sample;

    @Spec
    CommandSpec spec;

    private record Unsure(String id, double margin) {
    }

    @Override
    public Integer call() throws Exception {
        return CommandErrors.run(spec, this::execute);
    }

    private Integer execute() throws IOException {
        messages.forEach(file -> OutOfDomainLetters.refuse(file, " and are never read for labels"));
        if (count < 1 || batchSize < 1 || doubles < 0 || doubles > count || firstBatch < 1) {
            throw new IllegalArgumentException("need --count >= 1, --batch-size >= 1, 0 <= --double <= --count and"
                    + " --first-batch >= 1");
        }
        Segmenter segmenter = new Segmenter(DomainDictionary.load(dictionaries));
        SortedMap<String, Message> byId = new TreeMap<>();
        Map<String, String> sourceOf = new HashMap<>();
        for (Path file : messages) {
            LabelledMessages.messagesById(List.of(file), id -> !byId.containsKey(id)).forEach((id, m) -> {
                byId.put(id, m);
                sourceOf.put(id, file.getFileName().toString().replaceFirst("\\.csv$", ""));
            });
        }
        DistillationPool pool = unlabelled(byId, segmenter);
        TopicModel topics = TopicModel.load(model, TopicModel.DISTILLED_FILE_NAME);
        List<Unsure> scored = new ArrayList<>();
        for (int i = 0; i < pool.size(); i++) {
            String text = pool.texts().get(i);
            scored.add(new Unsure(pool.ids().get(i), margin(topics.probabilities(segmenter.contentWords(text), text))));
        }
        scored.sort(Comparator.comparingDouble(Unsure::margin).thenComparing(Unsure::id));
        List<Unsure> drawn = new ArrayList<>(scored.subList(0, Math.min(count, scored.size())));
        spec.commandLine().getOut().printf("%,d unlabelled messages (left out: %,d labelled, %,d repeated texts,"
                        + " %,d near-copies of a labelled or raw-921 message); drew the %,d the model is least sure of"
                        + " (gap up to %.3f)%n", pool.size(), pool.labelledIds(), pool.repeats(), pool.nearCopies(),
                drawn.size(), drawn.getLast().margin());
        Collections.shuffle(drawn, new Random(seed));
        List<Unsure> twice = new ArrayList<>(drawn);
        Collections.shuffle(twice, new Random(seed + 1));
        Set<String> twiceIds = new HashSet<>();
        twice.subList(0, doubles).forEach(u -> twiceIds.add(u.id()));
        write(byId, sourceOf, drawn, twiceIds);
        return 0;
    }

    /** Every message not labelled, not a repeat and not a near-copy of a labelled or raw-921 message. */
    private DistillationPool unlabelled(SortedMap<String, Message> byId, Segmenter segmenter) {
        List<LabelledMessages> labelled = LabelledMessages.read(labels, byId, messages);
        Set<String> labelledIds = new HashSet<>();
        List<String> known = new ArrayList<>();
        for (LabelledMessages m : labelled) {
            labelledIds.add(m.id());
            known.add(TitleAndText.analysed(m.title(), m.text()));
        }
        for (Path file : messages) {
            if (file.getFileName().toString().contains("raw-921")) {
                LabelledCsv.read(file, LabelledCsv.Columns.GUESS)
                        .forEach(t -> known.add(TitleAndText.analysed(null, t.text())));
            }
        }
        SortedMap<String, String> candidates = new TreeMap<>();
        byId.forEach((id, m) -> candidates.put(id, TitleAndText.analysed(m.title(), m.text())));
        DistillationPool pool = DistillationPool.of(candidates, labelledIds, known, segmenter::contentWords);
        if (pool.size() == 0) {
            throw new IllegalArgumentException("no unlabelled message to draw in " + messages + " (" + byId.size()
                    + " read, " + pool.labelledIds() + " labelled, " + pool.repeats() + " repeated, "
                    + pool.nearCopies() + " near-copies of labelled ones)");
        }
        return pool;
    }

    /** The gap between the first and the second answer's probability. */
    static double margin(double[] p) {
        double first = Double.NEGATIVE_INFINITY;
        double second = Double.NEGATIVE_INFINITY;
        for (double v : p) {
            if (v > first) {
                second = first;
                first = v;
            } else if (v > second) {
                second = v;
            }
        }
        return first - second;
    }

    private void write(Map<String, Message> byId, Map<String, String> sourceOf, List<Unsure> drawn,
                       Set<String> twiceIds) throws IOException {
        Files.createDirectories(batches);
        if (sample.toAbsolutePath().getParent() != null) {
            Files.createDirectories(sample.toAbsolutePath().getParent());
        }
        List<Message> second = new ArrayList<>();
        try (PrintWriter out = new PrintWriter(Files.newBufferedWriter(sample))) {
            out.println("id,source,batch,double");
            for (int b = 0; b * batchSize < drawn.size(); b++) {
                String batch = String.format("batch-t%02d", firstBatch + b);
                List<Message> part = new ArrayList<>();
                for (Unsure u : drawn.subList(b * batchSize, Math.min(drawn.size(), (b + 1) * batchSize))) {
                    Message m = byId.get(u.id());
                    part.add(m);
                    boolean twice = twiceIds.contains(u.id());
                    if (twice) {
                        second.add(m);
                    }
                    out.println(u.id() + "," + sourceOf.get(u.id()) + "," + batch + "," + (twice ? "yes" : ""));
                }
                writeBatch(batches.resolve(batch + ".txt"), part);
            }
        }
        if (!second.isEmpty()) {
            writeBatch(batches.resolve(String.format("double-t%02d.txt", firstBatch)), second);
        }
        spec.commandLine().getOut().printf("wrote %s and reading batches into %s%n", sample, batches);
    }

    private static void writeBatch(Path file, List<Message> part) throws IOException {
        try (PrintWriter w = new PrintWriter(Files.newBufferedWriter(file))) {
            int n = 1;
            for (Message m : part) {
                String body = oneLine(m.text());
                String shown = body.length() <= BODY_CHARS ? body : body.substring(0, BODY_CHARS) + "…["
                        + (body.length() - BODY_CHARS) + " more characters not shown]";
                String day = m.createdAt() == null ? "" : m.createdAt().toString().substring(0, 10);
                w.printf("=== [%d] %s | %s%n标题: %s%n正文: %s%n%n", n++, m.id(), day, oneLine(m.title()), shown);
            }
        }
    }

    private static String oneLine(String s) {
        return s == null ? "" : s.replaceAll("\\s+", " ").strip();
    }
}
