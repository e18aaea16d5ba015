package org.minyi.analysis;

import java.util.List;
import java.util.Set;
import org.minyi.analysis.classify.GroupRelevanceModel;

/**
 * Groups and life stages the text gives evidence for ({@link LifeSituationCues}), each with its evidence. With the
 * sentence encoder on and a relevance model trained, an answer stands only when the message's vector says the message
 * is about that group or stage ({@link GroupRelevanceModel}): the cue words find the evidence, the vector judges
 * whether it is the matter of the message.
 */
final class GroupStep implements AnalysisStep {

    private final GroupRelevanceModel relevance;

    /** @param relevance the relevance model, or null for the cue words alone (no encoder, or no model) */
    GroupStep(GroupRelevanceModel relevance) {
        this.relevance = relevance;
    }

    @Override
    public String name() {
        return "groups";
    }

    @Override
    public Set<Fact<?>> reads() {
        return relevance == null ? Set.of(Facts.ANALYSED_TITLE, Facts.ANALYSED_TEXT)
                : Set.of(Facts.ANALYSED_TITLE, Facts.ANALYSED_TEXT, Facts.EMBEDDING);
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
        float[] vector = relevance == null ? null : facts.get(Facts.EMBEDDING);
        facts.add(Facts.GROUPS, relevant(found.groups(), GroupRelevanceModel.GROUP, vector));
        facts.add(Facts.STAGES, relevant(found.stages(), GroupRelevanceModel.STAGE, vector));
    }

    private List<DemandProfile.Evidence> relevant(List<DemandProfile.Evidence> answers, String kind, float[] vector) {
        if (vector == null) {
            return answers;
        }
        return answers.stream().filter(e -> relevance.keeps(kind, e.label(), vector)).toList();
    }
}
