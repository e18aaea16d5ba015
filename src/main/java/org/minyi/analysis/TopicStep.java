package org.minyi.analysis;

import java.util.Set;

/** The message's topic from a {@link TopicClassifier} over its content words and text. */
final class TopicStep implements AnalysisStep {

    private final TopicClassifier topics;

    TopicStep(TopicClassifier topics) {
        this.topics = topics;
    }

    @Override
    public String name() {
        return "topic";
    }

    @Override
    public Set<Fact<?>> reads() {
        return topics.needsEmbedding()
                ? Set.of(Facts.TOKENS, Facts.ANALYSED_TITLE, Facts.ANALYSED_TEXT, Facts.EMBEDDING)
                : Set.of(Facts.TOKENS, Facts.ANALYSED_TITLE, Facts.ANALYSED_TEXT);
    }

    @Override
    public Set<Fact<?>> adds() {
        return Set.of(Facts.TOPIC);
    }

    @Override
    public void apply(MessageFacts facts) {
        facts.add(Facts.TOPIC, topics.classify(facts.get(Facts.TOKENS),
                TitleAndText.of(facts.get(Facts.ANALYSED_TITLE), facts.get(Facts.ANALYSED_TEXT)),
                topics.needsEmbedding() ? facts.get(Facts.EMBEDDING) : null));
    }
}
