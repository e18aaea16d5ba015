package org.minyi.analysis.classify;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.minyi.analysis.Sentiment;
import org.minyi.analysis.SentimentPrediction;

/** The encoder-free attitude student: three classes from words and characters, a score in −1..1, a file. */
class NgramAttitudeModelTest {

    private static final ModelParameters SMALL = new ModelParameters(10, 1, 50_000, true, 1, 3, false);

    @TempDir
    Path tmp;

    private static List<Document> letters() {
        String[][] kinds = {
                {"negative", "噪音 扰民 多次 投诉 无人 处理", "垃圾 堆积 臭气 熏天 至今 未 清理", "拖欠 工资 半年 不 发"},
                {"neutral", "请问 新生儿 医保 怎么 办理", "咨询 公积金 提取 需要 哪些 材料", "请问 学校 何时 开学 报名"},
                {"positive", "感谢 社区 及时 帮助 非常 感谢", "表扬 城管 工作 认真 点赞", "感谢 医生 耐心 负责 谢谢"}};
        List<Document> docs = new ArrayList<>();
        for (int copy = 0; copy < 3; copy++) {
            for (String[] kind : kinds) {
                for (int i = 1; i < kind.length; i++) {
                    docs.add(new Document(kind[0], List.of(kind[i].split(" ")), kind[i].replace(" ", "")));
                }
            }
        }
        return docs;
    }

    private static SentimentPrediction score(NgramAttitudeModel model, String spaced) {
        return model.score(List.of(spaced.split(" ")), spaced.replace(" ", ""));
    }

    @Test
    void tellsComplaintsQuestionsAndThanksApartWithTheScoreOnTheRightSide() {
        NgramAttitudeModel model = NgramAttitudeModel.train(letters(), SMALL, Map.of());

        SentimentPrediction complaint = score(model, "楼下 噪音 扰民 投诉 无人 处理");
        SentimentPrediction question = score(model, "请问 医保 怎么 办理");
        SentimentPrediction thanks = score(model, "非常 感谢 社区 帮助");

        assertThat(complaint.label()).isEqualTo(Sentiment.NEGATIVE);
        assertThat(question.label()).isEqualTo(Sentiment.NEUTRAL);
        assertThat(thanks.label()).isEqualTo(Sentiment.POSITIVE);
        assertThat(complaint.score()).isBetween(-1.0, 0.0);
        assertThat(thanks.score()).isBetween(0.0, 1.0);
        assertThat(model.needsEmbedding()).as("runs with the encoder off").isFalse();
    }

    @Test
    void aSavedModelAnswersAsTheTrainedOneAndKeepsItsFacts() {
        NgramAttitudeModel model = NgramAttitudeModel.train(letters(), SMALL, Map.of("teacher", "attitude-encoder"));
        model.save(tmp);
        NgramAttitudeModel loaded = NgramAttitudeModel.load(tmp);

        for (String text : List.of("垃圾 堆积 无人 清理", "咨询 材料", "感谢 医生")) {
            assertThat(score(loaded, text)).isEqualTo(score(model, text));
        }
        assertThat(loaded.facts()).containsEntry("teacher", "attitude-encoder").containsKey("training documents");
        assertThat(tmp.resolve(NgramAttitudeModel.FILE_NAME)).exists();
    }

    @Test
    void aNeutralBiasTurnsABorderlineLetterNeutralAndTheSavedModelKeepsTheBias() {
        NgramAttitudeModel model = NgramAttitudeModel.train(letters(), SMALL, Map.of());
        String borderline = "投诉 请问 办理";
        double[] p = model.probabilities(List.of(borderline.split(" ")), borderline.replace(" ", ""));
        double lift = Math.log(Math.max(p[0], p[2])) - Math.log(p[1]) + 0.1; // just enough for neutral to win

        NgramAttitudeModel biased = model.withBias(new double[] {0, Math.max(lift, 0.1), 0}, "test");
        biased.save(tmp);
        NgramAttitudeModel loaded = NgramAttitudeModel.load(tmp);

        assertThat(score(biased, borderline).label()).isEqualTo(Sentiment.NEUTRAL);
        assertThat(score(biased, borderline).score()).as("the bias moves the label, not the score")
                .isEqualTo(score(model, borderline).score());
        assertThat(loaded.bias()).containsExactly(biased.bias());
        assertThat(score(loaded, borderline)).isEqualTo(score(biased, borderline));
        assertThat(loaded.facts()).containsKey("bias");
    }

    @Test
    void withTheThanksReadingALetterOfThanksIsPositiveAndTheSavedModelKeepsTheReading() {
        List<Document> noThanks = letters().stream().filter(d -> !d.label().equals("positive")).toList();
        List<Document> fewThanks = new ArrayList<>(noThanks);
        fewThanks.add(letters().getLast()); // one positive letter, too few for the weights to learn thanks
        NgramAttitudeModel model = NgramAttitudeModel.train(fewThanks, SMALL, Map.of());
        String thanks = "感谢 城管局 及时 处理 占道 经营 问题 ， 非常 感谢 ！";
        String complaint = "噪音 扰民 多次 投诉 无人 处理 ， 谢谢";

        NgramAttitudeModel reading = model.withThanksReading(true, "test");
        reading.save(tmp);
        NgramAttitudeModel loaded = NgramAttitudeModel.load(tmp);

        assertThat(score(reading, thanks).label()).isEqualTo(Sentiment.POSITIVE);
        assertThat(score(reading, thanks).score()).isGreaterThanOrEqualTo(NgramAttitudeModel.THANKS_SCORE);
        assertThat(score(reading, complaint)).as("a complaint closing with thanks is left to the weights")
                .isEqualTo(score(model, complaint));
        assertThat(loaded.readsThanks()).isTrue();
        assertThat(score(loaded, thanks)).isEqualTo(score(reading, thanks));
        assertThat(loaded.facts()).containsKey("letters of thanks");
    }

    @Test
    void refusesTrainingDataWithoutAllThreeAttitudes() {
        List<Document> twoClasses = letters().stream().filter(d -> !d.label().equals("neutral")).toList();

        assertThatThrownBy(() -> NgramAttitudeModel.train(twoClasses, SMALL, Map.of()))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("neutral");
    }

    @Test
    void aMissingFileFailsNamingHowToTrainOne() {
        assertThatThrownBy(() -> NgramAttitudeModel.load(tmp))
                .isInstanceOf(ModelLoadException.class).hasMessageContaining("minyi train distil");
    }
}
