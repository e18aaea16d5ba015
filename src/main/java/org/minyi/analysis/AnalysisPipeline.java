package org.minyi.analysis;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Collectors;
import org.minyi.message.Message;

/**
 * Turns one raw message into an {@link Analysis} by running an ordered list of {@link AnalysisStep}s. One instance
 * serves all threads: steps keep per-message state in the {@link MessageFacts}, and the only shared mutable thing,
 * HanLP's dictionary, is guarded by {@link DomainDictionary}.
 *
 * <p>The list is checked when the pipeline is assembled: every fact a step reads must be added by an earlier step,
 * only the first step may read the raw message (so PII is masked before anything else sees the text), and the
 * facts an {@link Analysis} needs must all be added. A wrong list is refused with a message that names the step
 * and the fact. Closing the pipeline releases what its steps hold outside the heap.
 */
public final class AnalysisPipeline implements AutoCloseable {

    /**
     * The most characters of a title or text the pipeline segments, classifies and cuts into index words. The
     * longest real message (Teddy-Cup data) has under 8,000 characters, so every real one is analysed whole; past
     * the cap HanLP's lattice and terms grow with the text, and a 10 MB message exhausted a 2 GB heap. The text
     * beyond the cap is still PII-masked and kept whole in {@link Analysis#maskedText()}; only its words are not
     * found, counted or indexed.
     */
    public static final int MAX_ANALYSED_CHARS = 20_000;

    /** What every pipeline must learn: an {@link Analysis} has no sensible value without these. */
    static final Set<Fact<?>> REQUIRED = Set.of(Facts.MASKED_TITLE, Facts.MASKED_TEXT, Facts.TOKENS, Facts.TOPIC,
            Facts.SENTIMENT, Facts.SIMHASH);

    private final Segmenter segmenter;
    private final List<AnalysisStep> steps;
    private final PiiMasker masker = new PiiMasker();

    private AnalysisPipeline(Segmenter segmenter, List<AnalysisStep> steps) {
        this.segmenter = segmenter;
        this.steps = List.copyOf(steps);
    }

    /** The standard pipeline ({@link AnalysisSteps#STANDARD}) with these classifiers and no sentence encoder. */
    public static AnalysisPipeline create(Segmenter segmenter, TopicClassifier topics, SentimentAnalyzer sentiment) {
        Objects.requireNonNull(segmenter, "segmenter is required");
        Objects.requireNonNull(topics, "topic classifier is required");
        Objects.requireNonNull(sentiment, "sentiment analyzer is required");
        return assemble(segmenter, AnalysisSteps.named(AnalysisSteps.STANDARD,
                new AnalysisSteps.Resources(segmenter, topics, sentiment, null)));
    }

    /**
     * A pipeline of these steps, in this order.
     *
     * @throws IllegalArgumentException when a step reads a fact no earlier step adds, a step other than the first
     *                                  reads the raw message, two steps share a name, or a required fact is missing
     */
    public static AnalysisPipeline assemble(Segmenter segmenter, List<AnalysisStep> steps) {
        Objects.requireNonNull(segmenter, "segmenter is required");
        Set<Fact<?>> known = new HashSet<>(Set.of(Facts.MESSAGE));
        Set<String> names = new HashSet<>();
        for (int i = 0; i < steps.size(); i++) {
            AnalysisStep step = steps.get(i);
            if (!names.add(step.name())) {
                throw new IllegalArgumentException("analysis step '" + step.name() + "' appears twice in " + names(steps));
            }
            if (i > 0 && step.reads().contains(Facts.MESSAGE)) {
                throw new IllegalArgumentException("analysis step '" + step.name() + "' reads the raw message, but only"
                        + " the first step may (it must mask PII before anything else sees the text): " + names(steps));
            }
            Set<Fact<?>> missing = new LinkedHashSet<>(step.reads());
            missing.removeAll(known);
            if (!missing.isEmpty()) {
                throw new IllegalArgumentException("analysis step '" + step.name() + "' reads " + quoted(missing)
                        + ", which no earlier step adds (steps: " + names(steps) + ")");
            }
            known.addAll(step.adds());
        }
        Set<Fact<?>> lacking = new LinkedHashSet<>(REQUIRED);
        lacking.removeAll(known);
        if (!lacking.isEmpty()) {
            throw new IllegalArgumentException("the analysis steps " + names(steps) + " never add " + quoted(lacking)
                    + ", which every analysis needs");
        }
        return new AnalysisPipeline(segmenter, steps);
    }

    private static String names(List<AnalysisStep> steps) {
        return steps.stream().map(AnalysisStep::name).collect(Collectors.joining(", ", "[", "]"));
    }

    private static String quoted(Set<Fact<?>> facts) {
        return facts.stream().map(f -> "'" + f + "'").collect(Collectors.joining(", "));
    }

    public Segmenter segmenter() {
        return segmenter;
    }

    /** The steps in the order they run. */
    public List<AnalysisStep> steps() {
        return steps;
    }

    /** Whether some step adds this fact (e.g. whether the encoder runs). */
    public boolean adds(Fact<?> fact) {
        return steps.stream().anyMatch(step -> step.adds().contains(fact));
    }

    /** Analyses a message; its own region, when the source gave one, stands in when the text names none. */
    public Analysis analyze(Message message) {
        return analyzeAll(List.of(message)).getFirst();
    }

    /**
     * Analyses several messages, each step over all of them before the next (so the encoder can run them in one
     * batch). The result is the same as analysing each alone.
     */
    public List<Analysis> analyzeAll(List<Message> messages) {
        List<MessageFacts> batch = new ArrayList<>(messages.size());
        for (Message message : messages) {
            Objects.requireNonNull(message, "message is required");
            MessageFacts facts = new MessageFacts();
            facts.seed(Facts.MESSAGE, message);
            batch.add(facts);
        }
        for (AnalysisStep step : steps) {
            for (MessageFacts facts : batch) {
                facts.enter(step);
            }
            step.applyAll(batch);
        }
        List<Analysis> analyses = new ArrayList<>(batch.size());
        for (int i = 0; i < batch.size(); i++) {
            analyses.add(result(messages.get(i), batch.get(i)));
        }
        return analyses;
    }

    /**
     * @param title the message title, or null
     * @param text  the message body; must not be blank
     */
    public Analysis analyze(String title, String text) {
        if (text == null || text.isBlank()) {
            throw new IllegalArgumentException("cannot analyse a message without text (title: "
                    + (title == null ? "none" : "'" + masker.mask(title) + "'") + ")");
        }
        return analyze(new Message("analyse", null, null, title, text, null, null, null, null, null));
    }

    /** Releases what steps hold outside the heap (the encoder's ONNX session). */
    @Override
    public void close() {
        for (AnalysisStep step : steps) {
            if (step instanceof AutoCloseable closeable) {
                try {
                    closeable.close();
                } catch (Exception e) {
                    throw new IllegalStateException("cannot close analysis step '" + step.name() + "'", e);
                }
            }
        }
    }

    private static Analysis result(Message message, MessageFacts facts) {
        facts.enter(null);
        DemandExtractor.Demand demand = facts.valueOr(Facts.DEMAND, null);
        TopicPrediction topic = facts.get(Facts.TOPIC);
        SentimentPrediction polarity = facts.get(Facts.SENTIMENT);
        String region = facts.valueOr(Facts.REGION, null);
        if (region == null && message.region() != null && !message.region().isBlank()) {
            region = message.region().strip();
        }
        return new Analysis(
                facts.get(Facts.TOKENS),
                topic.topic(),
                topic.score(),
                polarity.label(),
                polarity.score(),
                facts.valueOr(Facts.PLACES, List.of()),
                region,
                facts.valueOr(Facts.DEPARTMENTS, List.of()),
                facts.valueOr(Facts.KEYWORDS, List.of()),
                demand == null ? null : demand.clause(),
                demand == null ? null : demand.key(),
                facts.get(Facts.MASKED_TITLE),
                facts.get(Facts.MASKED_TEXT),
                facts.get(Facts.SIMHASH),
                facts.valueOr(Facts.TITLE_WORDS, null),
                facts.valueOr(Facts.TEXT_WORDS, null),
                facts.valueOr(Facts.EMBEDDING, null),
                new DemandProfile(facts.valueOr(Facts.DOMAINS, List.of()), facts.valueOr(Facts.GROUPS, List.of()),
                        facts.valueOr(Facts.STAGES, List.of()), facts.valueOr(Facts.AREA, null)));
    }
}
