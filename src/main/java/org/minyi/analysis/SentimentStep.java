package org.minyi.analysis;

import java.util.Set;

/** The message's attitude from a {@link SentimentAnalyzer} over all its words and text. */
final class SentimentStep implements AnalysisStep {

    private final SentimentAnalyzer sentiment;

    SentimentStep(SentimentAnalyzer sentiment) {
        this.sentiment = sentiment;
    }

    @Override
    public String name() {
        return "sentiment";
    }

    @Override
    public Set<Fact<?>> reads() {
        return sentiment.needsEmbedding()
                ? Set.of(Facts.WORDS, Facts.ANALYSED_TITLE, Facts.ANALYSED_TEXT, Facts.EMBEDDING)
                : Set.of(Facts.WORDS, Facts.ANALYSED_TITLE, Facts.ANALYSED_TEXT);
    }

    @Override
    public Set<Fact<?>> adds() {
        return Set.of(Facts.SENTIMENT);
    }

    @Override
    public void apply(MessageFacts facts) {
        facts.add(Facts.SENTIMENT, sentiment.score(facts.get(Facts.WORDS),
                TitleAndText.of(facts.get(Facts.ANALYSED_TITLE), facts.get(Facts.ANALYSED_TEXT)),
                sentiment.needsEmbedding() ? facts.get(Facts.EMBEDDING) : null));
    }
}
