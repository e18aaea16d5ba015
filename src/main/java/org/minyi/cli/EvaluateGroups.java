package org.minyi.cli;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import org.minyi.analysis.DemandProfile;
import org.minyi.analysis.LifeSituationCues;
import org.minyi.analysis.TitleAndText;
import org.minyi.analysis.classify.LabelledMessages;
import org.minyi.analysis.classify.MultiLabelEvaluation;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code minyi evaluate groups}: precision and recall of the group and life-stage cues ({@link LifeSituationCues})
 * against the hand labels, on the held-out split (the figure to quote) and on the training split (where the cues may
 * be improved; {@code --errors} lists its false answers by id, cue and the words around it on the terminal, never into
 * a file; {@code --split training} keeps the held-out figure out of sight while the cues are worked on).
 */
@Command(name = "groups", mixinStandardHelpOptions = true,
        description = "Precision/recall of group and life-stage detection against the hand labels.")
final class EvaluateGroups implements Callable<Integer> {

    @Mixin
    EncoderTrainingOptions options = new EncoderTrainingOptions();

    @Option(names = "--errors", description = "list the training split's false answers on the terminal: id, label,"
            + " evidence and the words around it (never written to a file)")
    boolean errors;

    @Option(names = "--answers", description = "like --errors, and the right answers too")
    boolean answers;

    @Option(names = "--misses", description = "list the training split's missed gold labels (id, label)")
    boolean misses;

    @Option(names = "--split", defaultValue = "both", description = "which split to report: training, held-out or"
            + " both (default: ${DEFAULT-VALUE}); work on the cues with training only")
    String which;

    /** Characters shown on each side of a false answer's evidence. */
    private static final int CONTEXT = 20;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        return CommandErrors.run(spec, this::execute);
    }

    private Integer execute() {
        List<LabelledMessages> labelled = LabelledMessages.read(options.labels, options.messages);
        EncoderTrainingOptions.Split split = EncoderTrainingOptions.Split.of(labelled);
        System.out.printf("hand labels: %,d (%,d train, %,d held out by LabelSplit)%n", labelled.size(),
                split.training().size(), split.heldOut().size());
        if (!which.equals("training") && !which.equals("held-out") && !which.equals("both")) {
            throw new IllegalArgumentException("--split is training, held-out or both, not " + which);
        }
        if (!which.equals("training")) {
            report("held-out split", split.heldOut(), false, false, false);
        }
        if (!which.equals("held-out")) {
            report("training split (the cues were written from the guide and checked here)", split.training(),
                    errors || answers, answers, misses);
        }
        return 0;
    }

    /** How many leading characters of the analysed text are the title, as the step {@code groups} counts them. */
    static int titleLength(LabelledMessages m) {
        String title = m.title();
        return title == null || title.isBlank() ? 0 : TitleAndText.analysed(null, title).length();
    }

    private static void report(String what, List<LabelledMessages> rows, boolean listErrors, boolean listRight,
            boolean listMisses) {
        List<String> texts = EncoderTrainingOptions.texts(rows);
        List<List<String>> goldGroups = new ArrayList<>();
        List<List<String>> goldStages = new ArrayList<>();
        List<List<String>> groups = new ArrayList<>();
        List<List<String>> stages = new ArrayList<>();
        for (int i = 0; i < rows.size(); i++) {
            LifeSituationCues.Found found = LifeSituationCues.find(texts.get(i), titleLength(rows.get(i)));
            goldGroups.add(rows.get(i).groups());
            goldStages.add(rows.get(i).stages());
            groups.add(found.groups().stream().map(DemandProfile.Evidence::label).toList());
            stages.add(found.stages().stream().map(DemandProfile.Evidence::label).toList());
            if (listErrors) {
                listAnswers("group", rows.get(i).id(), rows.get(i).groups(), found.groups(), texts.get(i), listRight);
                listAnswers("stage", rows.get(i).id(), rows.get(i).stages(), found.stages(), texts.get(i), listRight);
            }
            if (listMisses) {
                listMissed("group", rows.get(i).id(), rows.get(i).groups(), groups.getLast());
                listMissed("stage", rows.get(i).id(), rows.get(i).stages(), stages.getLast());
            }
        }
        MultiLabelEvaluation g = MultiLabelEvaluation.of(goldGroups, groups);
        MultiLabelEvaluation s = MultiLabelEvaluation.of(goldStages, stages);
        System.out.printf("%n== %s, %d messages: groups%n%s", what, rows.size(), g.report());
        System.out.printf("== %s: life stages%n%s", what, s.report());
        System.out.printf("== %s: precision groups %.3f, stages %.3f; recall groups %.3f, stages %.3f%n", what,
                g.micro().precision(), s.micro().precision(), g.micro().recall(), s.micro().recall());
    }

    private static void listAnswers(String kind, String id, List<String> gold, List<DemandProfile.Evidence> found,
            String text, boolean alsoRight) {
        for (DemandProfile.Evidence e : found) {
            boolean right = gold.contains(e.label());
            if (!right || alsoRight) {
                int from = Math.max(0, e.start() - CONTEXT);
                int to = Math.min(text.length(), e.start() + e.cue().length() + CONTEXT);
                System.out.printf("  %s %s %s  %s  cue %s  …%s…%n", right ? "right" : "false", kind, id, e.label(),
                        e.cue(),
                        text.substring(from, to).replaceAll("\\s+", " "));
            }
        }
    }

    private static void listMissed(String kind, String id, List<String> gold, List<String> found) {
        for (String label : gold) {
            if (!found.contains(label)) {
                System.out.printf("  missed %s %s  %s%n", kind, id, label);
            }
        }
    }
}
