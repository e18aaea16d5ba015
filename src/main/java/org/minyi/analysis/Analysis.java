package org.minyi.analysis;

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
        long simhash) {

    public Analysis {
        tokens = List.copyOf(tokens);
        places = List.copyOf(places);
        departments = List.copyOf(departments);
        keywords = List.copyOf(keywords);
    }
}
