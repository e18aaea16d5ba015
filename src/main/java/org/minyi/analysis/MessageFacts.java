package org.minyi.analysis;

import java.util.HashMap;
import java.util.Map;

/**
 * What the pipeline knows about one message so far. Belongs to one analysis on one thread. While a step runs it
 * may read only the facts it declared in {@link AnalysisStep#reads()} and add only those in
 * {@link AnalysisStep#adds()}: a step that reaches further fails at once, so a wrong declaration cannot hide.
 */
public final class MessageFacts {

    private final Map<Fact<?>, Object> values = new HashMap<>();
    private AnalysisStep current;

    MessageFacts() {
    }

    /** Facts given before the first step (the raw message). */
    <T> void seed(Fact<T> fact, T value) {
        values.put(fact, value);
    }

    void enter(AnalysisStep step) {
        current = step;
    }

    /** A fact the current step declared it reads; its value may be null where the fact allows it. */
    public <T> T get(Fact<T> fact) {
        if (current != null && !current.reads().contains(fact)) {
            throw new IllegalStateException("step '" + current.name() + "' read '" + fact
                    + "', which it does not declare in reads()");
        }
        if (!values.containsKey(fact)) {
            throw new IllegalStateException("'" + fact + "' is not known yet"
                    + (current == null ? "" : " when step '" + current.name() + "' reads it"));
        }
        return fact.cast(values.get(fact));
    }

    /** Adds a fact the current step declared in adds(). */
    public <T> void add(Fact<T> fact, T value) {
        if (current != null && !current.adds().contains(fact)) {
            throw new IllegalStateException("step '" + current.name() + "' added '" + fact
                    + "', which it does not declare in adds()");
        }
        values.put(fact, fact.cast(value));
    }

    /** Whether a fact is known (for assembling the result; steps use {@link #get}). */
    boolean has(Fact<?> fact) {
        return values.containsKey(fact);
    }

    /** The value for assembling the result, or {@code fallback} when no step added the fact. */
    <T> T valueOr(Fact<T> fact, T fallback) {
        return values.containsKey(fact) ? fact.cast(values.get(fact)) : fallback;
    }
}
