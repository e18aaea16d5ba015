package org.minyi.analysis;

import java.util.Set;

/** How title and text are cut for a search index ({@link IndexWords}), so the index need not segment again. */
final class IndexWordsStep implements AnalysisStep {

    private final Segmenter segmenter;

    IndexWordsStep(Segmenter segmenter) {
        this.segmenter = segmenter;
    }

    @Override
    public String name() {
        return "index-words";
    }

    @Override
    public Set<Fact<?>> reads() {
        return Set.of(Facts.ANALYSED_TITLE, Facts.TITLE_TERMS, Facts.ANALYSED_TEXT, Facts.TEXT_TERMS);
    }

    @Override
    public Set<Fact<?>> adds() {
        return Set.of(Facts.TITLE_WORDS, Facts.TEXT_WORDS);
    }

    @Override
    public void apply(MessageFacts facts) {
        facts.add(Facts.TITLE_WORDS, IndexWords.of(facts.get(Facts.ANALYSED_TITLE), facts.get(Facts.TITLE_TERMS),
                segmenter));
        facts.add(Facts.TEXT_WORDS, IndexWords.of(facts.get(Facts.ANALYSED_TEXT), facts.get(Facts.TEXT_TERMS),
                segmenter));
    }
}
