package org.minyi.insight;

import java.util.List;
import java.util.concurrent.atomic.AtomicReferenceArray;
import java.util.function.Function;
import org.minyi.index.IndexedMessage;

/**
 * Two messages are alike when their unit sentence vectors are close. Vectors are read once per message, and only
 * for messages that some lexical evidence pairs with another: most messages of a period are never asked about.
 * Safe for the clusterer's two concurrent linking passes (a vector read twice is the same vector).
 */
final class VectorLikeness implements ComplaintLikeness {

    private static final float[] NONE = new float[0];

    private final List<IndexedMessage> messages;
    private final Function<IndexedMessage, float[]> vectorOf;
    private final double minCosine;
    private final AtomicReferenceArray<float[]> vectors;

    VectorLikeness(List<IndexedMessage> messages, Function<IndexedMessage, float[]> vectorOf, double minCosine) {
        this.messages = messages;
        this.vectorOf = vectorOf;
        this.minCosine = minCosine;
        this.vectors = new AtomicReferenceArray<>(messages.size());
    }

    @Override
    public boolean alike(int i, int j) {
        float[] a = vector(i);
        float[] b = vector(j);
        if (a.length == 0 || b.length == 0 || a.length != b.length) {
            return true;
        }
        double dot = 0;
        for (int k = 0; k < a.length; k++) {
            dot += a[k] * b[k];
        }
        return dot >= minCosine;
    }

    private float[] vector(int i) {
        float[] known = vectors.get(i);
        if (known == null) {
            IndexedMessage m = messages.get(i);
            float[] read = m.analysis().embedding() != null ? m.analysis().embedding() : vectorOf.apply(m);
            known = read == null ? NONE : read;
            vectors.set(i, known);
        }
        return known;
    }
}
