package org.minyi.analysis;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Function;
import org.minyi.analysis.classify.GroupRelevanceModel;
import org.minyi.analysis.classify.ServiceDomainModel;
import org.minyi.analysis.encode.SentenceEncoder;

/**
 * The steps MinYi knows by name, and the standard order. Settings name the steps ({@code minyi.analysis.steps});
 * this class builds them from the shared resources (segmenter, models, encoder).
 */
public final class AnalysisSteps {

    /** The pipeline as it ran before steps could be chosen: everything but the sentence encoder. */
    public static final List<String> STANDARD = List.of("mask", "segment", "places", "area", "groups", "departments",
            "demand", "topic", "sentiment", "keywords", "simhash", "index-words");

    /** The default with the sentence encoder on: its vector is known before the classifiers that read it. */
    public static final List<String> WITH_ENCODER = List.of("mask", "segment", "places", "area", "departments",
            "demand", "encode", "groups", "topic", "domains", "sentiment", "keywords", "simhash", "index-words");

    /**
     * What steps are built from; one of each serves every step and thread.
     *
     * @param encoder the sentence encoder, or null when it is switched off
     * @param domains the service-domain model, or null when none is trained (or the encoder is off)
     * @param groupRelevance the group relevance model, or null when none is trained (or the encoder is off)
     */
    public record Resources(Segmenter segmenter, TopicClassifier topics, SentimentAnalyzer sentiment,
                            SentenceEncoder encoder, ServiceDomainModel domains, GroupRelevanceModel groupRelevance) {
        public Resources {
            Objects.requireNonNull(segmenter, "segmenter");
        }

        /** Resources without a group relevance model. */
        public Resources(Segmenter segmenter, TopicClassifier topics, SentimentAnalyzer sentiment,
                         SentenceEncoder encoder, ServiceDomainModel domains) {
            this(segmenter, topics, sentiment, encoder, domains, null);
        }

        /** Resources without a service-domain model. */
        public Resources(Segmenter segmenter, TopicClassifier topics, SentimentAnalyzer sentiment,
                         SentenceEncoder encoder) {
            this(segmenter, topics, sentiment, encoder, null, null);
        }
    }

    private static final Map<String, Function<Resources, AnalysisStep>> KNOWN = Map.ofEntries(
            Map.entry("mask", r -> new MaskStep()),
            Map.entry("segment", r -> new SegmentStep(r.segmenter())),
            Map.entry("places", r -> new PlaceStep(r.segmenter())),
            Map.entry("departments", r -> new DepartmentStep(r.segmenter())),
            Map.entry("demand", r -> new DemandStep(r.segmenter())),
            Map.entry("encode", r -> new EncodeStep(required(r.encoder(), "encode",
                    "a sentence encoder (is minyi.encoder.enabled false?)"))),
            Map.entry("topic", r -> new TopicStep(required(r.topics(), "topic", "a topic model"))),
            Map.entry("domains", r -> new DomainStep(required(r.domains(), "domains",
                    "a service-domain model (models/domains/domains.model: minyi train domains)"))),
            Map.entry("sentiment", r -> new SentimentStep(required(r.sentiment(), "sentiment", "a sentiment model"))),
            Map.entry("groups", r -> new GroupStep(null)), // named() adds the relevance model after 'encode'

            Map.entry("area", r -> new AreaStep()),
            Map.entry("keywords", r -> new KeywordStep(r.segmenter())),
            Map.entry("simhash", r -> new SimHashStep()),
            Map.entry("index-words", r -> new IndexWordsStep(r.segmenter())));

    private AnalysisSteps() {
    }

    /** Every step this class can build, in an order in which each comes after the steps it reads from. */
    public static List<String> order() {
        return WITH_ENCODER;
    }

    /** Every step name this class can build, sorted. */
    public static java.util.SortedSet<String> known() {
        return new java.util.TreeSet<>(KNOWN.keySet());
    }

    /**
     * The named steps, in the order given.
     *
     * @throws IllegalArgumentException for an unknown name, or a step whose resource is missing
     */
    public static List<AnalysisStep> named(List<String> names, Resources resources) {
        List<AnalysisStep> steps = new ArrayList<>(names.size());
        boolean encoded = false;
        for (String name : names) {
            Function<Resources, AnalysisStep> factory = KNOWN.get(name.strip());
            if (factory == null) {
                throw new IllegalArgumentException("unknown analysis step '" + name.strip() + "'; known steps: "
                        + String.join(", ", known()));
            }
            // the relevance model reads the sentence vector: only where an earlier step has made it
            if (name.strip().equals("groups") && encoded && resources.groupRelevance() != null) {
                steps.add(new GroupStep(resources.groupRelevance()));
            } else {
                steps.add(factory.apply(resources));
            }
            encoded |= name.strip().equals("encode");
        }
        return steps;
    }

    private static <T> T required(T resource, String step, String what) {
        if (resource == null) {
            throw new IllegalArgumentException("analysis step '" + step + "' needs " + what + ", and none is loaded");
        }
        return resource;
    }
}
