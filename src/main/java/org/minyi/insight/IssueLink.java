package org.minyi.insight;

import java.util.Set;
import org.minyi.index.IndexedMessage;

/**
 * Whether two messages that some evidence pairs (a shared specific place, rare title words, the same region) are one
 * matter: the pair decision of issue grouping, apart from how candidates are found. The query-time
 * {@link IssueClusterer} finds candidates among a period's messages at once; the ingest-time {@link IssueAssigner}
 * finds them among the open issues' recent members. Both decide by one rule ({@link PairRule}; the clusterer
 * applies it in bulk).
 */
interface IssueLink {

    /** What the decision reads of one message, worked out once per message. */
    record Features(long time, long simhash, Set<String> keywords, NamedPlaces places, float[] vector) {

        static Features of(IndexedMessage m) {
            return new Features(m.message().createdAt().toEpochMilli(), m.analysis().simhash(),
                    IssueClusterer.keywordsOf(m), NamedPlaces.of(m), m.analysis().embedding());
        }
    }

    /** Near-duplicate texts close in time: one matter on that alone. */
    boolean nearDuplicate(Features a, Features b);

    /**
     * Close in time, keywords overlapping by at least {@code minOverlap} (Jaccard), not naming two different
     * places of one kind ({@link NamedPlaces}), and alike in complaint (sentence vectors, when both have one).
     */
    boolean similar(Features a, Features b, double minOverlap);
}
