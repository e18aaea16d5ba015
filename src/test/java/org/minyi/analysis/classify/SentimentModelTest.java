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
    private static Segmenter segmenter;

    @BeforeAll
    static void trainOnASliceOfHotelReviews() {
        SharedData.require(SharedData.LEXICONS);
        List<LabelledText> all = LabelledCsv.read(SharedData.require(SharedData.HOTEL), LabelledCsv.Columns.GUESS);
        segmenter = new Segmenter(DomainDictionary.load(null));
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

    @Test
    void trainingTwiceOnTheSameSliceGivesTheSameScores() {
        SentimentModel again = SentimentModel.train(training, SharedData.LEXICONS, null, SMALL, NEUTRAL_BELOW, 0.3,
                Map.of());
        for (Document document : test.subList(0, 100)) {
            assertThat(again.score(document.tokens(), document.text()))
                    .isEqualTo(model.score(document.tokens(), document.text()));
        }
    }

    @Test
    void aPoliteComplaintToGovernmentIsNegative() {
        assertThat(labelOf("尊敬的领导：您好！我们小区门口的道路坑坑洼洼，下雨积水，老人孩子出行很不方便，"
                + "希望有关部门尽快安排维修，谢谢领导！")).isEqualTo(Sentiment.NEGATIVE);
    }

    @Test
    void thanksToGovernmentArePositive() {
        assertThat(labelOf("感谢社区工作人员耐心帮我办理了医保手续，服务非常周到，为你们点赞！"))
                .isEqualTo(Sentiment.POSITIVE);
    }

    @Test
    void aQuestionToGovernmentIsNeutral() {
        assertThat(labelOf("请问新生儿办理户口需要带哪些材料？在街道办可以办吗？")).isEqualTo(Sentiment.NEUTRAL);
    }

    private static Sentiment labelOf(String text) {
        return model.score(segmenter.words(text), text).label();
    }
}
