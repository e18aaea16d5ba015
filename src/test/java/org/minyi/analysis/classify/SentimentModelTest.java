package org.minyi.analysis.classify;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.minyi.analysis.DomainDictionary;
import org.minyi.analysis.Segmenter;
import org.minyi.analysis.Sentiment;
import org.minyi.analysis.SentimentPrediction;

class SentimentModelTest {

    private static final ModelParameters SMALL = new ModelParameters(16, 2, 50_000, true, 1, 3, true);
    private static final double NEUTRAL_BELOW = 0.3;

    private static List<Document> training;
    private static List<Document> test;
    private static SentimentModel model;

    @BeforeAll
    static void trainOnASliceOfHotelReviews() {
        SharedData.require(SharedData.LEXICONS);
        List<LabelledText> all = LabelledCsv.read(SharedData.require(SharedData.HOTEL), LabelledCsv.Columns.GUESS);
        Segmenter segmenter = new Segmenter(DomainDictionary.load(null));
        HoldOut split = new HoldOut(0.2, 42);
        training = Documents.forSentiment(SharedData.everyNth(split.training(all), 3, 0), segmenter);
        test = Documents.forSentiment(SharedData.everyNth(split.test(all), 2, 0), segmenter);
        model = SentimentModel.train(training, SharedData.LEXICONS, null, SMALL, NEUTRAL_BELOW, 0.3, Map.of());
    }

    @Test
    void beatsTheMajorityClassByAWideMarginOnHeldOutReviews() {
        List<String> gold = new ArrayList<>();
        List<String> predicted = new ArrayList<>();
        for (Document document : test) {
            gold.add(SentimentModel.polarity(document.label()).key());
            predicted.add(model.score(document.tokens(), document.text()).score() >= 0 ? "positive" : "negative");
        }
        // about 68% of the reviews are positive
        assertThat(Evaluation.of(gold, predicted).accuracy()).isGreaterThan(0.8);
    }

    @Test
    void theLabelFollowsTheScoreWithANeutralBandAroundZero() {
        for (Document document : test.subList(0, 200)) {
            SentimentPrediction prediction = model.score(document.tokens(), document.text());
            Sentiment expected = Math.abs(prediction.score()) < NEUTRAL_BELOW ? Sentiment.NEUTRAL
                    : prediction.score() > 0 ? Sentiment.POSITIVE : Sentiment.NEGATIVE;
            assertThat(prediction.label()).isEqualTo(expected);
        }
    }

    @Test
    void aSavedModelLoadsAndScoresExactlyAsBefore(@TempDir Path folder) {
        model.save(folder);
        SentimentModel loaded = SentimentModel.load(folder);
        for (Document document : test.subList(0, 50)) {
            assertThat(loaded.score(document.tokens(), document.text()))
                    .isEqualTo(model.score(document.tokens(), document.text()));
        }
    }

    @Test
    void operatorLabelsAreReadAsPolarities() {
        assertThat(SentimentModel.polarity("1")).isEqualTo(Sentiment.POSITIVE);
        assertThat(SentimentModel.polarity("负面")).isEqualTo(Sentiment.NEGATIVE);
        assertThat(SentimentModel.polarity("Neutral")).isEqualTo(Sentiment.NEUTRAL);
        assertThatThrownBy(() -> SentimentModel.polarity("meh")).hasMessageContaining("'meh'");
    }

    @Test
    void aMissingModelFileIsNamedWithHowToTrainOne(@TempDir Path folder) {
        assertThatThrownBy(() -> SentimentModel.load(folder))
                .isInstanceOf(ModelLoadException.class).hasMessageContaining("minyi train sentiment");
    }
}
