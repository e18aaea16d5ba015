package org.minyi.cli;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import org.minyi.analysis.classify.DomainTraining;
import org.minyi.analysis.classify.LabelledMessages;
import org.minyi.analysis.classify.MultiLabelEvaluation;
import org.minyi.analysis.classify.ServiceDomainModel;
import org.minyi.analysis.classify.SoftmaxRegression;
import org.minyi.analysis.encode.EmbeddingCache;
import org.minyi.analysis.encode.SentenceEncoder;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code minyi train domains}: the service-domain model (one logistic regression per domain over the sentence
 * vector) trained on the hand labels' training split, with its cross-validation and the held-out split's
 * per-domain precision, recall and F1 in one run, beside a majority baseline (every message gets the commonest
 * domain).
 */
@Command(name = "domains", mixinStandardHelpOptions = true,
        description = "Train the service-domain model (multi-label) and report per-domain precision/recall/F1.")
final class TrainDomains implements Callable<Integer> {

    @Mixin
    EncoderTrainingOptions options = new EncoderTrainingOptions();

    @Option(names = "--out", description = "model folder to write domains.model into (none: report only)")
    java.nio.file.Path out;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        return CommandErrors.run(spec, this::execute);
    }

    private Integer execute() {
        long start = System.nanoTime();
        List<LabelledMessages> labelled = LabelledMessages.read(options.labels, options.messages);
        EncoderTrainingOptions.Split split = EncoderTrainingOptions.Split.of(labelled);
        System.out.printf("hand labels: %,d (%,d train, %,d held out by LabelSplit)%n", labelled.size(),
                split.training().size(), split.heldOut().size());
        try (SentenceEncoder encoder = options.openEncoder()) {
            EmbeddingCache cache = EmbeddingCache.open(options.cache, encoder);
            int threads = options.threads();
            float[][] trainX = EncoderTrainingOptions.vectors(cache, EncoderTrainingOptions.texts(split.training()),
                    threads, "training rows");
            float[][] heldX = EncoderTrainingOptions.vectors(cache, EncoderTrainingOptions.texts(split.heldOut()),
                    threads, "held-out rows");
            List<List<String>> trainGold = split.training().stream().map(LabelledMessages::domains).toList();
            List<List<String>> heldGold = split.heldOut().stream().map(LabelledMessages::domains).toList();
            Map<String, String> facts = new LinkedHashMap<>();
            facts.put("trained", Instant.now().truncatedTo(ChronoUnit.SECONDS).toString());
            facts.put("encoder", encoder.name());
            facts.put("data", String.format("%d hand labels of the training split (%s, guide v2.1)",
                    trainGold.size(), options.labels.getFileName()));
            SoftmaxRegression.Settings settings = new SoftmaxRegression.Settings(options.l2, options.iterations, 0.05);
            facts.put("settings", settings.toString());
            facts.put("features", "sentence vector");
            System.out.printf("training %d one-vs-rest domain models (%s, %s)%n",
                    ServiceDomainModel.GUIDE_DOMAINS.size(), encoder.name(), settings);
            DomainTraining.Result result = DomainTraining.train(trainX, trainGold, ServiceDomainModel.GUIDE_DOMAINS,
                    settings, options.folds, options.seed, facts, System.err);
            ServiceDomainModel model = result.model();
            System.out.printf("%n== %d-fold cross-validation on the training rows (out-of-fold answers):%n%s",
                    options.folds, result.crossValidation().report());
            List<List<String>> answers = new ArrayList<>();
            for (float[] v : heldX) {
                answers.add(model.domainsOf(v).stream().map(ServiceDomainModel.Scored::domain).toList());
            }
            MultiLabelEvaluation held = MultiLabelEvaluation.of(heldGold, answers);
            System.out.printf("%n== held-out split (%d messages never trained or tuned on), per domain:%n%s",
                    heldGold.size(), held.report());
            String commonest = commonest(trainGold);
            MultiLabelEvaluation baseline = MultiLabelEvaluation.of(heldGold,
                    heldGold.stream().map(g -> List.of(commonest)).toList());
            System.out.printf("baseline (every message gets the commonest training domain, %s): micro-F1 %.4f,"
                    + " macro-F1 %.4f%n", commonest, baseline.micro().f1(), baseline.macroF1());
            System.out.printf("thresholds: %s%n", model.domains().stream()
                    .map(d -> String.format("%s %.3f", d, model.threshold(d))).toList());
            if (out != null) {
                model.save(out);
                System.out.printf("wrote %s%n", out.resolve(ServiceDomainModel.FILE_NAME));
            }
        }
        System.out.printf("done in %.0f s%n", (System.nanoTime() - start) / 1e9);
        return 0;
    }

    private static String commonest(List<List<String>> gold) {
        Map<String, Integer> counts = new LinkedHashMap<>();
        for (List<String> g : gold) {
            for (String d : g) {
                counts.merge(d, 1, Integer::sum);
            }
        }
        return counts.entrySet().stream().max(Map.Entry.comparingByValue()).orElseThrow().getKey();
    }
}
