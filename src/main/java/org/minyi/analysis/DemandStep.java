package org.minyi.analysis;

import java.util.Set;

/** The clause in which the citizen asks for something, with a key for counting alike demands ({@link DemandExtractor}). */
final class DemandStep implements AnalysisStep {

    private final DemandExtractor demands;

    DemandStep(Segmenter segmenter) {
        this.demands = new DemandExtractor(segmenter);
    }

    @Override
    public String name() {
        return "demand";
    }

    @Override
    public Set<Fact<?>> reads() {
        return Set.of(Facts.ANALYSED_TITLE, Facts.TITLE_TERMS, Facts.ANALYSED_TEXT, Facts.TEXT_TERMS);
    }

    @Override
    public Set<Fact<?>> adds() {
        return Set.of(Facts.DEMAND);
    }

    @Override
    public void apply(MessageFacts facts) {
        facts.add(Facts.DEMAND, demands.extract(facts.get(Facts.ANALYSED_TITLE), facts.get(Facts.TITLE_TERMS),
                facts.get(Facts.ANALYSED_TEXT), facts.get(Facts.TEXT_TERMS)));
    }
}
