package org.minyi.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.minyi.analysis.classify.EncoderTopicModel;
import org.minyi.analysis.classify.Evaluation;
import org.minyi.analysis.classify.LabelledMessages;
import org.minyi.analysis.classify.SoftmaxRegression;
import org.minyi.analysis.classify.TopicFeatures;
import org.minyi.analysis.encode.OnnxSentenceEncoder;
import org.minyi.analysis.encode.SentenceEncoder;
import org.minyi.ingest.Correction;

/**
 * Managers' corrections teach a retrained model: a topic model trained without any 教育文体 example misses every
 * school letter of a held-out set; the same training plus the managers' corrections of other school letters (read
 * back from their corrections exactly as {@code minyi train … --with-corrections} reads them) finds them.
 */
class RetrainWithCorrectionsTest {

    private static final Path LABELS = Path.of("models", "labels", "labels.csv");
    private static final Path DATA = Path.of("..", "shared", "data", "gov-messages");

    @Test
    void aRetrainWithCorrectionsMovesTheHeldOutFigures() {
        assumeTrue(Files.isDirectory(DATA), "real data absent at " + DATA.toAbsolutePath());
        List<LabelledMessages> all = LabelledMessages.read(LABELS, List.of(
                DATA.resolve("teddy2020-messages-with-votes.csv"), DATA.resolve("teddy2020-messages-with-replies.csv"),
                DATA.resolve("teddy2020-messages-labeled-raw-921.csv")));
        List<LabelledMessages> training = new ArrayList<>();
        List<LabelledMessages> heldOut = new ArrayList<>();
        List<Correction> corrections = new ArrayList<>();
        int schools = 0;
        for (LabelledMessages m : all) {
            boolean school = m.topic().equals("教育文体");
            if (school && schools < 40) { // managers correct 40 school letters the model had wrong
                corrections.add(new Correction(m.id(), Correction.TOPIC, "城乡建设", "教育文体", "manager",
                        Instant.parse("2026-12-06T00:00:00Z"), m.title(), m.text()));
                schools++;
            } else if (heldOut.size() < 120 && (school || heldOut.size() % 3 == 0)) {
                heldOut.add(m);
            } else if (!school && training.size() < 240) {
                training.add(m);
            }
        }
        List<LabelledMessages> corrected = EncoderTrainingOptions.fromCorrections(corrections, Correction.TOPIC);
        assertThat(corrected).hasSize(40).allMatch(m -> m.topic().equals("教育文体"));

        try (SentenceEncoder encoder = OnnxSentenceEncoder.open(OnnxSentenceEncoder.BUILT_IN, 128, 1)) {
            float[][] trainX = encoder.encode(EncoderTrainingOptions.texts(training));
            float[][] correctedX = encoder.encode(EncoderTrainingOptions.texts(corrected));
            float[][] heldX = encoder.encode(EncoderTrainingOptions.texts(heldOut));
            List<String> gold = heldOut.stream().map(LabelledMessages::topic).toList();
            SoftmaxRegression.Settings settings = SoftmaxRegression.Settings.defaults();

            EncoderTopicModel before = EncoderTopicModel.train(trainX, TopicFeatures.vectorOnly(),
                    training.stream().map(LabelledMessages::topic).toList(), null, settings, 0, Map.of());
            float[][] both = new float[trainX.length + correctedX.length][];
            System.arraycopy(trainX, 0, both, 0, trainX.length);
            System.arraycopy(correctedX, 0, both, trainX.length, correctedX.length);
            List<String> bothLabels = new ArrayList<>(training.stream().map(LabelledMessages::topic).toList());
            bothLabels.addAll(corrected.stream().map(LabelledMessages::topic).toList());
            EncoderTopicModel after = EncoderTopicModel.train(both, TopicFeatures.vectorOnly(), bothLabels, null,
                    settings, 0, Map.of());

            Evaluation withoutCorrections = evaluate(before, heldX, gold);
            Evaluation withCorrections = evaluate(after, heldX, gold);
            double recallBefore = recall(withoutCorrections, "教育文体");
            double recallAfter = recall(withCorrections, "教育文体");
            System.out.printf("held-out %d: accuracy %.3f -> %.3f, 教育文体 recall %.3f -> %.3f%n", gold.size(),
                    withoutCorrections.accuracy(), withCorrections.accuracy(), recallBefore, recallAfter);
            assertThat(recallBefore).isZero();
            assertThat(recallAfter).isGreaterThan(0.6);
            assertThat(withCorrections.accuracy()).isGreaterThan(withoutCorrections.accuracy() + 0.1);
        }
    }

    private static Evaluation evaluate(EncoderTopicModel model, float[][] x, List<String> gold) {
        List<String> predicted = new ArrayList<>();
        for (float[] v : x) {
            predicted.add(model.predict(v).topic());
        }
        return Evaluation.of(gold, predicted);
    }

    private static double recall(Evaluation e, String label) {
        Evaluation.ClassFigures f = e.perClass().get(label);
        return f == null ? 0 : f.recall();
    }
}
