package org.minyi.cli;

import java.nio.file.Path;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.concurrent.Callable;
import java.util.function.IntFunction;
import org.minyi.analysis.DomainDictionary;
import org.minyi.analysis.Segmenter;
import org.minyi.analysis.SentimentAnalyzer;
import org.minyi.analysis.TitleAndText;
import org.minyi.analysis.TopicClassifier;
import org.minyi.analysis.classify.AttitudeEncoderTraining;
import org.minyi.analysis.classify.DistillationPool;
import org.minyi.analysis.classify.Document;
import org.minyi.analysis.classify.Documents;
import org.minyi.analysis.classify.EncoderAttitudeModel;
import org.minyi.analysis.classify.EncoderTopicModel;
import org.minyi.analysis.classify.CrossValidation;
import org.minyi.analysis.classify.Evaluation;
import org.minyi.analysis.classify.HoldOut;
import org.minyi.analysis.classify.LabelledCsv;
import org.minyi.analysis.classify.LabelledMessages;
import org.minyi.analysis.classify.LabelledText;
import org.minyi.analysis.classify.LetterOfThanks;
import org.minyi.analysis.classify.ModelParameters;
import org.minyi.analysis.classify.NearDuplicates;
import org.minyi.analysis.classify.NgramAttitudeModel;
import org.minyi.analysis.classify.SentimentModel;
import org.minyi.analysis.classify.TopicEncoderTraining;
import org.minyi.analysis.classify.TopicModel;
import org.minyi.analysis.encode.EmbeddingCache;
import org.minyi.analysis.encode.SentenceEncoder;
import org.minyi.message.Message;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code minyi train distil}: fast n-gram students of the encoder topic and attitude models. The teachers (the
 * shipped encoder models) label every unlabelled message of the data files; each student — a linear model over
 * words and character n-grams, no sentence vector — trains on the hand labels of the training split plus those
 * answers (plus, for topics, the Teddy-Cup labelled set, as the encoder model's n-gram companion does). Held-out
 * messages and near-copies of them (and of the raw 921) never reach a student. Reports in one run, on the held-out
 * hand labels: teacher, today's n-gram models, the students, and students trained without the teacher's answers.
 */
@Command(name = "distil", mixinStandardHelpOptions = true,
        description = "Train n-gram students of the encoder topic and attitude models (encoder-off speed) and report"
                + " them beside their teachers.")
final class TrainDistil implements Callable<Integer> {

    private static final Path DATA = Path.of("..", "shared", "data", "gov-messages");

    @Mixin
    EncoderTrainingOptions options = new EncoderTrainingOptions();

    @Option(names = "--models", defaultValue = "models",
            description = "models folder: teachers and today's n-gram models are read from its topic/ and sentiment/"
                    + " (default: ${DEFAULT-VALUE})")
    Path models;

    @Option(names = "--teddy", description = "Teddy-Cup labelled set, pre-segmented, trained on by the topic student"
            + " with its own labels (default: ${DEFAULT-VALUE}); 'none' for none")
    String teddy = DATA.resolve("teddy2020-messages-labeled-segmented.csv").toString();

    @Option(names = "--raw-921", description = "the raw 921 with official labels, evaluated on and never trained on"
            + " (default: ${DEFAULT-VALUE})")
    Path raw921 = DATA.resolve("teddy2020-messages-labeled-raw-921.csv");

    @Option(names = "--labelled-copies", defaultValue = "1",
            description = "how many times each hand-labelled row counts against a teacher-labelled one (default:"
                    + " ${DEFAULT-VALUE})")
    int labelledCopies;

    @Option(names = "--reviews", description = "labelled hotel reviews (1/0), the praise and blame the attitude teacher"
            + " also learnt from; the same 80 %% as the teacher's, of which --reviews-share trains the attitude student"
            + " (default: ${DEFAULT-VALUE}); 'none' for none")
    String reviews = Path.of("..", "shared", "data", "sentiment", "ChnSentiCorp_htl_all.csv").toString();

    @Option(names = "--reviews-share", defaultValue = "0.1",
            description = "share of those reviews the attitude student trains on: a plain n-gram model takes no row"
                    + " weights, so this stands for the teacher's weight 0.1 per review (default: ${DEFAULT-VALUE})")
    double reviewsShare;

    @Option(names = "--positive-recall", defaultValue = "0",
            description = "least out-of-fold recall of positive letters when choosing the student's class biases, as"
                    + " for the teacher (default: ${DEFAULT-VALUE})")
    double positiveRecall;

    @Option(names = "--dictionaries", defaultValue = "dictionaries", description = "project dictionaries")
    Path dictionaries;

    @Option(names = "--out", description = "models folder to write topic/" + TopicModel.DISTILLED_FILE_NAME + " and sentiment/"
            + NgramAttitudeModel.FILE_NAME + " into (none: report only)")
    Path out;

    /** The attitude student's n-gram settings: words, word pairs and character 1..3-grams, no NB scaling. */
    static final ModelParameters ATTITUDE_STUDENT = new ModelParameters(10, 2, 300_000, true, 1, 3, false);

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        return CommandErrors.run(spec, this::execute);
    }

    private Integer execute() {
        long start = System.nanoTime();
        if (labelledCopies < 1) {
            throw new IllegalArgumentException("--labelled-copies must be >= 1, was " + labelledCopies);
        }
        Segmenter segmenter = new Segmenter(DomainDictionary.load(dictionaries));
        List<LabelledMessages> labelled = LabelledMessages.read(options.labels, options.messages);
        EncoderTrainingOptions.Split split = EncoderTrainingOptions.Split.of(labelled);
        List<LabelledText> raw = LabelledCsv.read(raw921, LabelledCsv.Columns.GUESS);
        List<String> rawTexts = raw.stream().map(t -> TitleAndText.analysed(null, t.text())).toList();
        List<String> heldTexts = EncoderTrainingOptions.texts(split.heldOut());
        List<String> trainTexts = EncoderTrainingOptions.texts(split.training());
        List<String> evaluationTexts = new ArrayList<>(rawTexts);
        evaluationTexts.addAll(heldTexts);

        SortedMap<String, String> candidates = new TreeMap<>();
        for (Message m : LabelledMessages.messagesById(options.messages, id -> true).values()) {
            candidates.put(m.id(), TitleAndText.analysed(m.title(), m.text()));
        }
        Set<String> labelledIds = new HashSet<>();
        labelled.forEach(m -> labelledIds.add(m.id()));
        DistillationPool pool = DistillationPool.of(candidates, labelledIds, evaluationTexts, segmenter::contentWords);
        System.out.printf("hand labels: %,d (%,d train, %,d held out); raw 921: %,d%n", labelled.size(),
                split.training().size(), split.heldOut().size(), raw.size());
        System.out.printf("unlabelled pool: %,d messages of %,d in %s (left out: %,d hand-labelled, %,d repeated"
                + " texts, %,d near-copies of held-out or raw-921 messages)%n", pool.size(), candidates.size(),
                options.messages.stream().map(p -> p.getFileName().toString()).toList(), pool.labelledIds(),
                pool.repeats(), pool.nearCopies());
        List<Document> teddyRows = List.of();
        if (!teddy.equalsIgnoreCase("none")) {
            NearDuplicates.Filtered filtered = NearDuplicates.removeCopiesOf(evaluationTexts,
                    Documents.preSegmented(LabelledCsv.read(Path.of(teddy), LabelledCsv.Columns.GUESS)));
            teddyRows = filtered.kept();
            System.out.printf("Teddy set: %,d rows kept, %,d removed as copies of evaluation messages%n",
                    teddyRows.size(), filtered.removed());
        }

        TopicClassifier ngramTopic = TopicModel.load(models.resolve("topic"));
        SentimentAnalyzer ngramSentiment = SentimentModel.load(models.resolve("sentiment"));
        EncoderTopicModel teacherTopic = EncoderTopicModel.load(models.resolve("topic"), ngramTopic);
        EncoderAttitudeModel teacherAttitude = EncoderAttitudeModel.load(models.resolve("sentiment"), ngramSentiment);
        TopicModel companion = TopicModel.load(models.resolve("topic"), EncoderTopicModel.COMPANION_FILE_NAME);

        float[][] poolX;
        float[][] heldX;
        float[][] rawX;
        String encoderName;
        try (SentenceEncoder encoder = options.openEncoder()) {
            encoderName = encoder.name();
            EmbeddingCache cache = EmbeddingCache.open(options.cache, encoder);
            int threads = options.threads();
            poolX = EncoderTrainingOptions.vectors(cache, pool.texts(), threads, "unlabelled pool");
            heldX = EncoderTrainingOptions.vectors(cache, heldTexts, threads, "held-out rows");
            rawX = EncoderTrainingOptions.vectors(cache, rawTexts, threads, "raw 921");
        }
        for (Map.Entry<String, String> fact : Map.of("topic", teacherTopic.facts().getOrDefault("encoder", "?"),
                "attitude", teacherAttitude.facts().getOrDefault("encoder", "?")).entrySet()) {
            if (!fact.getValue().equals(encoderName)) {
                System.out.printf("warning: the %s teacher was trained on vectors of %s, this run encodes with %s%n",
                        fact.getKey(), fact.getValue(), encoderName);
            }
        }

        // The teachers' answers over the pool.
        List<List<String>> poolContent = pool.texts().stream().map(segmenter::contentWords).toList();
        List<List<String>> poolWords = pool.texts().stream().map(segmenter::words).toList();
        List<String> taughtTopics = new ArrayList<>();
        List<String> taughtAttitudes = new ArrayList<>();
        for (int i = 0; i < pool.size(); i++) {
            taughtTopics.add(teacherTopic.classify(poolContent.get(i), pool.texts().get(i), poolX[i]).topic());
            taughtAttitudes.add(teacherAttitude.predict(poolX[i]).label().key());
        }
        System.out.printf("teacher answers over the pool: topics %s; attitudes %s%n", counts(taughtTopics),
                counts(taughtAttitudes));

        // Students.
        List<Document> handTopic = new ArrayList<>();
        List<Document> handAttitude = new ArrayList<>();
        for (int i = 0; i < trainTexts.size(); i++) {
            String text = trainTexts.get(i);
            for (int c = 0; c < labelledCopies; c++) {
                handTopic.add(new Document(split.training().get(i).topic(), segmenter.contentWords(text), text));
                handAttitude.add(new Document(split.training().get(i).attitude(), segmenter.words(text), text));
            }
        }
        List<Document> topicDocs = new ArrayList<>(handTopic);
        topicDocs.addAll(teddyRows);
        // What the attitude student learns from besides the hand labels: the teacher's answers over the pool and,
        // as the teacher did, praise and blame from hotel reviews (the letters hold too few thanks to learn them).
        List<Document> taught = new ArrayList<>();
        for (int i = 0; i < pool.size(); i++) {
            topicDocs.add(new Document(taughtTopics.get(i), poolContent.get(i), pool.texts().get(i)));
            taught.add(new Document(taughtAttitudes.get(i), poolWords.get(i), pool.texts().get(i)));
        }
        if (!reviews.equalsIgnoreCase("none") && reviewsShare > 0) {
            List<LabelledText> reviewTrain = new HoldOut(0.2, 42).training(
                    LabelledCsv.read(Path.of(reviews), LabelledCsv.Columns.GUESS));
            List<LabelledText> picked = reviewsShare >= 1 ? reviewTrain : new HoldOut(reviewsShare, 7).test(reviewTrain);
            for (LabelledText review : picked) {
                String text = TitleAndText.analysed(null, review.text());
                taught.add(new Document(review.label(), segmenter.words(text), text));
            }
            System.out.printf("hotel reviews for the attitude student: %,d of %,d training reviews%n", picked.size(),
                    reviewTrain.size());
        }
        List<Document> attitudeDocs = new ArrayList<>(handAttitude);
        attitudeDocs.addAll(taught);
        String trained = Instant.now().truncatedTo(ChronoUnit.SECONDS).toString();
        Map<String, String> topicFacts = new LinkedHashMap<>();
        topicFacts.put("trained", trained);
        topicFacts.put("role", "n-gram student of " + EncoderTopicModel.FILE_NAME + " (minyi train distil)");
        topicFacts.put("teacher", teacherTopic.facts().getOrDefault("trained", "?") + ", " + encoderName);
        topicFacts.put("data", String.format("%d hand labels (x%d) + %d Teddy rows (official labels) + %d unlabelled"
                + " messages labelled by the teacher", split.training().size(), labelledCopies, teddyRows.size(),
                pool.size()));
        System.out.printf("training the topic student on %,d documents%n", topicDocs.size());
        TopicModel topicStudent = TopicModel.train(topicDocs, ModelParameters.TOPIC_DEFAULTS, topicFacts);
        Map<String, String> attitudeFacts = new LinkedHashMap<>();
        attitudeFacts.put("trained", trained);
        attitudeFacts.put("role", "n-gram student of " + EncoderAttitudeModel.FILE_NAME + " (minyi train distil)");
        attitudeFacts.put("teacher", teacherAttitude.facts().getOrDefault("trained", "?") + ", " + encoderName);
        attitudeFacts.put("data", String.format("%d hand labels (x%d) + %d unlabelled messages labelled by the"
                + " teacher + %d hotel reviews", split.training().size(), labelledCopies, pool.size(),
                taught.size() - pool.size()));
        // Class biases as the teacher's: chosen on out-of-fold predictions of the hand-labelled training rows (each
        // fold's student also learns from everything taught), never on the held-out split.
        int[] fold = CrossValidation.folds(trainTexts.size(), options.folds, options.seed);
        List<double[]> outOfFold = new ArrayList<>();
        List<String> outOfFoldGold = new ArrayList<>();
        List<String> outOfFoldTexts = new ArrayList<>();
        for (int f = 0; f < options.folds; f++) {
            List<Document> foldDocs = new ArrayList<>();
            for (int i = 0; i < trainTexts.size(); i++) {
                if (fold[i] != f) {
                    for (int c = 0; c < labelledCopies; c++) {
                        foldDocs.add(handAttitude.get(i * labelledCopies + c));
                    }
                }
            }
            foldDocs.addAll(taught);
            NgramAttitudeModel foldStudent = NgramAttitudeModel.train(foldDocs, ATTITUDE_STUDENT, Map.of());
            for (int i = 0; i < trainTexts.size(); i++) {
                if (fold[i] == f) {
                    Document d = handAttitude.get(i * labelledCopies);
                    outOfFold.add(foldStudent.probabilities(d.tokens(), d.text()));
                    outOfFoldGold.add(split.training().get(i).attitude());
                    outOfFoldTexts.add(trainTexts.get(i));
                }
            }
            System.out.printf("  attitude student fold %d/%d trained%n", f + 1, options.folds);
        }
        AttitudeEncoderTraining.BiasChoice choice = AttitudeEncoderTraining.chooseBias(outOfFold, outOfFoldGold,
                positiveRecall);
        Evaluation cv = choice.crossValidation();
        Evaluation cvUnbiased = Evaluation.of(outOfFoldGold, AttitudeEncoderTraining.answers(outOfFold, new double[3]));
        System.out.printf("attitude student, %d-fold out-of-fold on the %,d hand-labelled training rows: no bias:"
                + " accuracy %.4f, neutral recall %.4f, positive recall %.4f; chosen bias neutral %+.2f, positive"
                + " %+.2f (%s): accuracy %.4f, neutral recall %.4f, positive recall %.4f%n", options.folds,
                trainTexts.size(), cvUnbiased.accuracy(), AttitudeEncoderTraining.recall(cvUnbiased, "neutral"),
                AttitudeEncoderTraining.recall(cvUnbiased, "positive"), choice.bias()[1], choice.bias()[2],
                choice.rule(), cv.accuracy(), AttitudeEncoderTraining.recall(cv, "neutral"),
                AttitudeEncoderTraining.recall(cv, "positive"));
        // Letters of thanks: the weights cannot learn them (8 training letters, no teacher answer), so a reading of
        // the wording (LetterOfThanks) may answer them; it is kept only if the same out-of-fold predictions say so.
        List<String> cvAnswers = AttitudeEncoderTraining.answers(outOfFold, choice.bias());
        Evaluation cvThanks = Evaluation.of(outOfFoldGold, readingThanks(cvAnswers, outOfFoldTexts));
        Map<String, Integer> readAs = new TreeMap<>();
        for (int i = 0; i < outOfFoldTexts.size(); i++) {
            if (LetterOfThanks.isThanks(outOfFoldTexts.get(i))) {
                readAs.merge(outOfFoldGold.get(i), 1, Integer::sum);
            }
        }
        boolean readThanks = keepThanksReading(cv, cvThanks);
        String thanksRule = String.format("kept when it raises out-of-fold macro-F1 and costs at most %.4f accuracy",
                THANKS_ACCURACY_COST);
        System.out.printf("letters of thanks (LetterOfThanks) read in %d of the %,d training rows, hand labels %s;"
                + " %d-fold out of fold with the chosen bias:%n", readAs.values().stream().mapToInt(n -> n).sum(),
                trainTexts.size(), readAs, options.folds);
        System.out.printf("  %-30s accuracy %.4f  macro-F1 %.4f  recall: negative %.4f neutral %.4f positive %.4f%n",
                "without the thanks reading", cv.accuracy(), cv.macroF1(),
                AttitudeEncoderTraining.recall(cv, "negative"), AttitudeEncoderTraining.recall(cv, "neutral"),
                AttitudeEncoderTraining.recall(cv, "positive"));
        System.out.printf("  %-30s accuracy %.4f  macro-F1 %.4f  recall: negative %.4f neutral %.4f positive %.4f%n",
                "with the thanks reading", cvThanks.accuracy(), cvThanks.macroF1(),
                AttitudeEncoderTraining.recall(cvThanks, "negative"),
                AttitudeEncoderTraining.recall(cvThanks, "neutral"),
                AttitudeEncoderTraining.recall(cvThanks, "positive"));
        System.out.printf("  thanks reading %s (%s)%n", readThanks ? "KEPT" : "not kept", thanksRule);
        Evaluation cvShipped = readThanks ? cvThanks : cv;
        attitudeFacts.put("cross-validation", String.format("%d-fold on the hand-labelled training rows: accuracy"
                + " %.4f, neutral recall %.4f, positive recall %.4f", options.folds, cvShipped.accuracy(),
                AttitudeEncoderTraining.recall(cvShipped, "neutral"),
                AttitudeEncoderTraining.recall(cvShipped, "positive")));
        System.out.printf("training the attitude student on %,d documents%n", attitudeDocs.size());
        NgramAttitudeModel attitudeStudent = NgramAttitudeModel.train(attitudeDocs, ATTITUDE_STUDENT, attitudeFacts)
                .withBias(choice.bias(), "log-probability offsets chosen on " + options.folds + "-fold out-of-fold"
                        + " predictions: " + choice.rule())
                .withThanksReading(readThanks, String.format("out of fold: accuracy %.4f, macro-F1 %.4f, positive"
                        + " recall %.4f with it; %.4f, %.4f, %.4f without; %s", cvThanks.accuracy(),
                        cvThanks.macroF1(), AttitudeEncoderTraining.recall(cvThanks, "positive"), cv.accuracy(),
                        cv.macroF1(), AttitudeEncoderTraining.recall(cv, "positive"), thanksRule));
        NgramAttitudeModel studentWithoutThanks = attitudeStudent.withThanksReading(false, "comparison");
        NgramAttitudeModel handOnly = NgramAttitudeModel.train(handAttitude, ATTITUDE_STUDENT, Map.of());

        // Held-out hand labels: everything in one run.
        List<List<String>> heldContent = heldTexts.stream().map(segmenter::contentWords).toList();
        List<List<String>> heldWords = heldTexts.stream().map(segmenter::words).toList();
        List<String> topicGold = split.heldOut().stream().map(LabelledMessages::topic).toList();
        System.out.printf("%n== topic, held-out hand labels (%d messages, 其他 included)%n", topicGold.size());
        topicLine("teacher: encoder model (512)", topicGold,
                i -> teacherTopic.classify(heldContent.get(i), heldTexts.get(i), heldX[i]).topic());
        topicLine("n-gram model today", topicGold, i -> ngramTopic.classify(heldContent.get(i), heldTexts.get(i))
                .topic());
        topicLine("n-gram, hand + Teddy, no teacher", topicGold,
                i -> companion.classify(heldContent.get(i), heldTexts.get(i)).topic());
        Evaluation studentTopic = topicLine("STUDENT (distilled)", topicGold,
                i -> topicStudent.classify(heldContent.get(i), heldTexts.get(i)).topic());
        System.out.printf("student in detail:%n%s", studentTopic.report());

        List<String> rawGold = raw.stream().map(LabelledText::label).toList();
        List<List<String>> rawContent = rawTexts.stream().map(segmenter::contentWords).toList();
        System.out.printf("%n== topic, raw 921 with official labels (7 classes; 其他 answers count as wrong)%n");
        topicLine("teacher: encoder model (512)", rawGold,
                i -> teacherTopic.classify(rawContent.get(i), rawTexts.get(i), rawX[i]).topic());
        topicLine("n-gram model today", rawGold, i -> ngramTopic.classify(rawContent.get(i), rawTexts.get(i)).topic());
        topicLine("STUDENT (distilled)", rawGold,
                i -> topicStudent.classify(rawContent.get(i), rawTexts.get(i)).topic());

        List<String> attitudeGold = split.heldOut().stream().map(LabelledMessages::attitude).toList();
        System.out.printf("%n== attitude, held-out hand labels (%d messages)%n", attitudeGold.size());
        attitudeLine("teacher: encoder model (512)", attitudeGold,
                i -> teacherAttitude.predict(heldX[i]).label().key());
        attitudeLine("n-gram model today", attitudeGold,
                i -> ngramSentiment.score(heldWords.get(i), heldTexts.get(i)).label().key());
        attitudeLine("n-gram, hand labels only", attitudeGold,
                i -> handOnly.score(heldWords.get(i), heldTexts.get(i)).label().key());
        attitudeLine("student without the thanks reading", attitudeGold,
                i -> studentWithoutThanks.score(heldWords.get(i), heldTexts.get(i)).label().key());
        Evaluation studentAttitude = attitudeLine("STUDENT (distilled)", attitudeGold,
                i -> attitudeStudent.score(heldWords.get(i), heldTexts.get(i)).label().key());
        attitudeLine("always negative", attitudeGold, i -> "negative");
        System.out.printf("student in detail:%n%s", studentAttitude.report());

        System.out.printf("%n== agreement of each student with its teacher on the held-out messages%n");
        int topicAgree = 0;
        int attitudeAgree = 0;
        for (int i = 0; i < heldTexts.size(); i++) {
            topicAgree += teacherTopic.classify(heldContent.get(i), heldTexts.get(i), heldX[i]).topic()
                    .equals(topicStudent.classify(heldContent.get(i), heldTexts.get(i)).topic()) ? 1 : 0;
            attitudeAgree += teacherAttitude.predict(heldX[i]).label()
                    == attitudeStudent.score(heldWords.get(i), heldTexts.get(i)).label() ? 1 : 0;
        }
        System.out.printf("  topic %.4f, attitude %.4f%n", (double) topicAgree / heldTexts.size(),
                (double) attitudeAgree / heldTexts.size());

        if (out != null) {
            topicStudent.save(out.resolve("topic"), TopicModel.DISTILLED_FILE_NAME);
            attitudeStudent.save(out.resolve("sentiment"));
            System.out.printf("wrote %s and %s%n", out.resolve("topic").resolve(TopicModel.DISTILLED_FILE_NAME),
                    out.resolve("sentiment").resolve(NgramAttitudeModel.FILE_NAME));
        }
        System.out.printf("done in %.0f s%n", (System.nanoTime() - start) / 1e9);
        return 0;
    }

    /** Out-of-fold macro-F1 must rise and accuracy fall by no more than this (5 of 2,006 rows) to keep the reading. */
    static final double THANKS_ACCURACY_COST = 0.0025;

    static boolean keepThanksReading(Evaluation without, Evaluation with) {
        return with.macroF1() > without.macroF1() + 1e-9 && with.accuracy() >= without.accuracy() - THANKS_ACCURACY_COST;
    }

    /** The answers with every letter of thanks ({@link LetterOfThanks}) answered positive. */
    static List<String> readingThanks(List<String> answers, List<String> texts) {
        List<String> out = new ArrayList<>(answers.size());
        for (int i = 0; i < answers.size(); i++) {
            out.add(LetterOfThanks.isThanks(texts.get(i)) ? "positive" : answers.get(i));
        }
        return out;
    }

    /** The answers of {@code predict} for each gold label's message, scored against the gold labels. */
    private static Evaluation evaluate(List<String> gold, IntFunction<String> predict) {
        List<String> predicted = new ArrayList<>(gold.size());
        for (int i = 0; i < gold.size(); i++) {
            predicted.add(predict.apply(i));
        }
        return Evaluation.of(gold, predicted);
    }

    private static Evaluation topicLine(String name, List<String> gold, IntFunction<String> predict) {
        Evaluation e = evaluate(gold, predict);
        System.out.printf("  %-34s accuracy %.4f  macro-F1 %.4f  macro-F1 of the gold 7 %.4f  recall 其他 %.3f%n",
                name, e.accuracy(), e.macroF1(), TopicEncoderTraining.macroF1OfSeven(e),
                AttitudeEncoderTraining.recall(e, LabelledMessages.OTHER));
        System.out.printf("  %-34s recall by class:%s%n", "", recalls(e));
        return e;
    }

    private static Evaluation attitudeLine(String name, List<String> gold, IntFunction<String> predict) {
        Evaluation e = evaluate(gold, predict);
        System.out.printf("  %-34s accuracy %.4f  macro-F1 %.4f  recall: negative %.3f neutral %.3f positive %.3f%n",
                name, e.accuracy(), e.macroF1(), AttitudeEncoderTraining.recall(e, "negative"),
                AttitudeEncoderTraining.recall(e, "neutral"), AttitudeEncoderTraining.recall(e, "positive"));
        return e;
    }

    private static String recalls(Evaluation e) {
        StringBuilder out = new StringBuilder();
        for (Evaluation.ClassFigures f : e.perClass().values()) {
            if (f.support() > 0) {
                out.append(String.format(" %s %.2f", f.label(), f.recall()));
            }
        }
        return out.toString();
    }

    private static Map<String, Integer> counts(List<String> labels) {
        Map<String, Integer> counts = new TreeMap<>();
        labels.forEach(l -> counts.merge(l, 1, Integer::sum));
        return counts;
    }
}
