package org.minyi.analysis;

import com.hankcs.hanlp.seg.common.Term;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.minyi.message.Message;

/**
 * Turns one raw message into an {@link Analysis}. One instance serves all threads: every step keeps its state on
 * the stack, and the only shared mutable thing, HanLP's dictionary, is guarded by {@link DomainDictionary}.
 *
 * <p>Order matters: PII is masked before anything else reads the text, so no phone number or ID can reach tokens,
 * keywords, the demand, the classifiers or a log. Title and text are segmented once each and every later step
 * works on those terms.
 */
public final class AnalysisPipeline {

    static final int KEYWORDS = 8;

    /**
     * The most characters of a title or text the pipeline segments, classifies and cuts into index words. The
     * longest real message (Teddy-Cup data) has under 8,000 characters, so every real one is analysed whole; past
     * the cap HanLP's lattice and terms grow with the text, and a 10 MB message exhausted a 2 GB heap. The text
     * beyond the cap is still PII-masked and kept whole in {@link Analysis#maskedText()}; only its words are not
     * found, counted or indexed.
     */
    public static final int MAX_ANALYSED_CHARS = 20_000;

    private final Segmenter segmenter;
    private final TopicClassifier topics;
    private final SentimentAnalyzer sentiment;
    private final PiiMasker masker = new PiiMasker();
    private final PlaceRecognizer places;
    private final DepartmentRecognizer departments;
    private final KeywordExtractor keywords;
    private final DemandExtractor demands;

    private AnalysisPipeline(Segmenter segmenter, TopicClassifier topics, SentimentAnalyzer sentiment) {
        this.segmenter = segmenter;
        this.topics = topics;
        this.sentiment = sentiment;
        this.places = new PlaceRecognizer(segmenter.dictionary());
        this.departments = new DepartmentRecognizer(segmenter.dictionary());
        this.keywords = new KeywordExtractor(segmenter, KEYWORDS);
        this.demands = new DemandExtractor(segmenter);
    }

    public static AnalysisPipeline create(Segmenter segmenter, TopicClassifier topics, SentimentAnalyzer sentiment) {
        Objects.requireNonNull(segmenter, "segmenter is required");
        Objects.requireNonNull(topics, "topic classifier is required");
        Objects.requireNonNull(sentiment, "sentiment analyzer is required");
        return new AnalysisPipeline(segmenter, topics, sentiment);
    }

    public Segmenter segmenter() {
        return segmenter;
    }

    /** Analyses a message; its own region, when the source gave one, stands in when the text names none. */
    public Analysis analyze(Message message) {
        Objects.requireNonNull(message, "message is required");
        Analysis analysis = analyze(message.title(), message.text());
        if (analysis.region() != null || message.region() == null || message.region().isBlank()) {
            return analysis;
        }
        return analysis.withRegion(message.region().strip());
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
        String maskedTitle = title == null ? null : masker.mask(title.strip());
        String maskedText = masker.mask(text.strip());
        String analysedTitle = analysedPart(maskedTitle);
        String analysedText = analysedPart(maskedText);

        List<Term> titleTerms = segmenter.terms(analysedTitle);
        List<Term> textTerms = segmenter.terms(analysedText);
        List<Term> allTerms = new ArrayList<>(titleTerms.size() + textTerms.size());
        allTerms.addAll(titleTerms);
        allTerms.addAll(textTerms);

        List<String> tokens = segmenter.contentWords(allTerms);
        PlaceRecognizer.Places found = places.find(titleTerms, textTerms);
        DemandExtractor.Demand demand = demands.extract(analysedTitle, titleTerms, analysedText, textTerms);
        String both = analysedTitle == null ? analysedText : analysedTitle + "\n" + analysedText;
        TopicPrediction topic = topics.classify(tokens, both);
        SentimentPrediction polarity = sentiment.score(segmenter.words(allTerms), both);

        return new Analysis(
                tokens,
                topic.topic(),
                topic.score(),
                polarity.label(),
                polarity.score(),
                found.places(),
                found.region(),
                departments.find(titleTerms, textTerms),
                keywords.extract(allTerms),
                demand == null ? null : demand.clause(),
                demand == null ? null : demand.key(),
                maskedTitle,
                maskedText,
                SimHash.of(tokens),
                IndexWords.of(analysedTitle, titleTerms, segmenter),
                IndexWords.of(analysedText, textTerms, segmenter));
    }

    /** The first {@link #MAX_ANALYSED_CHARS} characters, never ending in half a surrogate pair. */
    private static String analysedPart(String masked) {
        if (masked == null || masked.length() <= MAX_ANALYSED_CHARS) {
            return masked;
        }
        int end = Character.isHighSurrogate(masked.charAt(MAX_ANALYSED_CHARS - 1)) ? MAX_ANALYSED_CHARS - 1
                : MAX_ANALYSED_CHARS;
        return masked.substring(0, end);
    }
}
