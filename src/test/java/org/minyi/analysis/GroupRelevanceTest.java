package org.minyi.analysis;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.minyi.analysis.classify.GroupRelevanceModel;
import org.minyi.analysis.classify.SoftmaxRegression;
import org.minyi.analysis.encode.SentenceEncoder;

/**
 * The cue words find a group's evidence; with the sentence encoder on, the relevance model decides whether the group
 * is what the message is about. Here the "encoder" places pension letters on one side and the rest on the other, and
 * the model has learnt that the elderly belong to the first side.
 */
class GroupRelevanceTest {

    private final Segmenter segmenter = Pipelines.shared().segmenter();

    /** Two dimensions: pension letters point one way, everything else the other. */
    private static final class PensionSide implements SentenceEncoder {
        @Override
        public float[][] encode(List<String> texts) {
            return texts.stream().map(t -> t.contains("养老金") ? new float[] {1, 0} : new float[] {-1, 0})
                    .toArray(float[][]::new);
        }

        @Override
        public int dimensions() {
            return 2;
        }

        @Override
        public String name() {
            return "pension-side";
        }

        @Override
        public void close() {
        }
    }

    private static GroupRelevanceModel elderlyAreAboutPensions() {
        float[][] x = {{1, 0}, {1, 0}, {1, 0}, {-1, 0}, {-1, 0}, {-1, 0}};
        List<List<String>> groups = List.of(List.of("老年人"), List.of("老年人"), List.of("老年人"), List.of(), List.of(),
                List.of());
        var models = GroupRelevanceModel.train(x, groups, List.of(List.of(), List.of(), List.of(), List.of(), List.of(),
                List.of()), new SoftmaxRegression.Settings(0.0001, 300, 0.5));
        return GroupRelevanceModel.of(models, 0.5, 0.5, Map.of());
    }

    private AnalysisPipeline pipeline(List<String> steps) {
        AnalysisSteps.Resources resources = new AnalysisSteps.Resources(segmenter, new FakeTopicClassifier(),
                new FakeSentimentAnalyzer(), new PensionSide(), null, elderlyAreAboutPensions());
        return AnalysisPipeline.assemble(segmenter, AnalysisSteps.named(steps, resources));
    }

    private static final List<String> WITH_ENCODER = List.of("mask", "segment", "places", "area", "encode", "groups",
            "topic", "sentiment", "keywords", "simhash", "index-words");

    @Test
    void aGroupStandsWhenTheMessageIsAboutIt() {
        Analysis a = pipeline(WITH_ENCODER).analyze("养老金", "我家里的老人养老金被停发了三个月，请核查。");

        assertThat(a.profile().groups()).extracting(DemandProfile.Evidence::label).containsExactly("老年人");
    }

    @Test
    void aGroupTheCuesFindIsDroppedWhenTheMessageIsAboutSomethingElse() {
        Analysis a = pipeline(WITH_ENCODER).analyze("违建", "我家里的老人说邻居在楼顶违建，请城管处理。");

        assertThat(a.profile().groups()).isEmpty();
    }

    @Test
    void beforeTheEncoderTheCueWordsDecideAlone() {
        List<String> groupsFirst = List.of("mask", "segment", "places", "area", "groups", "encode", "topic",
                "sentiment", "keywords", "simhash", "index-words");

        Analysis a = pipeline(groupsFirst).analyze("违建", "我家里的老人说邻居在楼顶违建，请城管处理。");

        assertThat(a.profile().groups()).extracting(DemandProfile.Evidence::label).containsExactly("老年人");
    }
}
