package org.minyi.analysis;

import java.util.Set;

/** 64-bit SimHash of the content words, for near-duplicate detection. */
final class SimHashStep implements AnalysisStep {

    @Override
    public String name() {
        return "simhash";
    }

    @Override
    public Set<Fact<?>> reads() {
        return Set.of(Facts.TOKENS);
    }

    @Override
    public Set<Fact<?>> adds() {
        return Set.of(Facts.SIMHASH);
    }

    @Override
    public void apply(MessageFacts facts) {
        facts.add(Facts.SIMHASH, SimHash.of(facts.get(Facts.TOKENS)));
    }
}
