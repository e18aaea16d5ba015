package org.minyi.analysis;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.minyi.analysis.encode.SentenceEncoder;

/**
 * One sentence-encoder vector per message, of title and text ({@link SentenceEncoder}): stored in the index for
 * nearest-neighbour search and read by the classifiers that use it. A batch of messages is encoded in one call.
 * The step owns the encoder: closing it closes the encoder.
 */
final class EncodeStep implements AnalysisStep, AutoCloseable {

    private final SentenceEncoder encoder;

    EncodeStep(SentenceEncoder encoder) {
        this.encoder = encoder;
    }

    @Override
    public String name() {
        return "encode";
    }

    @Override
    public Set<Fact<?>> reads() {
        return Set.of(Facts.ANALYSED_TITLE, Facts.ANALYSED_TEXT);
    }

    @Override
    public Set<Fact<?>> adds() {
        return Set.of(Facts.EMBEDDING);
    }

    @Override
    public void apply(MessageFacts facts) {
        applyAll(List.of(facts));
    }

    @Override
    public void applyAll(List<MessageFacts> batch) {
        List<String> texts = new ArrayList<>(batch.size());
        for (MessageFacts facts : batch) {
            texts.add(TitleAndText.of(facts.get(Facts.ANALYSED_TITLE), facts.get(Facts.ANALYSED_TEXT)));
        }
        float[][] vectors = encoder.encode(texts);
        for (int i = 0; i < batch.size(); i++) {
            batch.get(i).add(Facts.EMBEDDING, vectors[i]);
        }
    }

    @Override
    public void close() {
        encoder.close();
    }
}
