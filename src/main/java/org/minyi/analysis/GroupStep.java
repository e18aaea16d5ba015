package org.minyi.analysis;

import java.util.Set;

/** Groups and life stages the text gives evidence for ({@link LifeSituationCues}), each with its evidence. */
final class GroupStep implements AnalysisStep {

    @Override
    public String name() {
        return "groups";
    }

    @Override
    public Set<Fact<?>> reads() {
        return Set.of(Facts.ANALYSED_TITLE, Facts.ANALYSED_TEXT);
    }

    @Override
    public Set<Fact<?>> adds() {
        return Set.of(Facts.GROUPS, Facts.STAGES);
    }

    @Override
    public void apply(MessageFacts facts) {
        String title = facts.get(Facts.ANALYSED_TITLE);
        LifeSituationCues.Found found = LifeSituationCues.find(TitleAndText.of(title, facts.get(Facts.ANALYSED_TEXT)),
                title == null ? 0 : title.length());
        facts.add(Facts.GROUPS, found.groups());
        facts.add(Facts.STAGES, found.stages());
    }
}
