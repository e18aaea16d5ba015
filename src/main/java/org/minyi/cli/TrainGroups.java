package org.minyi.cli;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;
import org.minyi.analysis.DemandProfile;
import org.minyi.analysis.LifeSituationCues;
import org.minyi.analysis.TitleAndText;
import org.minyi.analysis.classify.GroupRelevanceModel;
import org.minyi.analysis.classify.LabelledMessages;
import org.minyi.analysis.classify.MultiLabelEvaluation;
import org.minyi.analysis.classify.SoftmaxRegression;
import org.minyi.analysis.encode.EmbeddingCache;
import org.minyi.analysis.encode.SentenceEncoder;
import org.minyi.message.Message;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code minyi train groups}: the group relevance model ({@link GroupRelevanceModel}). One logistic regression per
 * group and life stage over the sentence vector, on the hand labels' training split; the threshold of each kind is
 * the lowest whose kept answers, among answers people checked by hand ({@code --tune-on}, from
 * {@code minyi evaluate group-answers}), reach {@code --precision}. Reports the held-out split (hand labels) with and
 * without the model, and what the threshold keeps of the checked answers.
 */
@Command(name = "groups", mixinStandardHelpOptions = true,
        description = "Train the group relevance model and choose its thresholds on hand-checked answers.")
final class TrainGroups implements Callable<Integer> {

    @Mixin
    EncoderTrainingOptions options = new EncoderTrainingOptions();

    @Option(names = "--tune-on", split = ",", defaultValue = "models/groups/answer-verdicts.csv",
            description = "answers checked by hand (id,kind,label,verdict,…; comma-separated files) the thresholds"
                    + " are chosen on (default: ${DEFAULT-VALUE})")
    List<Path> tuneOn;

    @Option(names = "--stage-threshold-only", description = "keep the trained model of --model and choose only the"
            + " life-stage threshold, on the checked answers the cue words still give")
    boolean stageThresholdOnly;

    @Option(names = "--model", defaultValue = "models/groups",
            description = "with --stage-threshold-only: the folder of the model kept (default: ${DEFAULT-VALUE})")
    Path model;

    @Option(names = "--precision", defaultValue = "0.93",
            description = "precision the kept checked answers must reach (default: ${DEFAULT-VALUE}; above the 0.9"
                    + " aimed at, for the error of a sample of 200)")
    double precision;

    @Option(names = "--out", description = "model folder to write relevance.model into (none: report only)")
    Path out;

    @Spec
    CommandSpec spec;

    private static final double[] GRID = {0, 0.05, 0.1, 0.15, 0.2, 0.25, 0.3, 0.35, 0.4, 0.45, 0.5, 0.6, 0.7};

    /** One checked answer with its message's vector, and whether the cue words as they are now still give it. */
    private record Checked(String kind, String label, boolean right, float[] vector, boolean stillGiven) {
    }

    @Override
    public Integer call() throws Exception {
        return CommandErrors.run(spec, this::execute);
    }

    private Integer execute() throws IOException {
        if (stageThresholdOnly) {
            return stageThreshold();
        }
        List<LabelledMessages> labelled = LabelledMessages.read(options.labels, options.messages);
        EncoderTrainingOptions.Split split = EncoderTrainingOptions.Split.of(labelled);
        System.out.printf("hand labels: %,d (%,d train, %,d held out by LabelSplit)%n", labelled.size(),
                split.training().size(), split.heldOut().size());
        try (SentenceEncoder encoder = options.openEncoder()) {
            EmbeddingCache cache = EmbeddingCache.open(options.cache, encoder);
            int threads = options.threads();
            float[][] trainX = EncoderTrainingOptions.vectors(cache, EncoderTrainingOptions.texts(split.training()),
                    threads, "training rows");
            SoftmaxRegression.Settings settings = new SoftmaxRegression.Settings(options.l2, options.iterations, 0.05);
            var models = GroupRelevanceModel.train(trainX,
                    split.training().stream().map(LabelledMessages::groups).toList(),
                    split.training().stream().map(LabelledMessages::stages).toList(), settings);
            List<Checked> checked = checked(cache, threads);
            Map<String, String> facts = new LinkedHashMap<>();
            facts.put("trained", Instant.now().truncatedTo(ChronoUnit.SECONDS).toString());
            facts.put("encoder", encoder.name());
            facts.put("data", String.format("%d hand labels of the training split (%s)", trainX.length,
                    options.labels.getFileName()));
            facts.put("settings", settings.toString());
            GroupRelevanceModel probe = GroupRelevanceModel.of(models, 0, 0, facts);
            double groupCut = choose(GroupRelevanceModel.GROUP, checked, probe);
            double stageCut = choose(GroupRelevanceModel.STAGE, checked, probe);
            facts.put("thresholds", String.format("groups %.2f, stages %.2f: the lowest whose kept answers among %d"
                    + " checked by hand (%s) reach precision %.2f", groupCut, stageCut, checked.size(),
                    names(), precision));
            GroupRelevanceModel model = GroupRelevanceModel.of(models, groupCut, stageCut, facts);
            heldOut(split.heldOut(), cache, threads, model);
            if (out != null) {
                model.save(out);
                System.out.printf("wrote %s%n", out.resolve(GroupRelevanceModel.FILE_NAME));
            }
        }
        return 0;
    }

    /**
     * The shipped label models kept, the stage threshold chosen again on the checked answers (of every --tune-on file)
     * that the cue words as they are now still give: an answer later rules withhold says nothing of the threshold.
     */
    private Integer stageThreshold() throws IOException {
        GroupRelevanceModel shipped = GroupRelevanceModel.load(model);
        try (SentenceEncoder encoder = options.openEncoder()) {
            EmbeddingCache cache = EmbeddingCache.open(options.cache, encoder);
            List<Checked> all = checked(cache, options.threads());
            List<Checked> stillGiven = all.stream().filter(c -> c.stillGiven).toList();
            System.out.printf("%d checked answers in %s; %d of them the cue words still give%n", all.size(), names(),
                    stillGiven.size());
            double stageCut = choose(GroupRelevanceModel.STAGE, stillGiven, shipped);
            System.out.printf("stage threshold %.2f -> %.2f (groups kept at %.2f)%n",
                    shipped.threshold(GroupRelevanceModel.STAGE), stageCut, shipped.threshold(GroupRelevanceModel.GROUP));
            Map<String, String> facts = new LinkedHashMap<>(shipped.facts());
            facts.put("thresholds", String.format("groups %.2f (%s); stages %.2f: the lowest whose kept answers among"
                    + " the %d stage answers checked by hand (%s) that the cue words still give reach precision %.2f",
                    shipped.threshold(GroupRelevanceModel.GROUP), shipped.facts().getOrDefault("thresholds", ""),
                    stageCut, stillGiven.stream().filter(c -> c.kind().equals(GroupRelevanceModel.STAGE)).count(),
                    names(), precision));
            GroupRelevanceModel chosen = shipped.withStageThreshold(stageCut, facts);
            List<LabelledMessages> labelled = LabelledMessages.read(options.labels, options.messages);
            heldOut(EncoderTrainingOptions.Split.of(labelled).heldOut(), cache, options.threads(), chosen);
            if (out != null) {
                chosen.save(out);
                System.out.printf("wrote %s%n", out.resolve(GroupRelevanceModel.FILE_NAME));
            }
        }
        return 0;
    }

    private String names() {
        return tuneOn.stream().map(p -> p.getFileName().toString()).collect(Collectors.joining(", "));
    }

    /** The lowest threshold whose kept checked answers of this kind reach the precision; the best one otherwise. */
    private double choose(String kind, List<Checked> checked, GroupRelevanceModel probe) {
        System.out.printf("%n== %s answers checked by hand (%s): what each threshold keeps%n", kind, tuneOn);
        double chosen = Double.NaN;
        double bestPrecision = -1;
        double best = 0;
        long allRight = checked.stream().filter(c -> c.kind().equals(kind) && c.right()).count();
        for (double t : GRID) {
            long kept = 0;
            long right = 0;
            for (Checked c : checked) {
                if (!c.kind().equals(kind)) {
                    continue;
                }
                double p = probe.probability(kind, c.label(), c.vector());
                if (Double.isNaN(p) || p >= t) {
                    kept++;
                    right += c.right() ? 1 : 0;
                }
            }
            double at = kept == 0 ? 0 : (double) right / kept;
            System.out.printf("  threshold %.2f: keeps %3d answers, precision %.3f, %3d of the %d right ones%n", t,
                    kept, at, right, allRight);
            if (Double.isNaN(chosen) && at >= precision) {
                chosen = t;
            }
            if (at > bestPrecision) {
                bestPrecision = at;
                best = t;
            }
        }
        double cut = Double.isNaN(chosen) ? best : chosen;
        System.out.printf("  chosen: %.2f%s%n", cut, Double.isNaN(chosen) ? " (none reached the precision: the best)"
                : "");
        return cut;
    }

    /** The hand-checked answers with their messages' vectors. */
    private List<Checked> checked(EmbeddingCache cache, int threads) throws IOException {
        List<CheckGroupAnswers.Verdict> verdicts = new ArrayList<>();
        for (Path file : tuneOn) {
            verdicts.addAll(CheckGroupAnswers.verdicts(file));
        }
        Set<String> ids = verdicts.stream().map(CheckGroupAnswers.Verdict::id).collect(Collectors.toSet());
        Map<String, Message> byId = LabelledMessages.messagesById(options.messages, ids::contains);
        List<String> texts = new ArrayList<>();
        List<Boolean> given = new ArrayList<>();
        for (CheckGroupAnswers.Verdict v : verdicts) {
            Message m = byId.get(v.id());
            if (m == null) {
                throw new IllegalArgumentException("checked answer " + v.id() + " is in none of " + options.messages);
            }
            String text = TitleAndText.analysed(m.title(), m.text());
            texts.add(text);
            int title = m.title() == null || m.title().isBlank() ? 0 : TitleAndText.analysed(null, m.title()).length();
            LifeSituationCues.Found found = LifeSituationCues.find(text, title);
            given.add((v.kind().equals(GroupRelevanceModel.GROUP) ? found.groupLabels() : found.stageLabels())
                    .contains(v.label()));
        }
        float[][] x = EncoderTrainingOptions.vectors(cache, texts, threads, "checked answers");
        List<Checked> checked = new ArrayList<>();
        for (int i = 0; i < verdicts.size(); i++) {
            checked.add(new Checked(verdicts.get(i).kind(), verdicts.get(i).label(), verdicts.get(i).right(), x[i],
                    given.get(i)));
        }
        return checked;
    }

    /** The held-out split against its hand labels: the cue words alone, and with the model. */
    private static void heldOut(List<LabelledMessages> rows, EmbeddingCache cache, int threads,
                                GroupRelevanceModel model) {
        List<String> texts = EncoderTrainingOptions.texts(rows);
        float[][] x = EncoderTrainingOptions.vectors(cache, texts, threads, "held-out rows");
        List<LifeSituationCues.Found> found = new ArrayList<>();
        for (int i = 0; i < rows.size(); i++) {
            found.add(LifeSituationCues.find(texts.get(i), EvaluateGroups.titleLength(rows.get(i))));
        }
        for (String kind : List.of(GroupRelevanceModel.GROUP, GroupRelevanceModel.STAGE)) {
            boolean groups = kind.equals(GroupRelevanceModel.GROUP);
            List<List<String>> gold = new ArrayList<>();
            List<List<String>> cues = new ArrayList<>();
            List<List<String>> kept = new ArrayList<>();
            for (int i = 0; i < rows.size(); i++) {
                LabelledMessages m = rows.get(i);
                List<String> answers = (groups ? found.get(i).groups() : found.get(i).stages()).stream()
                        .map(DemandProfile.Evidence::label).toList();
                float[] v = x[i];
                gold.add(groups ? m.groups() : m.stages());
                cues.add(answers);
                kept.add(answers.stream().filter(a -> model.keeps(kind, a, v)).toList());
            }
            MultiLabelEvaluation alone = MultiLabelEvaluation.of(gold, cues);
            MultiLabelEvaluation with = MultiLabelEvaluation.of(gold, kept);
            System.out.printf("%n== held-out split (%d messages), %s: cue words alone precision %.3f recall %.3f;"
                            + " with the relevance model precision %.3f recall %.3f%n", rows.size(), kind,
                    alone.micro().precision(), alone.micro().recall(), with.micro().precision(),
                    with.micro().recall());
        }
    }
}
