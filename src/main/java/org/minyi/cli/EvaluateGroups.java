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
 * be improved; {@code --errors} lists its mistakes by id and cue, never the text).
 */
@Command(name = "groups", mixinStandardHelpOptions = true,
        description = "Precision/recall of group and life-stage detection against the hand labels.")
final class EvaluateGroups implements Callable<Integer> {

    @Mixin
    EncoderTrainingOptions options = new EncoderTrainingOptions();

    @Option(names = "--errors", description = "list the training split's answers, right and false (id, label, cue)")
    boolean errors;

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
        report("held-out split", split.heldOut(), false);
        report("training split (the cues were written from the guide and checked here)", split.training(), errors);
        return 0;
    }

    private static void report(String what, List<LabelledMessages> rows, boolean listErrors) {
        List<String> texts = EncoderTrainingOptions.texts(rows);
        List<List<String>> goldGroups = new ArrayList<>();
        List<List<String>> goldStages = new ArrayList<>();
        List<List<String>> groups = new ArrayList<>();
        List<List<String>> stages = new ArrayList<>();
        for (int i = 0; i < rows.size(); i++) {
            String title = rows.get(i).title();
            int titleLength = title == null || title.isBlank() ? 0 : TitleAndText.analysed(null, title).length();
            LifeSituationCues.Found found = LifeSituationCues.find(texts.get(i), titleLength);
            goldGroups.add(rows.get(i).groups());
            goldStages.add(rows.get(i).stages());
            groups.add(found.groups().stream().map(DemandProfile.Evidence::label).toList());
            stages.add(found.stages().stream().map(DemandProfile.Evidence::label).toList());
            if (listErrors) {
                for (DemandProfile.Evidence e : found.groups()) {
                    System.out.printf("  %s group %s  %s  cue %s%n", rows.get(i).groups().contains(e.label())
                            ? "right" : "false", rows.get(i).id(), e.label(), e.cue());
                }
                for (DemandProfile.Evidence e : found.stages()) {
                    System.out.printf("  %s stage %s  %s  cue %s%n", rows.get(i).stages().contains(e.label())
                            ? "right" : "false", rows.get(i).id(), e.label(), e.cue());
                }
            }
        }
        MultiLabelEvaluation g = MultiLabelEvaluation.of(goldGroups, groups);
        MultiLabelEvaluation s = MultiLabelEvaluation.of(goldStages, stages);
        System.out.printf("%n== %s, %d messages: groups%n%s", what, rows.size(), g.report());
        System.out.printf("== %s: life stages%n%s", what, s.report());
        System.out.printf("== %s: precision groups %.3f, stages %.3f; recall groups %.3f, stages %.3f%n", what,
                g.micro().precision(), s.micro().precision(), g.micro().recall(), s.micro().recall());
    }
}
