package org.minyi.cli;

import java.nio.file.Path;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import org.minyi.analysis.DomainDictionary;
import org.minyi.analysis.Segmenter;
import org.minyi.analysis.Sentiment;
import org.minyi.analysis.SentimentAnalyzer;
import org.minyi.analysis.TitleAndText;
import org.minyi.analysis.classify.AttitudeEncoderTraining;
import org.minyi.analysis.classify.EncoderAttitudeModel;
import org.minyi.analysis.classify.Evaluation;
import org.minyi.analysis.classify.HoldOut;
import org.minyi.analysis.classify.LabelledCsv;
import org.minyi.analysis.classify.LabelledMessages;
import org.minyi.analysis.classify.LabelledText;
import org.minyi.analysis.classify.SentimentModel;
import org.minyi.analysis.classify.SoftmaxRegression;
import org.minyi.analysis.classify.TopicEncoderTraining.Examples;
import org.minyi.analysis.encode.EmbeddingCache;
import org.minyi.analysis.encode.SentenceEncoder;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code minyi train attitude}: negative / neutral / positive over sentence vectors, trained on the hand labels and,
 * weighted, hotel reviews; reports in one run the held-out hand labels (accuracy, per-class recall, confusion) and
 * ChnSentiCorp's held-out 20 %, beside today's n-gram sentiment model.
 */
@Command(name = "attitude", mixinStandardHelpOptions = true,
        description = "Train the attitude model over sentence vectors and report how it does.")
final class TrainAttitude implements Callable<Integer> {

    private static final Path DATA = Path.of("..", "shared", "data", "sentiment");

    @Mixin
    EncoderTrainingOptions options = new EncoderTrainingOptions();

    @Option(names = "--reviews", description = "labelled reviews (1/0) as extra positive/negative examples; 'none' for"
            + " none (default: ${DEFAULT-VALUE}); the same 20 % as the n-gram model's is held out")
    String reviews = DATA.resolve("ChnSentiCorp_htl_all.csv").toString();

    @Option(names = "--reviews-weight", defaultValue = "0.1",
            description = "weight of each review against a hand-labelled message (default: ${DEFAULT-VALUE})")
    double reviewsWeight;

    @Option(names = "--polarity", negatable = true, defaultValue = "true", fallbackValue = "true",
            description = "add the position along the reviews' blame-to-praise direction as a feature (default:"
                    + " ${DEFAULT-VALUE})")
    boolean polarity;

    @Option(names = "--positive-recall", defaultValue = "0",
            description = "least out-of-fold recall of positive letters when choosing class biases (default: ${DEFAULT-VALUE})")
    double positiveRecall;

    @Option(names = "--baseline", defaultValue = "models/sentiment",
            description = "folder of the n-gram sentiment model to compare with (default: ${DEFAULT-VALUE})")
    Path baseline;

    @Option(names = "--dictionaries", defaultValue = "dictionaries", description = "project dictionaries")
    Path dictionaries;

    @Option(names = "--out", description = "model folder to write attitude-encoder.model into (none: report only)")
    Path out;

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
        List<LabelledText> reviewRows = reviews.equalsIgnoreCase("none") ? List.of()
                : LabelledCsv.read(Path.of(reviews), LabelledCsv.Columns.GUESS);
        HoldOut holdOut = new HoldOut(0.2, 42);
        List<LabelledText> reviewTrain = holdOut.training(reviewRows);
        List<LabelledText> reviewTest = holdOut.test(reviewRows);
        System.out.printf("hand labels: %,d (%,d train, %,d held out); reviews: %,d train, %,d held out%n",
                labelled.size(), split.training().size(), split.heldOut().size(), reviewTrain.size(),
                reviewTest.size());
        try (SentenceEncoder encoder = options.openEncoder()) {
            EmbeddingCache cache = EmbeddingCache.open(options.cache, encoder);
            int threads = options.threads();
            float[][] trainX = EncoderTrainingOptions.vectors(cache, EncoderTrainingOptions.texts(split.training()),
                    threads, "hand-labelled training rows");
            List<String> heldTexts = EncoderTrainingOptions.texts(split.heldOut());
            float[][] heldX = EncoderTrainingOptions.vectors(cache, heldTexts, threads, "held-out rows");
            List<String> reviewTrainTexts = reviewTrain.stream().map(t -> TitleAndText.analysed(null, t.text())).toList();
            List<String> reviewTestTexts = reviewTest.stream().map(t -> TitleAndText.analysed(null, t.text())).toList();
            float[][] reviewTrainX = EncoderTrainingOptions.vectors(cache, reviewTrainTexts, threads, "reviews");
            float[][] reviewTestX = EncoderTrainingOptions.vectors(cache, reviewTestTexts, threads, "held-out reviews");

            Examples hand = Examples.uniform(trainX, split.training().stream().map(LabelledMessages::attitude).toList(), 1);
            Examples extra = Examples.uniform(reviewTrainX,
                    reviewTrain.stream().map(t -> SentimentModel.polarity(t.label()).key()).toList(), reviewsWeight);
            List<LabelledMessages> corrected = options.corrected(org.minyi.ingest.Correction.ATTITUDE);
            if (!corrected.isEmpty()) {
                extra = extra.plus(Examples.uniform(EncoderTrainingOptions.vectors(cache,
                        EncoderTrainingOptions.texts(corrected), threads, "corrected messages"),
                        corrected.stream().map(LabelledMessages::attitude).toList(), options.correctionsWeight));
                System.out.printf("with %d corrected messages at weight %.2f%n", corrected.size(),
                        options.correctionsWeight);
            }
            Map<String, String> facts = new LinkedHashMap<>();
            facts.put("trained", Instant.now().truncatedTo(ChronoUnit.SECONDS).toString());
            facts.put("encoder", encoder.name());
            facts.put("data", String.format("%d hand labels (%s) + %d reviews (%s) at weight %.2f",
                    hand.labels().size(), options.labels.getFileName(), reviewTrain.size(),
                    reviews.equalsIgnoreCase("none") ? "none" : Path.of(reviews).getFileName(), reviewsWeight));
            SoftmaxRegression.Settings settings = new SoftmaxRegression.Settings(options.l2, options.iterations, 0.05);
            facts.put("settings", settings.toString());
            float[] direction = polarity && !reviewTrain.isEmpty() ? EncoderAttitudeModel.polarityDirection(
                    reviewTrainX, reviewTrain.stream().map(t -> SentimentModel.polarity(t.label()).key()).toList())
                    : new float[0];
            facts.put("features", direction.length == 0 ? "sentence vector"
                    : "sentence vector + position along the reviews' blame-to-praise direction");
            AttitudeEncoderTraining.Result result = AttitudeEncoderTraining.train(hand, extra, direction,
                    positiveRecall, settings, options.folds, options.seed, facts, System.err);
            EncoderAttitudeModel model = result.model();
            System.out.printf("class biases: neutral %+.2f, positive %+.2f%n", result.bias()[1], result.bias()[2]);
            System.out.printf("%n== %d-fold cross-validation on the hand-labelled training rows:%n%s",
                    options.folds, result.crossValidation().report());

            Segmenter segmenter = new Segmenter(DomainDictionary.load(dictionaries));
            SentimentAnalyzer ngram = SentimentModel.load(baseline);
            List<String> gold = split.heldOut().stream().map(LabelledMessages::attitude).toList();
            List<String> encoderAnswers = new ArrayList<>();
            List<String> ngramAnswers = new ArrayList<>();
            for (int i = 0; i < gold.size(); i++) {
                encoderAnswers.add(model.predict(heldX[i]).label().key());
                ngramAnswers.add(ngram.score(segmenter.words(heldTexts.get(i)), heldTexts.get(i)).label().key());
            }
            Evaluation e = Evaluation.of(gold, encoderAnswers);
            Evaluation n = Evaluation.of(gold, ngramAnswers);
            System.out.printf("%n== held-out hand labels (%d messages)%n", gold.size());
            line("encoder model", e);
            line("n-gram model (today)", n);
            line("always negative", Evaluation.of(gold, gold.stream().map(g -> "negative").toList()));
            System.out.printf("encoder model in detail:%n%s", e.report());

            if (!reviewTest.isEmpty()) {
                List<String> reviewGold = reviewTest.stream().map(t -> SentimentModel.polarity(t.label()).key()).toList();
                List<String> signs = new ArrayList<>();
                List<String> ngramSigns = new ArrayList<>();
                for (int i = 0; i < reviewTest.size(); i++) {
                    signs.add(model.predict(reviewTestX[i]).score() >= 0 ? "positive" : "negative");
                    String t = reviewTestTexts.get(i);
                    ngramSigns.add(ngram.score(segmenter.words(t), t).score() >= 0 ? "positive" : "negative");
                }
                Evaluation r = Evaluation.of(reviewGold, signs);
                Evaluation rn = Evaluation.of(reviewGold, ngramSigns);
                System.out.printf("%n== ChnSentiCorp held-out 20 %% (%d reviews; sign of the score)%n", reviewGold.size());
                System.out.printf("  %-24s accuracy %.4f%n  %-24s accuracy %.4f%n", "encoder model", r.accuracy(),
                        "n-gram model (today)", rn.accuracy());
            }
            if (out != null) {
                model.save(out);
                System.out.printf("wrote %s%n", out.resolve(EncoderAttitudeModel.FILE_NAME));
            }
        }
        System.out.printf("done in %.0f s%n", (System.nanoTime() - start) / 1e9);
        return 0;
    }

    private static void line(String name, Evaluation e) {
        System.out.printf("  %-24s accuracy %.4f  recall: negative %.3f neutral %.3f positive %.3f  macro-F1 %.4f%n",
                name, e.accuracy(), AttitudeEncoderTraining.recall(e, "negative"),
                AttitudeEncoderTraining.recall(e, "neutral"), AttitudeEncoderTraining.recall(e, "positive"),
                e.macroF1());
    }
}
