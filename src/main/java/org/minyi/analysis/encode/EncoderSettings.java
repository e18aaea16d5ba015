package org.minyi.analysis.encode;

/**
 * How the sentence encoder runs ({@code minyi.encoder.*}).
 *
 * @param enabled   whether messages are encoded at all; off, the pipeline runs without vectors and the
 *                  classifiers that need them fall back to their n-gram models
 * @param model     {@link OnnxSentenceEncoder#BUILT_IN} or a folder with {@code model.onnx} + {@code tokenizer.json}
 * @param maxTokens truncation length in tokens
 * @param batchSize texts per ONNX run
 */
public record EncoderSettings(boolean enabled, String model, int maxTokens, int batchSize) {

    public static final int DEFAULT_MAX_TOKENS = 512;
    public static final int DEFAULT_BATCH = 1;

    public static EncoderSettings defaults() {
        return new EncoderSettings(true, OnnxSentenceEncoder.BUILT_IN, DEFAULT_MAX_TOKENS, DEFAULT_BATCH);
    }

    public static EncoderSettings off() {
        return new EncoderSettings(false, OnnxSentenceEncoder.BUILT_IN, DEFAULT_MAX_TOKENS, DEFAULT_BATCH);
    }

    /** Loads the encoder these settings name, or null when it is switched off. */
    public SentenceEncoder open() {
        return enabled ? OnnxSentenceEncoder.open(model, maxTokens, batchSize) : null;
    }
}
