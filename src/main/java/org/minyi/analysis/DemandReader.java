package org.minyi.analysis;

import java.util.List;
import org.minyi.message.Message;

/**
 * The demand of a message and its key, read by the very steps the analysis pipeline runs for them (mask, segment,
 * demand) and nothing more: no model is loaded, so the demands of a whole data file are listed in seconds, and the
 * keys are the ones the index counts.
 */
public final class DemandReader {

    /** The clause in which the citizen asks for something, and its action phrase (null when none is well formed). */
    public record Demand(String clause, String key) {
    }

    private final List<AnalysisStep> steps;

    public DemandReader(Segmenter segmenter) {
        this.steps = List.of(new MaskStep(), new SegmentStep(segmenter), new DemandStep(segmenter));
    }

    /** The demand of the message, or null when it asks for nothing. */
    public Demand read(String title, String text) {
        MessageFacts facts = new MessageFacts();
        facts.seed(Facts.MESSAGE, new Message("demand", null, null, title, text, null, null, null, null, null));
        for (AnalysisStep step : steps) {
            facts.enter(step);
            step.apply(facts);
        }
        facts.enter(null);
        DemandExtractor.Demand demand = facts.valueOr(Facts.DEMAND, null);
        return demand == null ? null : new Demand(demand.clause(), demand.key());
    }
}
