package org.minyi.ingest;

import java.time.Clock;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.Set;
import org.minyi.analysis.Sentiment;
import org.minyi.index.IndexedMessage;
import org.minyi.index.MessageIndex;

/**
 * A manager corrects a message's topic or attitude: the correction is recorded (who, when, before, after), the
 * message is written again with it (its vector kept), and every later re-analysis keeps it.
 */
public final class MessageCorrections {

    /** The topics a person may choose: the seven and 其他. */
    public static final Set<String> TOPICS = Set.of("城乡建设", "环境保护", "交通运输", "教育文体", "劳动和社会保障",
            "商贸旅游", "卫生计生", "其他");

    private final MessageIndex index;
    private final CorrectionStore store;
    private final Clock clock;

    public MessageCorrections(MessageIndex index, CorrectionStore store, Clock clock) {
        this.index = index;
        this.store = store;
        this.clock = clock;
    }

    /**
     * @param field {@code topic} or {@code attitude}
     * @throws NoSuchElementException   when no message has that id
     * @throws IllegalArgumentException for an unknown field or value
     */
    public Correction correct(String messageId, String field, String value, String user) {
        String after = validated(field, value);
        IndexedMessage current = index.get(messageId)
                .orElseThrow(() -> new NoSuchElementException("no message with id " + messageId));
        String before = Correction.TOPIC.equals(field) ? current.analysis().topic()
                : current.analysis().sentiment() == null ? null : current.analysis().sentiment().key();
        Correction correction = new Correction(messageId, field, before, after, user, clock.instant(),
                current.message().title(), current.message().text());
        store.add(correction);
        IndexedMessage corrected = store.overlay(current);
        float[] vector = index.vector(messageId).orElse(null);
        if (vector != null) {
            corrected = new IndexedMessage(corrected.message(), corrected.analysis().withEmbedding(vector), corrected.issue());
        }
        index.upsert(List.of(corrected));
        index.refresh();
        return correction;
    }

    public List<Correction> of(String messageId) {
        return store.of(messageId);
    }

    private static String validated(String field, String value) {
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException("the corrected " + field + " is empty");
        }
        String v = value.strip();
        if (Correction.TOPIC.equals(field)) {
            if (!TOPICS.contains(v)) {
                throw new IllegalArgumentException("unknown topic '" + v + "'; expected one of " + TOPICS);
            }
            return v;
        }
        if (Correction.ATTITUDE.equals(field)) {
            return Sentiment.parse(v).key();
        }
        throw new IllegalArgumentException("unknown field '" + field + "'; expected topic or attitude");
    }
}
