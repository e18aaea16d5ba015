package org.minyi.insight;

import java.time.Instant;
import java.util.List;

/**
 * One hot issue: messages grouped as the same matter, with its heat and the reasons for it.
 *
 * @param id              stable while the issue grows: derived from its earliest message
 * @param label           most named specific place and top keywords, for a human to recognise the issue
 * @param topic           the most common topic of its messages
 * @param places          specific places named, most named first
 * @param regions         filed regions, most frequent first
 * @param first           earliest message time
 * @param last            latest message time
 * @param messageCount    number of messages
 * @param votes           likes + against over all its messages
 * @param negativeShare   share of its messages labelled negative
 * @param meanSentiment   mean signed sentiment score
 * @param keywords        most shared keywords
 * @param representatives up to three messages that show what it is about
 * @param messageIds      all its message ids, earliest first
 * @param why             why it is hot in one or two plain Chinese sentences with the numbers that matter (the
 *                        full formula is {@link #explain()})
 * @param topics          every topic its messages were given, most common first (grouping ignores topics)
 * @param channels        channels its messages came through, most common first
 * @param departments     departments its messages name, most named first
 */
public record Hotspot(String id, String label, String topic, List<String> places, List<String> regions,
                      Instant first, Instant last, int messageCount, long votes, double negativeShare,
                      double meanSentiment, List<String> keywords, List<Representative> representatives,
                      List<String> messageIds, HeatIndex heat, Burst burst, String why, List<String> topics,
                      List<String> channels, List<String> departments) {

    public Hotspot {
        places = List.copyOf(places);
        regions = List.copyOf(regions);
        keywords = List.copyOf(keywords);
        representatives = List.copyOf(representatives);
        messageIds = List.copyOf(messageIds);
        topics = List.copyOf(topics);
        channels = List.copyOf(channels);
        departments = List.copyOf(departments);
    }

    /** A message shown for an issue (masked title and a short masked excerpt). */
    public record Representative(String id, Instant createdAt, String title, String excerpt, int votes) {
    }

    /** Why this issue is hot: the heat parts and the burst check, in one paragraph. */
    public String explain() {
        return heat.explain() + ". Burst: " + burst.explain();
    }
}
