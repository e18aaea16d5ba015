package org.minyi.analysis.classify;

import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

/**
 * What the encoder topic model sees of a message: its sentence vector, then — when the model was trained with
 * them — its closeness to every entry of the official topic taxonomy (the cosine of the message's vector and the
 * vector of "一级 二级 三级", one feature per entry). The taxonomy names subjects in words no training set covers
 * (低保, 户籍, 土地承包 …), so these features carry the subject structure to messages from a city the labels never
 * saw; the model learns from the hand labels which entries mean which of the seven topics or 其他.
 */
public final class TopicFeatures {

    private final List<String> entries;
    private final float[][] entryVectors;

    private TopicFeatures(List<String> entries, float[][] entryVectors) {
        this.entries = List.copyOf(entries);
        this.entryVectors = entryVectors;
    }

    /** The sentence vector alone. */
    public static TopicFeatures vectorOnly() {
        return new TopicFeatures(List.of(), new float[0][]);
    }

    /** The vector and its closeness to each taxonomy entry (texts and their vectors, same order). */
    public static TopicFeatures withTaxonomy(List<String> entries, float[][] entryVectors) {
        if (entries.size() != entryVectors.length) {
            throw new IllegalArgumentException(entries.size() + " entries but " + entryVectors.length + " vectors");
        }
        return new TopicFeatures(entries, entryVectors);
    }

    public float[] of(float[] embedding) {
        float[] x = new float[embedding.length + entryVectors.length];
        System.arraycopy(embedding, 0, x, 0, embedding.length);
        for (int e = 0; e < entryVectors.length; e++) {
            float[] v = entryVectors[e];
            double dot = 0;
            for (int i = 0; i < v.length; i++) {
                dot += v[i] * embedding[i];
            }
            x[embedding.length + e] = (float) dot;
        }
        return x;
    }

    public float[][] of(float[][] embeddings) {
        float[][] x = new float[embeddings.length][];
        for (int i = 0; i < embeddings.length; i++) {
            x[i] = of(embeddings[i]);
        }
        return x;
    }

    public List<String> entries() {
        return entries;
    }

    void write(DataOutputStream out) throws IOException {
        out.writeInt(entries.size());
        for (int e = 0; e < entries.size(); e++) {
            out.writeUTF(entries.get(e));
            out.writeInt(entryVectors[e].length);
            for (float f : entryVectors[e]) {
                out.writeFloat(f);
            }
        }
    }

    static TopicFeatures read(DataInputStream in) throws IOException {
        int n = in.readInt();
        if (n < 0 || n > 100_000) {
            throw new IOException("implausible taxonomy size " + n);
        }
        List<String> entries = new ArrayList<>(n);
        float[][] vectors = new float[n][];
        for (int e = 0; e < n; e++) {
            entries.add(in.readUTF());
            int d = in.readInt();
            if (d < 1 || d > 10_000) {
                throw new IOException("implausible vector size " + d);
            }
            vectors[e] = new float[d];
            for (int i = 0; i < d; i++) {
                vectors[e][i] = in.readFloat();
            }
        }
        return new TopicFeatures(entries, vectors);
    }
}
