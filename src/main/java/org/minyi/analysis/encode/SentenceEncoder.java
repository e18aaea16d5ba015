package org.minyi.analysis.encode;

import java.util.List;

/**
 * Turns texts into unit-length vectors whose cosine (dot product) says how close two texts are in meaning.
 * Implementations are thread-safe; each call runs on the calling thread.
 */
public interface SentenceEncoder extends AutoCloseable {

    /** One vector per text, in order, each of {@link #dimensions()} floats and L2 norm 1. */
    float[][] encode(List<String> texts);

    int dimensions();

    /** Names the model and the settings that change its vectors, e.g. "bge-small-zh-v1.5-q@256". */
    String name();

    @Override
    void close();
}
