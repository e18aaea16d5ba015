package org.minyi.cli;

import java.nio.file.Path;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import org.minyi.analysis.DomainDictionary;
import org.minyi.analysis.Segmenter;
import org.minyi.analysis.classify.CrossValidation;
import org.minyi.analysis.classify.Document;
import org.minyi.analysis.classify.Documents;
import org.minyi.analysis.classify.Evaluation;
import org.minyi.analysis.classify.HoldOut;
import org.minyi.analysis.classify.LabelledCsv;
import org.minyi.analysis.classify.LabelledText;
import org.minyi.analysis.classify.ModelParameters;
import org.minyi.analysis.classify.NearDuplicates;
import org.minyi.analysis.classify.SentimentModel;
import org.minyi.analysis.classify.TopicModel;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code minyi train topic|sentiment}: trains a model from a labelled CSV and writes it to a folder. */
@Command(name = "train", mixinStandardHelpOptions = true,
        description = "Train a topic or sentiment model from a labelled CSV.",
        subcommands = {TrainCommand.Topic.class, TrainCommand.Sentiment.class, TrainTopicEncoder.class, TrainGroups.class,
                TrainAttitude.class, TrainDomains.class, TrainDistil.class})
public final class TrainCommand {

    /** Where the labelled data is and how to read it; shared by train and evaluate. */
    static final class DataOptions {
        @Option(names = "--data", required = true, description = "labelled CSV (UTF-8)")
        Path data;

        @Option(names = "--label-column", description = "label column: header name or #N (default: guessed)")
        String labelColumn;

        @Option(names = "--text-columns", split = ",",
                description = "text columns, joined with a line break: header names or #N (default: guessed)")
        List<String> textColumns = List.of();

        @Option(names = "--header", negatable = true,
                description = "the first row is (--header) or is not (--no-header) a header (default: guessed)")
        Boolean header;

        @Option(names = "--segmented",
                description = "the text is already segmented into space-separated words (no run-time segmenter)")
        boolean segmented;

        List<LabelledText> read() {
            return LabelledCsv.read(data, new LabelledCsv.Columns(labelColumn, textColumns, header));
        }

    }

    /** The run-time segmenter, with the project's dictionaries. */
    static final class SegmenterOptions {
        @Option(names = "--dictionaries", defaultValue = "dictionaries",
                description = "project dictionaries for the segmenter (default: ${DEFAULT-VALUE})")
        Path dictionaries = Path.of("dictionaries");

        Segmenter segmenter() {
            return new Segmenter(DomainDictionary.load(dictionaries));
        }
    }

    /** Model parameters an operator may change; the defaults are the shipped models'. */
    static final class ParameterOptions {
        @Option(names = "--c", description = "inverse regularisation strength")
        Double c;
        @Option(names = "--min-df", description = "minimum document frequency of a feature")
        Integer minDf;
        @Option(names = "--max-features", description = "maximum number of sparse features")
        Integer maxFeatures;
        @Option(names = "--word-bigrams", negatable = true, description = "use pairs of adjacent words")
        Boolean wordBigrams;
        @Option(names = "--nb-scaling", negatable = true,
                description = "two classes: weight features by their naive Bayes log-count ratio (NB-SVM)")
        Boolean nbScaling;
        @Option(names = "--char-ngrams", description = "character n-gram range, e.g. 1-3 (0-0 for none)")
        String charNgrams;

        ModelParameters apply(ModelParameters defaults) {
            int charMin = defaults.charMin();
            int charMax = defaults.charMax();
            if (charNgrams != null) {
                String[] range = charNgrams.split("-");
                try {
                    charMin = Integer.parseInt(range[0].strip());
                    charMax = Integer.parseInt(range[range.length - 1].strip());
                } catch (NumberFormatException e) {
                    throw new IllegalArgumentException("--char-ngrams expects a range like 1-3, got '" + charNgrams + "'");
                }
            }
            return new ModelParameters(c == null ? defaults.c() : c, minDf == null ? defaults.minDf() : minDf,
                    maxFeatures == null ? defaults.maxFeatures() : maxFeatures,
                    wordBigrams == null ? defaults.wordBigrams() : wordBigrams, charMin, charMax,
                    nbScaling == null ? defaults.nbScaling() : nbScaling);
        }
    }

    @Command(name = "topic", mixinStandardHelpOptions = true,
            description = "Train a topic classifier; the class set is whatever labels the data carries.")
    static final class Topic implements Callable<Integer> {

        @ArgGroup(exclusive = false, multiplicity = "1", heading = "Training data%n")
        DataOptions data = new DataOptions();

        @ArgGroup(exclusive = false, heading = "Model parameters%n")
        ParameterOptions parameters = new ParameterOptions();

        @Mixin
        SegmenterOptions segmenterOptions = new SegmenterOptions();

        @Option(names = "--exclude-copies-of", description = "evaluation CSV (raw, columns guessed) whose messages"
                + " must not be trained on: copies are removed from the training data and counted")
        Path excludeCopiesOf;

        @Option(names = "--cv", defaultValue = "0", description = "also report k-fold cross-validation (0: none)")
        int folds;

        @Option(names = "--seed", defaultValue = "42", description = "seed for the cross-validation folds")
        long seed;

        @Option(names = "--out", required = true, description = "model folder to write (e.g. models/topic)")
        Path out;

        @Spec
        CommandSpec spec;

        @Override
        public Integer call() throws Exception {
            return CommandErrors.run(spec, this::execute);
        }

        private Integer execute() {
            long start = System.nanoTime();
            ModelParameters modelParameters = parameters.apply(ModelParameters.TOPIC_DEFAULTS);
            List<LabelledText> texts = data.read();
            List<Document> documents = data.segmented ? Documents.preSegmented(texts)
                    : Documents.forTopics(texts, segmenterOptions.segmenter());
            System.out.printf("read %d labelled messages from %s%n", documents.size(), data.data);
            Map<String, String> facts = new LinkedHashMap<>();
            facts.put("trained", Instant.now().truncatedTo(ChronoUnit.SECONDS).toString());
            facts.put("data", data.data.getFileName() + " (" + documents.size() + " rows"
                    + (data.segmented ? ", pre-segmented" : "") + ")");
            if (excludeCopiesOf != null) {
                List<String> evaluationTexts = LabelledCsv.read(excludeCopiesOf, LabelledCsv.Columns.GUESS).stream()
                        .map(LabelledText::text).toList();
                NearDuplicates.Filtered filtered = NearDuplicates.removeCopiesOf(evaluationTexts, documents);
                System.out.printf("removed %d training messages that copy one of the %d messages in %s%n",
                        filtered.removed(), evaluationTexts.size(), excludeCopiesOf);
                documents = filtered.kept();
                facts.put("excluded", filtered.removed() + " copies of " + excludeCopiesOf.getFileName());
            }
            if (folds > 0) {
                List<Document> all = documents;
                Evaluation cv = CrossValidation.run(all, folds, seed, training -> {
                    TopicModel model = TopicModel.train(training, modelParameters, Map.of());
                    return document -> model.classify(document.tokens(), document.text()).topic();
                });
                System.out.printf("%d-fold cross-validation (seed %d) on the training data:%n%s", folds, seed,
                        cv.report());
                facts.put("cross-validation", String.format("%d-fold, seed %d: accuracy %.4f, macro-F1 %.4f",
                        folds, seed, cv.accuracy(), cv.macroF1()));
            }
            TopicModel model = TopicModel.train(documents, modelParameters, facts);
            model.save(out);
            System.out.printf("trained on %d messages, classes %s, %s%n", documents.size(), model.labels(),
                    modelParameters);
            System.out.printf("wrote %s in %.1f s%n", out.resolve(TopicModel.FILE_NAME),
                    (System.nanoTime() - start) / 1e9);
            return 0;
        }
    }

    @Command(name = "sentiment", mixinStandardHelpOptions = true,
            description = "Train a sentiment model (labels 1/0, positive/negative[/neutral]) with lexicon features.")
    static final class Sentiment implements Callable<Integer> {

        @ArgGroup(exclusive = false, multiplicity = "1", heading = "Training data%n")
        DataOptions data = new DataOptions();

        @ArgGroup(exclusive = false, heading = "Model parameters%n")
        ParameterOptions parameters = new ParameterOptions();

        @Mixin
        SegmenterOptions segmenterOptions = new SegmenterOptions();

        @Option(names = "--lexicons", required = true,
                description = "folder with hownet/, dutir/dutir-ontology.csv and notDict.txt")
        Path lexicons;

        @Option(names = "--domain-cues", description = "'word weight' file of domain cues overriding the lexicons"
                + " (e.g. models/sentiment/government-cues.txt)")
        Path domainCues;

        @Option(names = "--lexicon-weight", defaultValue = "0.3",
                description = "share of the lexicon's own polarity in the score (default: ${DEFAULT-VALUE})")
        double lexiconWeight;

        @Option(names = "--holdout", defaultValue = "0",
                description = "leave out this fraction of the rows (seeded) for 'minyi evaluate sentiment'")
        double holdout;

        @Option(names = "--seed", defaultValue = "42", description = "seed of the held-out split and CV folds")
        long seed;

        @Option(names = "--cv", defaultValue = "0", description = "also report k-fold cross-validation (0: none)")
        int folds;

        @Option(names = "--also-train-on", description = "further labelled CSVs used for training only (never"
                + " split or evaluated); must not overlap the evaluation data")
        List<Path> extraData = List.of();

        @Option(names = "--neutral-below", defaultValue = "0.3",
                description = "label neutral when |score| is below this (default: ${DEFAULT-VALUE})")
        double neutralBelow;

        @Option(names = "--out", required = true, description = "model folder to write (e.g. models/sentiment)")
        Path out;

        @Spec
        CommandSpec spec;

        @Override
        public Integer call() throws Exception {
            return CommandErrors.run(spec, this::execute);
        }

        private Integer execute() {
            long start = System.nanoTime();
            ModelParameters modelParameters = parameters.apply(ModelParameters.SENTIMENT_DEFAULTS);
            List<LabelledText> texts = data.read();
            Map<String, String> facts = new LinkedHashMap<>();
            facts.put("trained", Instant.now().truncatedTo(ChronoUnit.SECONDS).toString());
            facts.put("data", data.data.getFileName() + " (" + texts.size() + " rows)");
            if (holdout > 0) {
                HoldOut split = new HoldOut(holdout, seed);
                texts = split.training(texts);
                facts.put("held out", String.format("%.2f of the rows, seed %d (evaluate with --holdout %s --seed %d)",
                        holdout, seed, holdout, seed));
            }
            List<Document> documents = data.segmented ? Documents.preSegmented(texts)
                    : Documents.forSentiment(texts, segmenterOptions.segmenter());
            documents = documents.stream().map(d -> new Document(SentimentModel.polarity(d.label()).key(),
                    d.tokens(), d.text())).toList();
            List<Document> extra = new java.util.ArrayList<>();
            for (Path file : extraData) {
                List<LabelledText> extraTexts = LabelledCsv.read(file, LabelledCsv.Columns.GUESS);
                for (Document d : Documents.forSentiment(extraTexts, segmenterOptions.segmenter())) {
                    extra.add(new Document(SentimentModel.polarity(d.label()).key(), d.tokens(), d.text()));
                }
                System.out.printf("also training on %d labelled texts from %s%n", extraTexts.size(), file);
                facts.put("also trained on", file.getFileName() + " (" + extraTexts.size() + " rows)");
            }
            System.out.printf("training on %d labelled texts from %s%n", documents.size(), data.data);
            if (folds > 0) {
                Evaluation cv = CrossValidation.run(documents, folds, seed, training -> {
                    SentimentModel model = SentimentModel.train(concat(training, extra), lexicons, domainCues,
                            modelParameters, neutralBelow, lexiconWeight, Map.of());
                    return document -> model.score(document.tokens(), document.text()).score() >= 0
                            ? "positive" : "negative";
                });
                System.out.printf("%d-fold cross-validation (seed %d), label by sign of the score:%n%s", folds, seed,
                        cv.report());
                facts.put("cross-validation", String.format("%d-fold, seed %d: accuracy %.4f, macro-F1 %.4f",
                        folds, seed, cv.accuracy(), cv.macroF1()));
            }
            SentimentModel model = SentimentModel.train(concat(documents, extra), lexicons, domainCues,
                    modelParameters, neutralBelow, lexiconWeight, facts);
            model.save(out);
            System.out.printf("trained on %d texts, %s, neutral when |score| < %s%n", documents.size() + extra.size(),
                    modelParameters, neutralBelow);
            System.out.printf("wrote %s in %.1f s%n", out.resolve(SentimentModel.FILE_NAME),
                    (System.nanoTime() - start) / 1e9);
            return 0;
        }

        private static List<Document> concat(List<Document> first, List<Document> second) {
            List<Document> all = new java.util.ArrayList<>(first);
            all.addAll(second);
            return all;
        }
    }
}
