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
import org.minyi.analysis.TitleAndText;
import org.minyi.analysis.TopicClassifier;
import org.minyi.analysis.classify.Document;
import org.minyi.analysis.classify.Documents;
import org.minyi.analysis.classify.EncoderTopicModel;
import org.minyi.analysis.classify.Evaluation;
import org.minyi.analysis.classify.LabelledCsv;
import org.minyi.analysis.classify.LabelledMessages;
import org.minyi.analysis.classify.LabelledText;
import org.minyi.analysis.classify.ModelParameters;
import org.minyi.analysis.classify.NaiveBayesBaseline;
import org.minyi.analysis.classify.NearDuplicates;
import org.minyi.analysis.classify.SoftmaxRegression;
import org.minyi.analysis.classify.TopicEncoderTraining;
import org.minyi.analysis.classify.TopicEncoderTraining.Examples;
import org.minyi.analysis.classify.TopicFeatures;
import org.minyi.analysis.classify.TopicModel;
import org.minyi.analysis.classify.TopicVariantComparison;
import org.minyi.analysis.encode.EmbeddingCache;
import org.minyi.analysis.encode.SentenceEncoder;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code minyi train topic-encoder}: the topic model over sentence vectors, trained on the hand labels (7 topics and
 * 其他) plus, weighted, the Teddy-Cup labelled set; reports in one run the held-out split of the hand labels, the
 * raw 921 and the cross-validation, beside the n-gram model and HanLP's naive Bayes.
 */
@Command(name = "topic-encoder", mixinStandardHelpOptions = true,
        description = "Train the topic model over sentence vectors (7 topics and 其他) and report how it does.")
final class TrainTopicEncoder implements Callable<Integer> {

    private static final Path DATA = Path.of("..", "shared", "data", "gov-messages");

    @Mixin
    EncoderTrainingOptions options = new EncoderTrainingOptions();

    @Option(names = "--teddy", description = "Teddy-Cup labelled set, pre-segmented (default: ${DEFAULT-VALUE}); 'none'"
            + " to train on the hand labels alone")
    String teddy = DATA.resolve("teddy2020-messages-labeled-segmented.csv").toString();

    @Option(names = "--teddy-weight", defaultValue = "0.3",
            description = "weight of each Teddy-set row against a hand-labelled one (default: ${DEFAULT-VALUE})")
    double teddyWeight;

    @Option(names = "--raw-921", description = "the raw 921 with official labels, evaluated on and never trained on"
            + " (default: ${DEFAULT-VALUE})")
    Path raw921 = DATA.resolve("teddy2020-messages-labeled-raw-921.csv");

    @Option(names = "--taxonomy", description = "the official topic taxonomy (一级,二级,三级): each entry's closeness"
            + " to a message becomes a feature; 'none' for the vector alone (default: ${DEFAULT-VALUE})")
    String taxonomy = DATA.resolve("teddy2020-topic-taxonomy.csv").toString();

    @Option(names = "--baseline", defaultValue = "models/topic",
            description = "folder of the n-gram topic model to compare with (default: ${DEFAULT-VALUE})")
    Path baseline;

    @Option(names = "--dictionaries", defaultValue = "dictionaries", description = "project dictionaries")
    Path dictionaries;

    @Option(names = "--companion", negatable = true, defaultValue = "true", fallbackValue = "true",
            description = "blend in an n-gram model of the same rows, at a weight chosen out of fold (default:"
                    + " ${DEFAULT-VALUE})")
    boolean companion;

    @Option(names = "--class-balance", defaultValue = "0", description = "lean the training weights against the"
            + " majority class: each class's weight times (mean class total / its total)^this; 0 for none, 1 for equal"
            + " totals (default: ${DEFAULT-VALUE})")
    double classBalance;

    @Option(names = "--class-factors", description = "also choose, out of fold, factors on 城乡建设 and 其他 that"
            + " the blended probabilities are multiplied by before the answer is read")
    boolean classFactors;

    @Option(names = "--in-sample-temperature", negatable = true, defaultValue = "true", fallbackValue = "true",
            description = "fit the softmax temperature on the training rows after the settings are chosen (default:"
                    + " ${DEFAULT-VALUE}); --no-in-sample-temperature keeps the probabilities the settings were"
                    + " chosen on")
    boolean inSampleTemperature;

    @Option(names = "--compare", description = "compare weightings and answer rules by cross-validation on the"
            + " hand-labelled training rows, print the table and stop (nothing is trained for good or evaluated on"
            + " the held-out rows)")
    boolean compare;

    @Option(names = "--out", description = "model folder to write topic-encoder.model into (none: report only)")
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
        List<LabelledText> raw = LabelledCsv.read(raw921, LabelledCsv.Columns.GUESS);
        System.out.printf("hand labels: %,d (%,d train, %,d held out); raw 921: %,d%n", labelled.size(),
                split.training().size(), split.heldOut().size(), raw.size());
        Segmenter segmenter = new Segmenter(DomainDictionary.load(dictionaries));
        List<Document> teddyRows = List.of();
        int removed = 0;
        if (!teddy.equalsIgnoreCase("none")) {
            List<Document> all = Documents.preSegmented(LabelledCsv.read(Path.of(teddy), LabelledCsv.Columns.GUESS));
            List<String> evaluationTexts = new ArrayList<>(raw.stream().map(LabelledText::text).toList());
            evaluationTexts.addAll(EncoderTrainingOptions.texts(split.heldOut()));
            NearDuplicates.Filtered filtered = NearDuplicates.removeCopiesOf(evaluationTexts, all);
            teddyRows = filtered.kept();
            removed = filtered.removed();
            System.out.printf("Teddy set: %,d rows kept, %,d removed as copies of evaluation messages (921 and held"
                    + " out)%n", teddyRows.size(), removed);
        }
        try (SentenceEncoder encoder = options.openEncoder()) {
            EmbeddingCache cache = EmbeddingCache.open(options.cache, encoder);
            int threads = options.threads();
            float[][] trainX = EncoderTrainingOptions.vectors(cache, EncoderTrainingOptions.texts(split.training()),
                    threads, "hand-labelled training rows");
            float[][] heldX = EncoderTrainingOptions.vectors(cache, EncoderTrainingOptions.texts(split.heldOut()),
                    threads, "held-out rows");
            List<String> rawTexts = raw.stream().map(t -> TitleAndText.analysed(null, t.text())).toList();
            float[][] rawX = EncoderTrainingOptions.vectors(cache, rawTexts, threads, "raw 921");
            float[][] teddyX = EncoderTrainingOptions.vectors(cache,
                    teddyRows.stream().map(Document::text).toList(), threads, "Teddy set");

            TopicFeatures features = TopicFeatures.vectorOnly();
            if (!taxonomy.equalsIgnoreCase("none")) {
                List<String> entries = taxonomyEntries(Path.of(taxonomy));
                features = TopicFeatures.withTaxonomy(entries,
                        EncoderTrainingOptions.vectors(cache, entries, threads, "taxonomy entries"));
            }
            Examples hand = Examples.uniform(trainX, split.training().stream().map(LabelledMessages::topic).toList(), 1);
            Examples extra = Examples.uniform(teddyX, teddyRows.stream().map(Document::label).toList(), teddyWeight);
            List<LabelledMessages> corrected = options.corrected(org.minyi.ingest.Correction.TOPIC);
            if (!corrected.isEmpty()) {
                extra = extra.plus(Examples.uniform(EncoderTrainingOptions.vectors(cache,
                        EncoderTrainingOptions.texts(corrected), threads, "corrected messages"),
                        corrected.stream().map(LabelledMessages::topic).toList(), options.correctionsWeight));
                System.out.printf("with %d corrected messages at weight %.2f%n", corrected.size(),
                        options.correctionsWeight);
            }
            Map<String, String> facts = new LinkedHashMap<>();
            facts.put("trained", Instant.now().truncatedTo(ChronoUnit.SECONDS).toString());
            facts.put("encoder", encoder.name());
            facts.put("data", String.format("%d hand labels (%s, guide %s) + %d Teddy rows at weight %.2f (%d copies of"
                    + " evaluation messages removed)", hand.labels().size(), options.labels.getFileName(), "v2.1",
                    teddyRows.size(), teddyWeight, removed));
            SoftmaxRegression.Settings settings = new SoftmaxRegression.Settings(options.l2, options.iterations, 0.05);
            facts.put("settings", settings.toString());
            if (classBalance != 0) {
                facts.put("class balance", String.format("each class's weight times (mean class total / its"
                        + " total)^%.2f", classBalance));
            }
            System.out.printf("training (%s, %s)%n", encoder.name(), settings);
            facts.put("features", features.entries().isEmpty() ? "sentence vector"
                    : "sentence vector + closeness to " + features.entries().size() + " taxonomy entries");
            TopicEncoderTraining.CompanionData companionData = null;
            if (companion) {
                List<Document> handDocs = new ArrayList<>();
                for (String text : EncoderTrainingOptions.texts(split.training())) {
                    handDocs.add(new Document("", segmenter.contentWords(text), text));
                }
                List<Document> extraDocs = new ArrayList<>(teddyRows);
                for (LabelledMessages m : corrected) {
                    String text = EncoderTrainingOptions.texts(List.of(m)).getFirst();
                    extraDocs.add(new Document(m.topic(), segmenter.contentWords(text), text));
                }
                companionData = new TopicEncoderTraining.CompanionData(handDocs, extraDocs,
                        ModelParameters.TOPIC_DEFAULTS);
            }
            if (compare) {
                if (companionData == null) {
                    throw new IllegalArgumentException("--compare needs the n-gram companion (drop --no-companion)");
                }
                System.out.printf("%n== comparison of weightings and answer rules%n%s",
                        TopicVariantComparison.compare(hand, extra, companionData, features, settings, options.folds,
                                options.seed, comparedWeightings(!teddyRows.isEmpty()), System.err));
                System.out.printf("done in %.0f s%n", (System.nanoTime() - start) / 1e9);
                return 0;
            }
            TopicEncoderTraining.Result result = TopicEncoderTraining.train(hand, extra, companionData, features,
                    settings, new TopicEncoderTraining.Choices(classBalance, classFactors, inSampleTemperature),
                    options.folds, options.seed, facts, System.err);
            EncoderTopicModel model = result.model();
            System.out.printf("abstention threshold %.3f, temperature %.2f, vector weight %.1f (all from %d-fold"
                    + " out-of-fold predictions of the training rows)%n", result.abstention(), result.temperature(),
                    model.vectorWeight(), options.folds);
            System.out.printf("%n== %d-fold cross-validation on the hand-labelled training rows (8 classes):%n%s",
                    options.folds, result.crossValidation().report());

            TopicClassifier ngram = TopicModel.load(baseline);
            NaiveBayesBaseline bayes = teddyRows.isEmpty() ? null : NaiveBayesBaseline.train(teddyRows);
            List<String> heldGold = split.heldOut().stream().map(LabelledMessages::topic).toList();
            List<String> heldTexts = EncoderTrainingOptions.texts(split.heldOut());
            report("held-out hand labels (8 classes, 其他 included)", heldGold,
                    i -> model.classify(segmenter.contentWords(heldTexts.get(i)), heldTexts.get(i), heldX[i]).topic(),
                    i -> ngram.classify(segmenter.contentWords(heldTexts.get(i)), heldTexts.get(i)).topic(),
                    bayes == null ? null : i -> bayes.predict(new Document("", segmenter.contentWords(heldTexts.get(i)),
                            heldTexts.get(i))));
            List<String> rawGold = raw.stream().map(LabelledText::label).toList();
            report("raw 921, official labels (7 classes; 其他 answers count as wrong)", rawGold,
                    i -> model.classify(segmenter.contentWords(rawTexts.get(i)), rawTexts.get(i), rawX[i]).topic(),
                    i -> ngram.classify(segmenter.contentWords(rawTexts.get(i)), rawTexts.get(i)).topic(),
                    bayes == null ? null : i -> bayes.predict(new Document("", segmenter.contentWords(rawTexts.get(i)),
                            rawTexts.get(i))));
            EncoderTopicModel forced = model.withAbstention(0);
            Evaluation rawForced = TopicEncoderTraining.evaluate(rawGold, rows(rawGold.size()),
                    i -> forcedTopic(forced, forced.probabilities(rawX[i], segmenter.contentWords(rawTexts.get(i)),
                            rawTexts.get(i))));
            System.out.printf("raw 921, encoder model forced into the 7 (no 其他): accuracy %.4f, macro-F1 %.4f%n",
                    rawForced.accuracy(), rawForced.macroF1());
            if (out != null) {
                model.save(out);
                System.out.printf("wrote %s%n", out.resolve(EncoderTopicModel.FILE_NAME));
            }
        }
        System.out.printf("done in %.0f s%n", (System.nanoTime() - start) / 1e9);
        return 0;
    }

    /**
     * The weightings --compare tries: today's; leaning against the 城乡建设 majority; and, with the Teddy set, its rows
     * weighing less against the hand labels.
     */
    private List<TopicVariantComparison.Weighting> comparedWeightings(boolean withTeddy) {
        String today = withTeddy ? String.format("Teddy %.2f", teddyWeight) : "hand labels only";
        List<TopicVariantComparison.Weighting> weightings = new ArrayList<>(List.of(
                new TopicVariantComparison.Weighting(today + " (today)", 1, 0),
                new TopicVariantComparison.Weighting(today + ", class balance ^0.5", 1, 0.5),
                new TopicVariantComparison.Weighting(today + ", class balance ^1", 1, 1)));
        if (withTeddy) {
            double lighter = 0.1 / teddyWeight;
            weightings.add(new TopicVariantComparison.Weighting("Teddy 0.10 (hand labels weigh more)", lighter, 0));
            weightings.add(new TopicVariantComparison.Weighting("Teddy 0.10, class balance ^0.5", lighter, 0.5));
        }
        return weightings;
    }

    /** "一级 二级 三级" of every row of the taxonomy file, in file order, without repeats. */
    static List<String> taxonomyEntries(Path file) {
        List<String> entries = new ArrayList<>();
        try (var in = java.nio.file.Files.newBufferedReader(file)) {
            for (var r : org.apache.commons.csv.CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true)
                    .get().parse(in)) {
                String entry = String.join(" ", r.get(0).strip(), r.get(1).strip(), r.get(2).strip());
                if (!entries.contains(entry)) {
                    entries.add(entry);
                }
            }
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException("cannot read the taxonomy " + file, e);
        }
        return entries;
    }

    private static String forcedTopic(EncoderTopicModel model, double[] p) {
        int best = -1;
        for (int c = 0; c < p.length; c++) {
            if (!model.labels().get(c).equals(LabelledMessages.OTHER) && (best < 0 || p[c] > p[best])) {
                best = c;
            }
        }
        return model.labels().get(best);
    }

    private static void report(String what, List<String> gold, java.util.function.Function<Integer, String> encoder,
                               java.util.function.Function<Integer, String> ngram,
                               java.util.function.Function<Integer, String> bayes) {
        List<Integer> rows = rows(gold.size());
        Evaluation e = TopicEncoderTraining.evaluate(gold, rows, encoder);
        Evaluation n = TopicEncoderTraining.evaluate(gold, rows, ngram);
        System.out.printf("%n== %s%n", what);
        System.out.printf("  %-34s accuracy %.4f  macro-F1 %.4f  macro-F1 of the gold 7 %.4f%n", "encoder model",
                e.accuracy(), e.macroF1(), TopicEncoderTraining.macroF1OfSeven(e));
        System.out.printf("  %-34s accuracy %.4f  macro-F1 %.4f  macro-F1 of the gold 7 %.4f%n", "n-gram model (today)",
                n.accuracy(), n.macroF1(), TopicEncoderTraining.macroF1OfSeven(n));
        if (bayes != null) {
            Evaluation b = TopicEncoderTraining.evaluate(gold, rows, bayes);
            System.out.printf("  %-34s accuracy %.4f  macro-F1 %.4f  macro-F1 of the gold 7 %.4f%n",
                    "HanLP naive Bayes (Teddy set)", b.accuracy(), b.macroF1(), TopicEncoderTraining.macroF1OfSeven(b));
        }
        System.out.printf("encoder model in detail:%n%s", e.report());
    }

    private static List<Integer> rows(int n) {
        List<Integer> rows = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            rows.add(i);
        }
        return rows;
    }
}
