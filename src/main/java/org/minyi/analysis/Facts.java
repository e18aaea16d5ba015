package org.minyi.analysis;

import com.hankcs.hanlp.seg.common.Term;
import java.util.List;
import org.minyi.message.Message;

/**
 * The facts the standard steps read and add, in the order they become known. A new step that adds something
 * other steps may read declares its fact here; a fact only one step ever uses can live in that step.
 */
public final class Facts {

    /** The message as collected (raw, unmasked): the one fact every pipeline starts with. */
    public static final Fact<Message> MESSAGE = Fact.of("message", Message.class);

    /** Title with PII masked, or null when the message has none; stored and shown. */
    public static final Fact<String> MASKED_TITLE = Fact.of("masked-title", String.class);
    /** Text with PII masked, whole; stored and shown. */
    public static final Fact<String> MASKED_TEXT = Fact.of("masked-text", String.class);
    /** The masked title cut to {@link AnalysisPipeline#MAX_ANALYSED_CHARS}: what later steps read, or null. */
    public static final Fact<String> ANALYSED_TITLE = Fact.of("analysed-title", String.class);
    /** The masked text cut to {@link AnalysisPipeline#MAX_ANALYSED_CHARS}. */
    public static final Fact<String> ANALYSED_TEXT = Fact.of("analysed-text", String.class);

    /** HanLP terms of the analysed title (empty without a title). */
    public static final Fact<List<Term>> TITLE_TERMS = Fact.of("title-terms", List.class);
    /** HanLP terms of the analysed text. */
    public static final Fact<List<Term>> TEXT_TERMS = Fact.of("text-terms", List.class);
    /** Content words of title and text, stop words removed, in order. */
    public static final Fact<List<String>> TOKENS = Fact.of("tokens", List.class);
    /** Every word of title and text, stop words kept (negations and degree adverbs matter to attitude). */
    public static final Fact<List<String>> WORDS = Fact.of("words", List.class);

    public static final Fact<List<String>> PLACES = Fact.of("places", List.class);
    /** The district/county/city the message is about, or null. */
    public static final Fact<String> REGION = Fact.of("region", String.class);
    public static final Fact<List<String>> DEPARTMENTS = Fact.of("departments", List.class);
    /** The citizen's demand, or null when they ask for nothing. */
    public static final Fact<DemandExtractor.Demand> DEMAND = Fact.of("demand", DemandExtractor.Demand.class);
    public static final Fact<List<String>> KEYWORDS = Fact.of("keywords", List.class);
    public static final Fact<Long> SIMHASH = Fact.of("simhash", Long.class);
    public static final Fact<List<IndexWord>> TITLE_WORDS = Fact.of("title-index-words", List.class);
    public static final Fact<List<IndexWord>> TEXT_WORDS = Fact.of("text-index-words", List.class);

    /** The sentence encoder's unit vector of title + text. */
    public static final Fact<float[]> EMBEDDING = Fact.of("embedding", float[].class);

    public static final Fact<TopicPrediction> TOPIC = Fact.of("topic", TopicPrediction.class);
    public static final Fact<SentimentPrediction> SENTIMENT = Fact.of("sentiment", SentimentPrediction.class);

    /** Service domains, most likely first (empty when the model abstains from nothing: never empty in practice). */
    public static final Fact<List<String>> DOMAINS = Fact.of("domains", List.class);
    /** Groups the text gives evidence for, each with its cue. */
    public static final Fact<List<DemandProfile.Evidence>> GROUPS = Fact.of("groups", List.class);
    /** Life stages the text gives evidence for, each with its cue. */
    public static final Fact<List<DemandProfile.Evidence>> STAGES = Fact.of("stages", List.class);
    /** {@link DemandProfile#URBAN}, {@link DemandProfile#RURAL} or null. */
    public static final Fact<String> AREA = Fact.of("area", String.class);

    private Facts() {
    }
}
