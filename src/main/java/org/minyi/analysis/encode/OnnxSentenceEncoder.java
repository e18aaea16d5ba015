package org.minyi.analysis.encode;

import ai.onnxruntime.OnnxTensor;
import ai.onnxruntime.OrtEnvironment;
import ai.onnxruntime.OrtException;
import ai.onnxruntime.OrtSession;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.LongBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A BERT-style sentence encoder (BGE) run by ONNX Runtime on the CPU: {@code [CLS]} pooling, L2-normalised.
 *
 * <p>One intra-op thread per session: the callers (ingestion workers) are already one thread per core, and ONNX
 * Runtime's own thread pool on top of them oversubscribed the cores (measured: about half the throughput).
 * Texts are cut at {@code maxTokens}; a batch is sorted by length and run in groups of similar length, so padding
 * costs little.
 */
public final class OnnxSentenceEncoder implements SentenceEncoder {

    /** The quantised BGE-small-zh v1.5 that ships inside the langchain4j model jar (MIT licence). */
    public static final String BUILT_IN = "bge-small-zh-v1.5-q";
    private static final String BUILT_IN_MODEL = "/bge-small-zh-v1.5-q.onnx";
    private static final String BUILT_IN_TOKENIZER = "/bge-small-zh-v1.5-q-tokenizer.json";

    private final OrtEnvironment environment;
    private final OrtSession session;
    private final WordPieceTokenizer tokenizer;
    private final boolean needsTypeIds;
    private final int maxTokens;
    private final int batchSize;
    private final int dimensions;
    private final String name;

    private OnnxSentenceEncoder(OrtEnvironment environment, OrtSession session, WordPieceTokenizer tokenizer,
                                int maxTokens, int batchSize, String modelName) throws OrtException {
        this.environment = environment;
        this.session = session;
        this.tokenizer = tokenizer;
        this.maxTokens = maxTokens;
        this.batchSize = batchSize;
        Set<String> inputs = session.getInputNames();
        if (!inputs.contains("input_ids") || !inputs.contains("attention_mask")) {
            throw new IllegalArgumentException("model " + modelName + " lacks input_ids/attention_mask: " + inputs);
        }
        this.needsTypeIds = inputs.contains("token_type_ids");
        this.name = modelName + "@" + maxTokens;
        this.dimensions = run(List.of(tokenizer.encode("维度", maxTokens)))[0].length;
    }

    /**
     * Opens a model: {@link #BUILT_IN}, or a folder holding {@code model.onnx} and {@code tokenizer.json} (e.g. the
     * fp32 BGE, or another BERT-style encoder with [CLS] pooling).
     *
     * @param maxTokens truncation length in tokens, [CLS] and [SEP] included (8..512)
     * @param batchSize texts per ONNX run (1..256)
     */
    public static OnnxSentenceEncoder open(String model, int maxTokens, int batchSize) {
        if (maxTokens < 8 || maxTokens > 512) {
            throw new IllegalArgumentException("encoder truncation must be 8..512 tokens, was " + maxTokens);
        }
        if (batchSize < 1 || batchSize > 256) {
            throw new IllegalArgumentException("encoder batch size must be 1..256, was " + batchSize);
        }
        try {
            byte[] onnx;
            WordPieceTokenizer tokenizer;
            String modelName;
            if (model == null || model.isBlank() || model.strip().equals(BUILT_IN)) {
                onnx = resource(BUILT_IN_MODEL);
                try (InputStream json = OnnxSentenceEncoder.class.getResourceAsStream(BUILT_IN_TOKENIZER)) {
                    tokenizer = WordPieceTokenizer.fromTokenizerJson(missing(json, BUILT_IN_TOKENIZER));
                }
                modelName = BUILT_IN;
            } else {
                Path folder = Path.of(model.strip());
                onnx = Files.readAllBytes(folder.resolve("model.onnx"));
                try (InputStream json = Files.newInputStream(folder.resolve("tokenizer.json"))) {
                    tokenizer = WordPieceTokenizer.fromTokenizerJson(json);
                }
                modelName = folder.getFileName().toString();
            }
            OrtEnvironment environment = OrtEnvironment.getEnvironment();
            OrtSession.SessionOptions options = new OrtSession.SessionOptions();
            options.setIntraOpNumThreads(1);
            options.setInterOpNumThreads(1);
            options.setExecutionMode(OrtSession.SessionOptions.ExecutionMode.SEQUENTIAL);
            options.setOptimizationLevel(OrtSession.SessionOptions.OptLevel.ALL_OPT);
            OrtSession session = environment.createSession(onnx, options);
            return new OnnxSentenceEncoder(environment, session, tokenizer, maxTokens, batchSize, modelName);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read encoder model " + model + ": " + e.getMessage(), e);
        } catch (OrtException e) {
            throw new IllegalStateException("cannot load encoder model " + model + ": " + e.getMessage(), e);
        }
    }

    private static byte[] resource(String path) throws IOException {
        try (InputStream in = OnnxSentenceEncoder.class.getResourceAsStream(path)) {
            return missing(in, path).readAllBytes();
        }
    }

    private static InputStream missing(InputStream in, String path) throws IOException {
        if (in == null) {
            throw new IOException(path + " is not on the class path (the langchain4j BGE model jar is missing)");
        }
        return in;
    }

    @Override
    public float[][] encode(List<String> texts) {
        int n = texts.size();
        float[][] vectors = new float[n][];
        List<Integer> order = new ArrayList<>(n);
        int[][] ids = new int[n][];
        for (int i = 0; i < n; i++) {
            String text = texts.get(i);
            ids[i] = tokenizer.encode(text == null ? "" : text, maxTokens);
            order.add(i);
        }
        order.sort(Comparator.comparingInt(i -> ids[i].length));
        for (int from = 0; from < n; from += batchSize) {
            List<Integer> group = order.subList(from, Math.min(n, from + batchSize));
            List<int[]> groupIds = new ArrayList<>(group.size());
            for (int i : group) {
                groupIds.add(ids[i]);
            }
            float[][] out = run(groupIds);
            for (int k = 0; k < group.size(); k++) {
                vectors[group.get(k)] = out[k];
            }
        }
        return vectors;
    }

    /** Tokens of a text as this encoder cuts it ([CLS] and [SEP] included): for benchmarks and tests. */
    public int tokenCount(String text) {
        return tokenizer.encode(text, maxTokens).length;
    }

    private float[][] run(List<int[]> batch) {
        int rows = batch.size();
        int width = 0;
        for (int[] row : batch) {
            width = Math.max(width, row.length);
        }
        long[] inputIds = new long[rows * width];
        long[] mask = new long[rows * width];
        for (int r = 0; r < rows; r++) {
            int[] row = batch.get(r);
            for (int c = 0; c < row.length; c++) {
                inputIds[r * width + c] = row[c];
                mask[r * width + c] = 1;
            }
        }
        long[] shape = {rows, width};
        Map<String, OnnxTensor> inputs = new HashMap<>();
        try {
            inputs.put("input_ids", OnnxTensor.createTensor(environment, LongBuffer.wrap(inputIds), shape));
            inputs.put("attention_mask", OnnxTensor.createTensor(environment, LongBuffer.wrap(mask), shape));
            if (needsTypeIds) {
                inputs.put("token_type_ids", OnnxTensor.createTensor(environment, LongBuffer.wrap(new long[rows * width]),
                        shape));
            }
            try (OrtSession.Result result = session.run(inputs)) {
                float[][][] hidden = (float[][][]) result.get(0).getValue();
                float[][] vectors = new float[rows][];
                for (int r = 0; r < rows; r++) {
                    vectors[r] = normalised(hidden[r][0]); // [CLS]
                }
                return vectors;
            }
        } catch (OrtException e) {
            throw new IllegalStateException("encoder failed on a batch of " + rows + ": " + e.getMessage(), e);
        } finally {
            inputs.values().forEach(OnnxTensor::close);
        }
    }

    private static float[] normalised(float[] v) {
        double sum = 0;
        for (float x : v) {
            sum += x * x;
        }
        float scale = sum == 0 ? 0 : (float) (1 / Math.sqrt(sum));
        float[] out = new float[v.length];
        for (int i = 0; i < v.length; i++) {
            out[i] = v[i] * scale;
        }
        return out;
    }

    @Override
    public int dimensions() {
        return dimensions;
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public void close() {
        try {
            session.close();
        } catch (OrtException e) {
            throw new IllegalStateException("cannot close the encoder session: " + e.getMessage(), e);
        }
    }
}
