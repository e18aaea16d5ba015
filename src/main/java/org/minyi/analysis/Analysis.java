package org.minyi.analysis;

import com.fasterxml.jackson.annotation.JsonIgnore;
import java.util.List;

/**
 * What the pipeline learned from one message. All text in here is already PII-masked.
 *
 * @param tokens         content words of title and text, stop words removed, in order (used for indexing)
 * @param topic          topic label
 * @param topicScore     classifier confidence 0..1
 * @param sentiment      polarity label
 * @param sentimentScore signed polarity −1..1
 * @param places         place names mentioned, in order of first mention, no duplicates
 * @param region         the district/county/city the message is about, picked from the places, or null
 * @param departments    government departments / organisations mentioned, no duplicates
 * @param keywords       TextRank keywords, best first
 * @param demand         the clause in which the citizen asks for something (希望/要求/请/建议…), or null
 * @param demandKey      a short normalised form of the demand for counting alike demands together, or null
 * @param maskedTitle    title with PII masked, or null when the message had no title
 * @param maskedText     text with PII masked
 * @param simhash        64-bit SimHash of the content words, for near-duplicate detection
 * @param titleWords     how the masked title is cut for a search index ({@link IndexWords}), handed to the index
 *                       so it need not segment again; not serialised, so null when unknown (e.g. read back)
 * @param textWords      the same for the masked text
 * @param embedding      the sentence encoder's unit vector of title + text, or null when the encoder is off (or the
 *                       analysis was read back); kept by the index in a vector field, not in the stored JSON
 * @param profile        service domains, groups, life stages and urban/rural ({@link DemandProfile#NONE} when no
 *                       step found them)
 */
public record Analysis(
        List<String> tokens,
        String topic,
        double topicScore,
        Sentiment sentiment,
        double sentimentScore,
        List<String> places,
        String region,
        List<String> departments,
        List<String> keywords,
        String demand,
        String demandKey,
        String maskedTitle,
        String maskedText,
        long simhash,
        @JsonIgnore List<IndexWord> titleWords,
        @JsonIgnore List<IndexWord> textWords,
        @JsonIgnore float[] embedding,
        DemandProfile profile) {

    public Analysis {
        profile = profile == null ? DemandProfile.NONE : profile;
        tokens = List.copyOf(tokens);
        places = List.copyOf(places);
        departments = List.copyOf(departments);
        keywords = List.copyOf(keywords);
        titleWords = titleWords == null ? null : List.copyOf(titleWords);
        textWords = textWords == null ? null : List.copyOf(textWords);
    }

    /** An analysis without a demand profile. */
    public Analysis(List<String> tokens, String topic, double topicScore, Sentiment sentiment, double sentimentScore,
                    List<String> places, String region, List<String> departments, List<String> keywords,
                    String demand, String demandKey, String maskedTitle, String maskedText, long simhash,
                    List<IndexWord> titleWords, List<IndexWord> textWords, float[] embedding) {
        this(tokens, topic, topicScore, sentiment, sentimentScore, places, region, departments, keywords, demand,
                demandKey, maskedTitle, maskedText, simhash, titleWords, textWords, embedding, null);
    }

    /** An analysis without a sentence vector. */
    public Analysis(List<String> tokens, String topic, double topicScore, Sentiment sentiment, double sentimentScore,
                    List<String> places, String region, List<String> departments, List<String> keywords,
                    String demand, String demandKey, String maskedTitle, String maskedText, long simhash,
                    List<IndexWord> titleWords, List<IndexWord> textWords) {
        this(tokens, topic, topicScore, sentiment, sentimentScore, places, region, departments, keywords, demand,
                demandKey, maskedTitle, maskedText, simhash, titleWords, textWords, null);
    }

    /** An analysis without index words (the index cuts the text itself) and without a sentence vector. */
    public Analysis(List<String> tokens, String topic, double topicScore, Sentiment sentiment, double sentimentScore,
                    List<String> places, String region, List<String> departments, List<String> keywords,
                    String demand, String demandKey, String maskedTitle, String maskedText, long simhash) {
        this(tokens, topic, topicScore, sentiment, sentimentScore, places, region, departments, keywords, demand,
                demandKey, maskedTitle, maskedText, simhash, null, null, null);
    }

    /** This analysis with the topic a person chose (score 1: no model doubt about it). */
    public Analysis withTopic(String newTopic) {
        return new Analysis(tokens, newTopic, 1.0, sentiment, sentimentScore, places, region, departments,
                keywords, demand, demandKey, maskedTitle, maskedText, simhash, titleWords, textWords, embedding,
                profile);
    }

    /** This analysis with the attitude a person chose; the score is −1, 0 or 1 accordingly. */
    public Analysis withSentiment(Sentiment newSentiment) {
        double score = switch (newSentiment) {
            case NEGATIVE -> -1;
            case NEUTRAL -> 0;
            case POSITIVE -> 1;
        };
        return new Analysis(tokens, topic, topicScore, newSentiment, score, places, region, departments,
                keywords, demand, demandKey, maskedTitle, maskedText, simhash, titleWords, textWords, embedding,
                profile);
    }

    /** This analysis with a sentence vector (read back from the index, where it is kept apart). */
    public Analysis withEmbedding(float[] vector) {
        return new Analysis(tokens, topic, topicScore, sentiment, sentimentScore, places, region, departments,
                keywords, demand, demandKey, maskedTitle, maskedText, simhash, titleWords, textWords, vector,
                profile);
    }

    /** This analysis with another demand profile. */
    public Analysis withProfile(DemandProfile newProfile) {
        return new Analysis(tokens, topic, topicScore, sentiment, sentimentScore, places, region, departments,
                keywords, demand, demandKey, maskedTitle, maskedText, simhash, titleWords, textWords, embedding,
                newProfile);
    }

    /** This analysis filed under another region. */
    public Analysis withRegion(String newRegion) {
        return new Analysis(tokens, topic, topicScore, sentiment, sentimentScore, places, newRegion, departments,
                keywords, demand, demandKey, maskedTitle, maskedText, simhash, titleWords, textWords, embedding,
                profile);
    }
}
