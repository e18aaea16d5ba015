package org.minyi.analysis;

import java.util.List;
import java.util.Set;

/**
 * One small step of the analysis: it reads some facts of a message and adds others (after Stanford CoreNLP's
 * annotators). {@link AnalysisPipeline} runs steps in order and refuses, when it is assembled, a step that reads a
 * fact no earlier step adds; at run time a step may touch only the facts it declared.
 *
 * <p>Implementations are thread-safe: one instance serves every analysis thread, all per-message state lives in
 * the {@link MessageFacts}. Every step is held to the same contract test ({@code AnalysisStepContract}).
 */
public interface AnalysisStep {

    /** Short name used in settings and messages, e.g. "segment". */
    String name();

    /** Facts this step reads; each must be added by an earlier step. */
    Set<Fact<?>> reads();

    /** Facts this step adds, every one of them, for every message (a value may be null where the fact says so). */
    Set<Fact<?>> adds();

    void apply(MessageFacts facts);

    /**
     * Applies this step to several messages at once. Steps that gain from batches (the sentence encoder runs
     * texts of similar length together) override it; the result must equal applying each alone.
     */
    default void applyAll(List<MessageFacts> batch) {
        for (MessageFacts facts : batch) {
            apply(facts);
        }
    }
}
