package org.minyi.analysis.encode;

import java.io.BufferedInputStream;
import java.io.DataInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.IntConsumer;

/**
 * Vectors of training texts, kept on disk between runs: training and evaluating several models on the same tens of
 * thousands of texts would otherwise encode them again each time (minutes each). One append-only file per encoder
 * name and truncation ({@link SentenceEncoder#name()}), keyed by the SHA-256 of the text; a record cut short by a
 * crash is ignored. Texts not in the file are encoded on all cores and appended.
 *
 * <p>Two trainings may share the file (two commands run at once): every record is appended whole, by one write
 * under a lock on the file, and the file is read and its torn end cut under the same lock, so one run can neither
 * interleave its bytes with the other's nor cut off a record the other is still writing.
 */
public final class EmbeddingCache {

    /** File locks are held by the process: threads of one process that share a file take turns on this first. */
    private static final Map<Path, Object> IN_PROCESS = new ConcurrentHashMap<>();

    private final Path file;
    private final SentenceEncoder encoder;
    private final Map<String, float[]> vectors = new HashMap<>();

    private EmbeddingCache(Path file, SentenceEncoder encoder) {
        this.file = file;
        this.encoder = encoder;
    }

    /** Opens (or starts) the cache of this encoder in {@code folder}. */
    public static EmbeddingCache open(Path folder, SentenceEncoder encoder) {
        EmbeddingCache cache = new EmbeddingCache(
                folder.resolve(encoder.name().replaceAll("[^A-Za-z0-9_.@-]", "_") + ".vectors"), encoder);
        cache.load();
        return cache;
    }

    private void load() {
        if (!Files.isRegularFile(file)) {
            return;
        }
        try (FileChannel channel = FileChannel.open(file, StandardOpenOption.READ, StandardOpenOption.WRITE)) {
            locked(channel, () -> {
                long whole = readWholeRecords(channel);
                if (channel.size() > whole) {
                    // a record half-written by a crash: cut, so that what is appended next starts on a record
                    // boundary (after the torn piece, every later record would be read shifted, as garbage)
                    channel.truncate(whole);
                }
            });
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the vector cache " + file, e);
        }
    }

    private long readWholeRecords(FileChannel channel) throws IOException {
        int dims = encoder.dimensions();
        long whole = 0;
        DataInputStream in = new DataInputStream(new BufferedInputStream(Channels.newInputStream(channel), 1 << 16));
        try {
            while (true) {
                byte[] key = new byte[32];
                in.readFully(key);
                float[] v = new float[dims];
                for (int i = 0; i < dims; i++) {
                    v[i] = in.readFloat();
                }
                vectors.put(HexFormat.of().formatHex(key), v);
                whole += 32 + 4L * dims;
            }
        } catch (EOFException endOrCutShort) {
            return whole;
        }
    }

    private interface LockedWork {
        void run() throws IOException;
    }

    private void locked(FileChannel channel, LockedWork work) throws IOException {
        synchronized (IN_PROCESS.computeIfAbsent(file.toAbsolutePath().normalize(), f -> new Object())) {
            try (FileLock lock = channel.lock()) {
                work.run();
            }
        }
    }

    /**
     * One vector per text, in order: from the file where known, else encoded on {@code threads} threads and
     * appended. {@code progress} hears how many texts are done so far, after every 100.
     */
    public float[][] vectors(List<String> texts, int threads, IntConsumer progress) {
        float[][] out = new float[texts.size()][];
        List<Integer> missing = new ArrayList<>();
        String[] keys = new String[texts.size()];
        for (int i = 0; i < texts.size(); i++) {
            keys[i] = key(texts.get(i));
            out[i] = vectors.get(keys[i]);
            if (out[i] == null) {
                missing.add(i);
            }
        }
        if (missing.isEmpty()) {
            return out;
        }
        AtomicInteger done = new AtomicInteger(texts.size() - missing.size());
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try (FileChannel append = FileChannel.open(createParent(file), StandardOpenOption.CREATE,
                StandardOpenOption.WRITE, StandardOpenOption.APPEND)) {
            List<Future<?>> parts = new ArrayList<>();
            for (int t = 0; t < threads; t++) {
                int first = t;
                parts.add(pool.submit(() -> {
                    for (int m = first; m < missing.size(); m += threads) {
                        int i = missing.get(m);
                        float[] v = encoder.encode(List.of(texts.get(i)))[0];
                        out[i] = v;
                        synchronized (vectors) {
                            vectors.put(keys[i], v);
                        }
                        locked(append, () -> write(append, keys[i], v));
                        if (done.incrementAndGet() % 100 == 0) {
                            progress.accept(done.get());
                        }
                    }
                    return null;
                }));
            }
            for (Future<?> part : parts) {
                part.get();
            }
            progress.accept(done.get());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the vector cache " + file, e);
        } catch (Exception e) {
            throw new IllegalStateException("encoding failed: " + e.getMessage(), e);
        } finally {
            pool.shutdownNow();
        }
        return out;
    }

    private static Path createParent(Path file) throws IOException {
        Files.createDirectories(file.toAbsolutePath().getParent());
        return file;
    }

    /** One record, whole, at the end of the file. */
    private static void write(FileChannel out, String key, float[] v) throws IOException {
        ByteBuffer record = ByteBuffer.allocate(32 + 4 * v.length);
        record.put(HexFormat.of().parseHex(key));
        for (float x : v) {
            record.putFloat(x);
        }
        record.flip();
        while (record.hasRemaining()) {
            out.write(record);
        }
    }

    private static String key(String text) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
