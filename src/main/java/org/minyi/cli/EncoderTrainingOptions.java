package org.minyi.cli;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.minyi.analysis.TitleAndText;
import org.minyi.analysis.classify.LabelSplit;
import org.minyi.analysis.classify.LabelledMessages;
import org.minyi.analysis.encode.EmbeddingCache;
import org.minyi.analysis.encode.EncoderSettings;
import org.minyi.analysis.encode.OnnxSentenceEncoder;
import org.minyi.analysis.encode.SentenceEncoder;
import picocli.CommandLine.Option;

/** What the encoder-based models train on: hand labels, their messages, the encoder and its vector cache. */
final class EncoderTrainingOptions {

    private static final Path DATA = Path.of("..", "shared", "data");

    /** The raw Teddy-Cup files the hand labels were read from: attachments 3 and 4 and the raw 921. */
    static List<Path> teddyFiles() {
        return List.of(
                DATA.resolve("gov-messages/teddy2020-messages-with-votes.csv"),
                DATA.resolve("gov-messages/teddy2020-messages-with-replies.csv"),
                DATA.resolve("gov-messages/teddy2020-messages-labeled-raw-921.csv"));
    }

    @Option(names = "--labels", defaultValue = "models/labels/labels.csv",
            description = "hand labels: id,topic,attitude,domains,… (default: ${DEFAULT-VALUE})")
    Path labels;

    @Option(names = "--messages", split = ",", description = "data files holding the labelled messages (default: the"
            + " Teddy-Cup attachments 3 and 4 and the raw 921 under ../shared/data/gov-messages)")
    List<Path> messages = teddyFiles();

    @Option(names = "--encoder-model", defaultValue = OnnxSentenceEncoder.BUILT_IN,
            description = "encoder: built-in name or folder with model.onnx + tokenizer.json (default: ${DEFAULT-VALUE})")
    String encoderModel;

    @Option(names = "--max-tokens", defaultValue = "" + EncoderSettings.DEFAULT_MAX_TOKENS,
            description = "encoder truncation in tokens; the service must run with the same (default: ${DEFAULT-VALUE})")
    int maxTokens;

    @Option(names = "--threads", description = "encoding threads (default: one per core)")
    Integer threads;

    @Option(names = "--cache", defaultValue = "target/vectors",
            description = "folder of cached vectors, reused across runs (default: ${DEFAULT-VALUE})")
    Path cache;

    @Option(names = "--seed", defaultValue = "42", description = "seed of the cross-validation folds")
    long seed;

    @Option(names = "--cv", defaultValue = "5", description = "folds of the cross-validation (default: ${DEFAULT-VALUE})")
    int folds;

    @Option(names = "--with-corrections", description = "corrections managers made (data/corrections.jsonl): the latest"
            + " correction of each message joins the training rows, at --corrections-weight")
    Path corrections;

    @Option(names = "--corrections-weight", defaultValue = "1",
            description = "weight of a corrected message against a hand label (default: ${DEFAULT-VALUE})")
    double correctionsWeight;

    @Option(names = "--l2", defaultValue = "0.0001", description = "L2 penalty (default: ${DEFAULT-VALUE})")
    double l2;

    @Option(names = "--iterations", defaultValue = "300", description = "gradient steps (default: ${DEFAULT-VALUE})")
    int iterations;

    SentenceEncoder openEncoder() {
        return OnnxSentenceEncoder.open(encoderModel, maxTokens, 1);
    }

    int threads() {
        return threads != null ? threads : Math.max(1, Runtime.getRuntime().availableProcessors());
    }

    /** Vectors of texts through the cache, with progress on stderr. */
    static float[][] vectors(EmbeddingCache cache, List<String> texts, int threads, String what) {
        long start = System.nanoTime();
        float[][] v = cache.vectors(texts, threads, done -> System.err.printf("\r  encoding %s: %,d / %,d", what,
                done, texts.size()));
        System.err.printf("\r  encoded %s: %,d texts in %.0f s%n", what, texts.size(),
                (System.nanoTime() - start) / 1e9);
        return v;
    }

    /** The hand-labelled messages, split into training and held-out rows. */
    record Split(List<LabelledMessages> training, List<LabelledMessages> heldOut) {
        static Split of(List<LabelledMessages> all) {
            List<LabelledMessages> training = new ArrayList<>();
            List<LabelledMessages> heldOut = new ArrayList<>();
            for (LabelledMessages m : all) {
                (LabelSplit.heldOut(m) ? heldOut : training).add(m);
            }
            return new Split(training, heldOut);
        }
    }

    /**
     * The corrected messages of one field as labelled rows: the latest correction of each message, with the masked
     * title and text it had when it was corrected. Empty when no corrections file was given.
     */
    List<LabelledMessages> corrected(String field) {
        if (corrections == null) {
            return List.of();
        }
        if (!java.nio.file.Files.isRegularFile(corrections)) {
            throw new IllegalArgumentException("no corrections file at " + corrections.toAbsolutePath());
        }
        return fromCorrections(org.minyi.ingest.CorrectionStore.open(corrections).all(), field);
    }

    static List<LabelledMessages> fromCorrections(List<org.minyi.ingest.Correction> all, String field) {
        java.util.Map<String, org.minyi.ingest.Correction> latest = new java.util.LinkedHashMap<>();
        for (org.minyi.ingest.Correction c : all) {
            if (c.field().equals(field)) {
                latest.put(c.messageId(), c);
            }
        }
        List<LabelledMessages> rows = new ArrayList<>();
        for (org.minyi.ingest.Correction c : latest.values()) {
            boolean topic = field.equals(org.minyi.ingest.Correction.TOPIC);
            rows.add(new LabelledMessages(c.messageId(), c.maskedTitle(), c.maskedText(), topic ? c.after() : null,
                    topic ? null : c.after(), List.of(), List.of(), List.of(), "correction"));
        }
        return rows;
    }

    static List<String> texts(List<LabelledMessages> messages) {
        return messages.stream().map(m -> TitleAndText.analysed(m.title(), m.text())).toList();
    }
}
