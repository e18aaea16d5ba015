package org.minyi.analysis;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** How a pipeline is put together from named steps, and what it refuses. */
class AnalysisPipelineAssemblyTest {

    private final Segmenter segmenter = Pipelines.shared().segmenter();
    private final AnalysisSteps.Resources resources = new AnalysisSteps.Resources(segmenter,
            new FakeTopicClassifier(), new FakeSentimentAnalyzer(), null);

    @Test
    void theStandardStepsRunInTheirOrder() {
        AnalysisPipeline pipeline = AnalysisPipeline.assemble(segmenter,
                AnalysisSteps.named(AnalysisSteps.STANDARD, resources));
        assertThat(pipeline.steps()).extracting(AnalysisStep::name).containsExactlyElementsOf(AnalysisSteps.STANDARD);
        assertThat(pipeline.adds(Facts.EMBEDDING)).isFalse();
        Analysis a = pipeline.analyze("路灯坏了", "A3区小区路灯坏了三个月，希望尽快修复。");
        assertThat(a.embedding()).isNull();
        assertThat(a.demand()).contains("修复");
    }

    @Test
    void aStepWhoseInputNoEarlierStepAddsIsRefusedByName() {
        List<String> names = new ArrayList<>(AnalysisSteps.STANDARD);
        names.remove("segment");
        assertThatThrownBy(() -> AnalysisPipeline.assemble(segmenter, AnalysisSteps.named(names, resources)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("step 'places' reads")
                .hasMessageContaining("'title-terms'")
                .hasMessageContaining("no earlier step adds");
    }

    @Test
    void stepsInTheWrongOrderAreRefused() {
        List<String> names = new ArrayList<>(AnalysisSteps.STANDARD);
        names.remove("simhash");
        names.add(1, "simhash");
        assertThatThrownBy(() -> AnalysisPipeline.assemble(segmenter, AnalysisSteps.named(names, resources)))
                .hasMessageContaining("step 'simhash' reads 'tokens'");
    }

    @Test
    void onlyTheFirstStepMayReadTheRawMessage() {
        AnalysisStep peek = step("peek", Set.of(Facts.MESSAGE), Set.of());
        List<AnalysisStep> steps = new ArrayList<>(AnalysisSteps.named(AnalysisSteps.STANDARD, resources));
        steps.add(2, peek);
        assertThatThrownBy(() -> AnalysisPipeline.assemble(segmenter, steps))
                .hasMessageContaining("'peek' reads the raw message")
                .hasMessageContaining("mask PII");
    }

    @Test
    void aPipelineThatNeverLearnsWhatEveryAnalysisNeedsIsRefused() {
        List<String> names = new ArrayList<>(AnalysisSteps.STANDARD);
        names.remove("topic");
        assertThatThrownBy(() -> AnalysisPipeline.assemble(segmenter, AnalysisSteps.named(names, resources)))
                .hasMessageContaining("never add 'topic'");
    }

    @Test
    void unknownAndRepeatedStepsAndMissingResourcesAreNamed() {
        assertThatThrownBy(() -> AnalysisSteps.named(List.of("mask", "segmnet"), resources))
                .hasMessageContaining("unknown analysis step 'segmnet'")
                .hasMessageContaining("segment");
        assertThatThrownBy(() -> AnalysisSteps.named(List.of("encode"), resources))
                .hasMessageContaining("'encode' needs a sentence encoder");
        List<String> twice = new ArrayList<>(AnalysisSteps.STANDARD);
        twice.add("keywords");
        assertThatThrownBy(() -> AnalysisPipeline.assemble(segmenter, AnalysisSteps.named(twice, resources)))
                .hasMessageContaining("'keywords' appears twice");
    }

    @Test
    void aStepThatTouchesAFactItDidNotDeclareFailsAtOnce() {
        AnalysisStep sneaky = new AnalysisStep() {
            @Override
            public String name() {
                return "sneaky";
            }

            @Override
            public Set<Fact<?>> reads() {
                return Set.of(Facts.TOKENS);
            }

            @Override
            public Set<Fact<?>> adds() {
                return Set.of();
            }

            @Override
            public void apply(MessageFacts facts) {
                facts.get(Facts.MASKED_TEXT);
            }
        };
        List<AnalysisStep> steps = new ArrayList<>(AnalysisSteps.named(AnalysisSteps.STANDARD, resources));
        steps.add(sneaky);
        AnalysisPipeline pipeline = AnalysisPipeline.assemble(segmenter, steps);
        assertThatThrownBy(() -> pipeline.analyze(null, "路灯坏了"))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("step 'sneaky' read 'masked-text', which it does not declare");
    }

    @Test
    void aBatchGivesTheSameAnalysesAsOneByOne() {
        AnalysisPipeline pipeline = Pipelines.shared();
        var messages = RealMessages.labeled().subList(0, 40);
        List<Analysis> batch = pipeline.analyzeAll(messages);
        for (int i = 0; i < messages.size(); i++) {
            Analysis alone = pipeline.analyze(messages.get(i));
            assertThat(batch.get(i).tokens()).isEqualTo(alone.tokens());
            assertThat(batch.get(i).keywords()).isEqualTo(alone.keywords());
            assertThat(batch.get(i).simhash()).isEqualTo(alone.simhash());
            assertThat(batch.get(i).demand()).isEqualTo(alone.demand());
        }
    }

    private static AnalysisStep step(String name, Set<Fact<?>> reads, Set<Fact<?>> adds) {
        return new AnalysisStep() {
            @Override
            public String name() {
                return name;
            }

            @Override
            public Set<Fact<?>> reads() {
                return reads;
            }

            @Override
            public Set<Fact<?>> adds() {
                return adds;
            }

            @Override
            public void apply(MessageFacts facts) {
            }
        };
    }
}
