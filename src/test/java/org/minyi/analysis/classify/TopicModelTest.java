package org.minyi.analysis.classify;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.minyi.analysis.TopicPrediction;

class TopicModelTest {

    private static final ModelParameters SMALL = new ModelParameters(10, 2, 50_000, false, 1, 3, false);

    private static List<Document> training;
    private static List<Document> test;

    @BeforeAll
    static void sliceRealMessages() {
        List<Document> all = Documents.preSegmented(
                LabelledCsv.read(SharedData.require(SharedData.SEGMENTED), LabelledCsv.Columns.GUESS));
        training = SharedData.everyNth(all, 6, 0);
        test = SharedData.everyNth(all, 12, 7);
    }

    @Test
    void beatsChanceByAWideMarginOnMessagesItNeverSaw() {
        TopicModel model = TopicModel.train(training, SMALL, Map.of());
        List<String> gold = new ArrayList<>();
        List<String> predicted = new ArrayList<>();
        for (Document document : test) {
            gold.add(document.label());
            predicted.add(model.classify(document.tokens(), document.text()).topic());
        }
        Evaluation evaluation = Evaluation.of(gold, predicted);
        assertThat(evaluation.accuracy()).as("7 classes: chance is about 0.22 (majority class)").isGreaterThan(0.7);
        assertThat(evaluation.macroF1()).isGreaterThan(0.6);
    }

    @Test
    void predictsOnlyLabelsOfItsTrainingDataWithAScoreBetweenZeroAndOne() {
        TopicModel model = TopicModel.train(training, SMALL, Map.of());
        Set<String> trainingLabels = new TreeSet<>(training.stream().map(Document::label).toList());
        assertThat(model.labels()).containsExactlyElementsOf(trainingLabels);
        for (Document document : test.subList(0, 50)) {
            TopicPrediction prediction = model.classify(document.tokens(), document.text());
            assertThat(trainingLabels).contains(prediction.topic());
            assertThat(prediction.score()).isBetween(0.0, 1.0);
        }
    }

    @Test
    void sameDataGivesTheSameModelFileByteForByte(@TempDir Path folder) throws IOException {
        TopicModel.train(training, SMALL, Map.of("trained", "fixed")).save(folder.resolve("a"));
        TopicModel.train(training, SMALL, Map.of("trained", "fixed")).save(folder.resolve("b"));
        assertThat(Files.readAllBytes(folder.resolve("a").resolve(TopicModel.FILE_NAME)))
                .isEqualTo(Files.readAllBytes(folder.resolve("b").resolve(TopicModel.FILE_NAME)));
    }

    @Test
    void aSavedModelLoadsAndPredictsExactlyAsBefore(@TempDir Path folder) {
        TopicModel trained = TopicModel.train(training, SMALL, Map.of("data", "slice"));
        trained.save(folder);
        TopicModel loaded = TopicModel.load(folder);
        assertThat(loaded.facts()).containsEntry("data", "slice");
        for (Document document : test.subList(0, 50)) {
            assertThat(loaded.classify(document.tokens(), document.text()))
                    .isEqualTo(trained.classify(document.tokens(), document.text()));
        }
    }

    @Test
    void aMissingModelFileIsNamedWithHowToTrainOne(@TempDir Path folder) {
        assertThatThrownBy(() -> TopicModel.load(folder))
                .isInstanceOf(ModelLoadException.class)
                .hasMessageContaining(TopicModel.FILE_NAME).hasMessageContaining("missing")
                .hasMessageContaining("minyi train topic");
    }

    @Test
    void aTruncatedModelFileIsReportedAsCorrupt(@TempDir Path folder) throws IOException {
        TopicModel.train(training, SMALL, Map.of()).save(folder);
        Path file = folder.resolve(TopicModel.FILE_NAME);
        byte[] bytes = Files.readAllBytes(file);
        Files.write(file, java.util.Arrays.copyOf(bytes, bytes.length / 2));
        assertThatThrownBy(() -> TopicModel.load(folder))
                .isInstanceOf(ModelLoadException.class)
                .hasMessageContaining(file.toString()).hasMessageContaining("corrupt");
    }

    @Test
    void aFileThatIsNoModelAtAllIsReportedAsCorrupt(@TempDir Path folder) throws IOException {
        Files.writeString(folder.resolve(TopicModel.FILE_NAME), "not a model");
        assertThatThrownBy(() -> TopicModel.load(folder))
                .isInstanceOf(ModelLoadException.class).hasMessageContaining("corrupt");
    }

    @Test
    void aSentimentModelFileIsNotTakenForATopicModel(@TempDir Path folder) throws IOException {
        TopicModel.train(training, SMALL, Map.of()).save(folder);
        Files.move(folder.resolve(TopicModel.FILE_NAME), folder.resolve("x"));
        ModelFile.write(folder.resolve(TopicModel.FILE_NAME), "sentiment", Map.of(), out -> { });
        assertThatThrownBy(() -> TopicModel.load(folder))
                .isInstanceOf(ModelLoadException.class).hasMessageContaining("not a topic model");
    }
}
