package org.minyi.cli;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import org.minyi.analysis.Segmenter;
import org.minyi.analysis.SentimentPrediction;
import org.minyi.analysis.classify.Document;
import org.minyi.analysis.classify.Documents;
import org.minyi.analysis.classify.Evaluation;
import org.minyi.analysis.classify.LabelledCsv;
import org.minyi.analysis.classify.LabelledText;
import org.minyi.analysis.classify.NaiveBayesBaseline;
import org.minyi.analysis.classify.NearDuplicates;
import org.minyi.analysis.classify.HoldOut;
import org.minyi.analysis.classify.SentimentModel;
import org.minyi.analysis.classify.TopicModel;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code minyi evaluate topic|sentiment}: measures a trained model on labelled data it never saw. */
@Command(name = "evaluate", mixinStandardHelpOptions = true,
        description = "Measure a trained model on labelled data: accuracy, macro-F1, per-class figures, confusion.",
        subcommands = {EvaluateCommand.Topic.class, EvaluateCommand.Sentiment.class, EvaluateGroups.class, CheckGroupAnswers.class, EvaluateArea.class,
                EvaluateForecast.class, EvaluateDemands.class})
public final class EvaluateCommand {

    @Command(name = "topic", mixinStandardHelpOptions = true, description = "Evaluate a topic model.")
    static final class Topic implements Callable<Integer> {

        @ArgGroup(exclusive = false, multiplicity = "1", heading = "Evaluation data%n")
        TrainCommand.DataOptions data = new TrainCommand.DataOptions();

        @Option(names = "--model", defaultValue = "models/topic", description = "model folder (default: ${DEFAULT-VALUE})")
        Path model;

        @Mixin
        TrainCommand.SegmenterOptions segmenterOptions = new TrainCommand.SegmenterOptions();

        @Option(names = "--baseline-train", description = "also train HanLP's naive Bayes classifier on this CSV"
                + " (copies of the evaluation messages removed) and report it beside the model")
        Path baselineTrain;

        @Option(names = "--baseline-segmented", description = "the --baseline-train file is pre-segmented")
        boolean baselineSegmented;

        @Spec
        CommandSpec spec;

        @Override
        public Integer call() throws Exception {
            return CommandErrors.run(spec, this::execute);
        }

        private Integer execute() {
            long loadStart = System.nanoTime();
            TopicModel topics = TopicModel.load(model);
            double loadSeconds = (System.nanoTime() - loadStart) / 1e9;
            System.out.printf("loaded %s in %.2f s: classes %s%n", model.resolve(TopicModel.FILE_NAME), loadSeconds,
                    topics.labels());
            topics.facts().forEach((key, value) -> System.out.printf("  %s: %s%n", key, value));

            List<LabelledText> texts = data.read();
            List<Document> documents = data.segmented ? Documents.preSegmented(texts)
                    : Documents.forTopics(texts, segmenterOptions.segmenter());
            List<String> gold = documents.stream().map(Document::label).toList();
            List<String> predicted = new ArrayList<>();
            for (Document document : documents) {
                predicted.add(topics.classify(document.tokens(), document.text()).topic());
            }
            Evaluation evaluation = Evaluation.of(gold, predicted);
            System.out.printf("%nmodel on %s:%n%s", data.data, evaluation.report());
            long unknown = gold.stream().filter(label -> !topics.labels().contains(label)).count();
            if (unknown > 0) {
                System.out.printf("note: %d evaluation messages carry a label the model does not know%n", unknown);
            }

            if (baselineTrain != null) {
                List<LabelledText> baselineTexts = LabelledCsv.read(baselineTrain, LabelledCsv.Columns.GUESS);
                List<Document> training = baselineSegmented ? Documents.preSegmented(baselineTexts)
                        : Documents.forTopics(baselineTexts, segmenterOptions.segmenter());
                NearDuplicates.Filtered filtered = NearDuplicates.removeCopiesOf(
                        texts.stream().map(LabelledText::text).toList(), training);
                NaiveBayesBaseline baseline = NaiveBayesBaseline.train(filtered.kept());
                List<String> baselinePredicted = texts.stream().map(t -> baseline.classify(t.text())).toList();
                Evaluation baselineEvaluation = Evaluation.of(gold, baselinePredicted);
                System.out.printf("%nbaseline: HanLP NaiveBayesClassifier trained on %s (%d messages, %d copies of"
                        + " evaluation messages removed):%n%s", baselineTrain, filtered.kept().size(),
                        filtered.removed(), baselineEvaluation.report());
                System.out.printf("%nsummary  model: accuracy %.4f macro-F1 %.4f | HanLP NB baseline: accuracy %.4f"
                        + " macro-F1 %.4f%n", evaluation.accuracy(), evaluation.macroF1(),
                        baselineEvaluation.accuracy(), baselineEvaluation.macroF1());
            }
            System.out.printf("%n%s%n", Throughput.measure(documents,
                    document -> topics.classify(document.tokens(), document.text())));
            return 0;
        }
    }

    @Command(name = "sentiment", mixinStandardHelpOptions = true,
            description = "Evaluate a sentiment model on labelled texts and/or a hand-checked sample of messages.")
    static final class Sentiment implements Callable<Integer> {

        @ArgGroup(exclusive = false, heading = "Labelled evaluation data%n")
        TrainCommand.DataOptions data;

        @Option(names = "--model", defaultValue = "models/sentiment",
                description = "model folder (default: ${DEFAULT-VALUE})")
        Path model;

        @Option(names = "--holdout", defaultValue = "0",
                description = "evaluate on the held-out rows only (the same fraction and seed as at training)")
        double holdout;

        @Option(names = "--seed", defaultValue = "42", description = "seed of the held-out split")
        long seed;

        @Option(names = "--baseline", description = "also train HanLP's naive Bayes classifier on the training"
                + " rows of the split and report it beside the model")
        boolean baseline;

        @Option(names = "--messages", description = "messages CSV (留言编号, 留言详情) for the hand-check")
        Path messages;

        @Option(names = "--handcheck", description = "hand-checked labels (id,label,reason) to compare with")
        Path handcheck;

        @Option(names = "--handcheck-titles", description = "score title + line break + body, as the analysis"
                + " pipeline does (default: the body only, as the earlier hand-check figures were measured)")
        boolean handcheckTitles;

        @Option(names = "--sample-handcheck", description = "print a seeded sample of this many message ids to"
                + " label by hand, then stop")
        Integer sampleSize;

        @Mixin
        TrainCommand.SegmenterOptions segmenterOptions = new TrainCommand.SegmenterOptions();

        @Spec
        CommandSpec spec;

        @Override
        public Integer call() throws Exception {
            return CommandErrors.run(spec, this::execute);
        }

        private Integer execute() {
            if (sampleSize != null) {
                requireMessages();
                Handcheck.sample(Handcheck.messages(messages), sampleSize, seed).forEach(System.out::println);
                return 0;
            }
            long loadStart = System.nanoTime();
            SentimentModel sentiment = SentimentModel.load(model);
            System.out.printf("loaded %s in %.2f s%n", model.resolve(SentimentModel.FILE_NAME),
                    (System.nanoTime() - loadStart) / 1e9);
            sentiment.facts().forEach((key, value) -> System.out.printf("  %s: %s%n", key, value));
            Segmenter segmenter = segmenterOptions.segmenter();
            if (data != null) {
                evaluateLabelled(sentiment, segmenter);
            }
            if (handcheck != null) {
                requireMessages();
                evaluateHandcheck(sentiment, segmenter);
            }
            if (data == null && handcheck == null) {
                throw new IllegalArgumentException("give --data (labelled texts) and/or --handcheck with --messages");
            }
            return 0;
        }

        private void evaluateLabelled(SentimentModel sentiment, Segmenter segmenter) {
            List<LabelledText> all = data.read();
            List<LabelledText> training = all;
            List<LabelledText> test = all;
            if (holdout > 0) {
                HoldOut split = new HoldOut(holdout, seed);
                training = split.training(all);
                test = split.test(all);
                System.out.printf("%nheld-out split: %d of %d rows (fraction %s, seed %d)%n", test.size(), all.size(),
                        holdout, seed);
            }
            List<Document> documents = data.segmented ? Documents.preSegmented(test)
                    : Documents.forSentiment(test, segmenter);
            List<String> gold = new ArrayList<>();
            List<String> bySign = new ArrayList<>();
            List<String> withNeutral = new ArrayList<>();
            for (Document document : documents) {
                SentimentPrediction prediction = sentiment.score(document.tokens(), document.text());
                gold.add(SentimentModel.polarity(document.label()).key());
                bySign.add(prediction.score() >= 0 ? "positive" : "negative");
                withNeutral.add(prediction.label().key());
            }
            Evaluation signEvaluation = Evaluation.of(gold, bySign);
            System.out.printf("%nmodel on %s, label by sign of the score:%n%s", data.data, signEvaluation.report());
            Evaluation neutralEvaluation = Evaluation.of(gold, withNeutral);
            long neutral = withNeutral.stream().filter("neutral"::equals).count();
            System.out.printf("%nmodel with its neutral band (|score| < %s): %d of %d texts neutral (%.1f%%);"
                    + " accuracy %.4f counting neutral as wrong, %.4f on the %d not neutral%n",
                    sentiment.neutralThreshold(), neutral, documents.size(), 100.0 * neutral / documents.size(),
                    neutralEvaluation.accuracy(), accuracyIgnoring(gold, withNeutral), documents.size() - neutral);
            if (baseline) {
                List<Document> trainingDocuments = training.stream().map(t -> new Document(
                        SentimentModel.polarity(t.label()).key(), List.of(), t.text())).toList();
                NaiveBayesBaseline nb = NaiveBayesBaseline.train(trainingDocuments);
                List<String> nbPredicted = test.stream().map(t -> nb.classify(t.text())).toList();
                Evaluation nbEvaluation = Evaluation.of(gold, nbPredicted);
                System.out.printf("%nbaseline: HanLP NaiveBayesClassifier trained on the %d training rows:%n%s",
                        training.size(), nbEvaluation.report());
                System.out.printf("%nsummary  model: accuracy %.4f macro-F1 %.4f | HanLP NB baseline: accuracy %.4f"
                        + " macro-F1 %.4f%n", signEvaluation.accuracy(), signEvaluation.macroF1(),
                        nbEvaluation.accuracy(), nbEvaluation.macroF1());
            }
            System.out.printf("%n%s%n", Throughput.measure(documents,
                    document -> sentiment.score(document.tokens(), document.text())));
        }

        private void evaluateHandcheck(SentimentModel sentiment, Segmenter segmenter) {
            Map<String, Handcheck.Message> byId = Handcheck.messages(messages);
            List<Handcheck.Judgement> judgements = Handcheck.judgements(handcheck);
            List<String> gold = new ArrayList<>();
            List<String> predicted = new ArrayList<>();
            System.out.printf("%nhand-check %s against %s (%s):%n", handcheck, messages,
                    handcheckTitles ? "title and body scored" : "body scored");
            for (Handcheck.Judgement judgement : judgements) {
                Handcheck.Message message = byId.get(judgement.id());
                if (message == null) {
                    throw new IllegalArgumentException(handcheck + ": message id " + judgement.id()
                            + " is not in " + messages);
                }
                String text = handcheckTitles && !message.title().isEmpty()
                        ? message.title() + "\n" + message.text() : message.text();
                SentimentPrediction prediction = sentiment.score(segmenter.words(text), text);
                gold.add(judgement.label().key());
                predicted.add(prediction.label().key());
                System.out.printf("  %s hand %-8s model %-8s %+.2f%s%n", judgement.id(), judgement.label().key(),
                        prediction.label().key(), prediction.score(),
                        judgement.label() == prediction.label() ? ""
                                : "   <- " + judgement.reason() + "\n        cues: " + sentiment.explain(text));
            }
            Evaluation evaluation = Evaluation.of(gold, predicted);
            System.out.printf("agreement with the hand labels: %d of %d (%.1f%%)%n%s",
                    Math.round(evaluation.accuracy() * evaluation.total()), evaluation.total(),
                    100 * evaluation.accuracy(), evaluation.report());
            long handNegative = gold.stream().filter("negative"::equals).count();
            int negativeAgreed = evaluation.count("negative", "negative");
            System.out.printf("messages I judged negative that the model also calls negative: %d of %d%n",
                    negativeAgreed, handNegative);
        }

        private void requireMessages() {
            if (messages == null) {
                throw new IllegalArgumentException("--messages <teddy2020-messages-with-votes.csv> is needed here");
            }
        }

        private static double accuracyIgnoring(List<String> gold, List<String> predicted) {
            int right = 0;
            int counted = 0;
            for (int i = 0; i < gold.size(); i++) {
                if (!predicted.get(i).equals("neutral")) {
                    counted++;
                    right += gold.get(i).equals(predicted.get(i)) ? 1 : 0;
                }
            }
            return counted == 0 ? 0 : (double) right / counted;
        }
    }
}
