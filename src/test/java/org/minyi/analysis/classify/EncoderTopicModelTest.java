package org.minyi.analysis.classify;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class EncoderTopicModelTest {

    // Two-dimensional "vectors": 城乡建设 along the first axis, 交通运输 along the second, 其他 near the middle.
    private static final float[] BETWEEN = {0.55f, 0.45f};

    private static EncoderTopicModel trained() {
        List<float[]> x = new ArrayList<>();
        List<String> y = new ArrayList<>();
        for (int i = 0; i < 30; i++) {
            float d = i / 100f;
            x.add(new float[] {1 - d, d});
            y.add("城乡建设");
            x.add(new float[] {d, 1 - d});
            y.add("交通运输");
        }
        x.add(new float[] {0.5f, 0.5f});
        y.add(LabelledMessages.OTHER);
        return EncoderTopicModel.train(x.toArray(float[][]::new), TopicFeatures.vectorOnly(), y, null,
                new SoftmaxRegression.Settings(1e-4, 200, 0.05), 0, Map.of());
    }

    @Test
    void aFactorBelowOneOnTheMajorityHandsABorderlineMessageToTheOtherTopic() {
        EncoderTopicModel model = trained();
        assertThat(model.predict(BETWEEN).topic()).isEqualTo("城乡建设");
        EncoderTopicModel leaning = model.withFactors(Map.of("城乡建设", 0.5));
        assertThat(leaning.predict(BETWEEN).topic()).isEqualTo("交通运输");
        assertThat(leaning.factor("城乡建设")).isEqualTo(0.5);
        assertThat(leaning.factor("交通运输")).isEqualTo(1);
    }

    @Test
    void factorsSurviveSavingAndLoading(@TempDir Path folder) {
        trained().withFactors(Map.of("城乡建设", 0.7, LabelledMessages.OTHER, 1.5)).save(folder);
        EncoderTopicModel loaded = EncoderTopicModel.load(folder, null);
        assertThat(loaded.factor("城乡建设")).isEqualTo(0.7);
        assertThat(loaded.factor(LabelledMessages.OTHER)).isEqualTo(1.5);
    }

    @Test
    void aModelWithoutFactorsIsWrittenAsBeforeAndReadsBackWithNone(@TempDir Path folder) {
        EncoderTopicModel model = trained();
        model.save(folder);
        EncoderTopicModel loaded = EncoderTopicModel.load(folder, null);
        assertThat(loaded.factor("城乡建设")).isEqualTo(1);
        assertThat(loaded.predict(BETWEEN).topic()).isEqualTo(model.predict(BETWEEN).topic());
        assertThat(loaded.predict(BETWEEN).score()).isCloseTo(model.predict(BETWEEN).score(), within(1e-6));
    }
}
