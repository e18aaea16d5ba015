package org.minyi.analysis;

import java.util.Set;

/** Urban or rural, from the places the message names and its cue words ({@link SettlementCues}). */
final class AreaStep implements AnalysisStep {

    @Override
    public String name() {
        return "area";
    }

    @Override
    public Set<Fact<?>> reads() {
        return Set.of(Facts.ANALYSED_TITLE, Facts.ANALYSED_TEXT, Facts.PLACES);
    }

    @Override
    public Set<Fact<?>> adds() {
        return Set.of(Facts.AREA);
    }

    @Override
    public void apply(MessageFacts facts) {
        facts.add(Facts.AREA, SettlementCues.of(TitleAndText.of(facts.get(Facts.ANALYSED_TITLE),
                facts.get(Facts.ANALYSED_TEXT)), facts.get(Facts.PLACES)));
    }
}
