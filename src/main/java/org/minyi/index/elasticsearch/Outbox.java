package org.minyi.index.elasticsearch;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Stream;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Accepted records waiting for Elasticsearch, on local disk so they survive an outage and a restart of MinYi.
 * Each accepted write becomes one batch file in bulk (NDJSON) form, written to a temporary name, forced to disk
 * and renamed, so a crash leaves either the whole batch or none of it. Batches are replayed in the order they were
 * accepted and deleted only after Elasticsearch has acknowledged every record in them; replaying a batch twice is
 * harmless because each record is indexed under its message id.
 */
final class Outbox {

    private static final String PREFIX = "batch-";
    private static final String SUFFIX = ".ndjson";
    /** Batches kept in memory as well, up to this size; a long outage spills to disk only. */
    private static final long MAX_CACHED_BYTES = 32L << 20;

    /**
     * A batch file; {@code ops} holds its operations when this process wrote it (read back from disk only after
     * a restart), so shipping a fresh batch costs no second read and parse.
     */
    record Batch(long sequence, Path file, long bytes, List<BulkOp> ops) {
    }

    private final Path dir;
    private final Path rejectedDir;
    private final long maxBytes;
    private final JsonMapper json;
    private final TreeMap<Long, Batch> pending = new TreeMap<>();
    private final AtomicLong nextSequence = new AtomicLong();
    private long pendingBytes;
    private long cachedBytes;

    Outbox(Path dir, long maxBytes, JsonMapper json) {
        this.dir = dir;
        this.rejectedDir = dir.resolve("rejected");
        this.maxBytes = maxBytes;
        this.json = json;
        try {
            Files.createDirectories(rejectedDir);
            try (Stream<Path> files = Files.list(dir)) {
                for (Path file : files.toList()) {
                    String name = file.getFileName().toString();
                    if (name.endsWith(".tmp")) {
                        Files.delete(file); // a write that crashed before it was accepted
                    } else if (name.startsWith(PREFIX) && name.endsWith(SUFFIX)) {
                        long sequence = Long.parseLong(name, PREFIX.length(), name.length() - SUFFIX.length(), 10);
                        add(new Batch(sequence, file, Files.size(file), null));
                    }
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot open the Elasticsearch buffer folder " + dir, e);
        }
        nextSequence.set(pending.isEmpty() ? 1 : pending.lastKey() + 1);
    }

    /** Writes the operations durably; once this returns they are accepted. */
    void append(List<BulkOp> ops) {
        byte[] body = encode(ops);
        synchronized (this) {
            if (pendingBytes + body.length > maxBytes) {
                throw new ElasticsearchUnavailableException("the local buffer " + dir + " is full ("
                        + pendingBytes + " bytes wait for Elasticsearch); refusing more writes until it drains");
            }
        }
        long sequence = nextSequence.getAndIncrement();
        Path file = dir.resolve(PREFIX + "%019d".formatted(sequence) + SUFFIX);
        Path temporary = dir.resolve(file.getFileName() + ".tmp");
        try {
            try (FileChannel channel = FileChannel.open(temporary, StandardOpenOption.CREATE_NEW,
                    StandardOpenOption.WRITE)) {
                ByteBuffer buffer = ByteBuffer.wrap(body);
                while (buffer.hasRemaining()) {
                    channel.write(buffer);
                }
                channel.force(true);
            }
            Files.move(temporary, file, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write to the Elasticsearch buffer " + file, e);
        }
        synchronized (this) {
            boolean cache = cachedBytes + body.length <= MAX_CACHED_BYTES;
            add(new Batch(sequence, file, body.length, cache ? List.copyOf(ops) : null));
        }
    }

    synchronized List<Batch> pending() {
        return List.copyOf(pending.values());
    }

    synchronized boolean isEmpty() {
        return pending.isEmpty();
    }

    synchronized long pendingBytes() {
        return pendingBytes;
    }

    List<BulkOp> read(Batch batch) {
        if (batch.ops() != null) {
            return batch.ops();
        }
        try {
            return decode(Files.readAllBytes(batch.file()), batch.file());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the Elasticsearch buffer " + batch.file(), e);
        }
    }

    /** Elasticsearch has every record of the batch. */
    void done(Batch batch) {
        synchronized (this) {
            if (pending.remove(batch.sequence()) != null) {
                pendingBytes -= batch.bytes();
                cachedBytes -= batch.ops() == null ? 0 : batch.bytes();
            }
        }
        try {
            Files.deleteIfExists(batch.file());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot delete replayed buffer " + batch.file(), e);
        }
    }

    /** Keeps records Elasticsearch refused for good (a mapping error, say) for a person to look at. */
    void reject(BulkOp op, String reason) {
        Path file = rejectedDir.resolve(op.id().replaceAll("[^\\p{Alnum}._-]", "_") + ".json");
        try {
            Files.write(file, json.writeValueAsBytes(java.util.Map.of("index", op.index(), "id", op.id(),
                    "reason", reason, "document", json.readTree(op.document()))));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot keep rejected record " + op.id() + " in " + file, e);
        }
    }

    private void add(Batch batch) {
        pending.put(batch.sequence(), batch);
        pendingBytes += batch.bytes();
        cachedBytes += batch.ops() == null ? 0 : batch.bytes();
    }

    private byte[] encode(List<BulkOp> ops) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (BulkOp op : ops) {
            byte[] action = json.writeValueAsBytes(java.util.Map.of("index",
                    java.util.Map.of("_index", op.index(), "_id", op.id())));
            out.writeBytes(action);
            out.write('\n');
            out.writeBytes(op.document());
            out.write('\n');
        }
        return out.toByteArray();
    }

    private List<BulkOp> decode(byte[] body, Path file) {
        List<BulkOp> ops = new ArrayList<>();
        int start = 0;
        JsonNode action = null;
        for (int i = 0; i < body.length; i++) {
            if (body[i] != '\n') {
                continue;
            }
            byte[] line = java.util.Arrays.copyOfRange(body, start, i);
            start = i + 1;
            if (action == null) {
                action = json.readTree(line).path("index");
                if (action.isMissingNode()) {
                    throw new IllegalStateException("corrupt buffer " + file + ": expected an index action, got "
                            + new String(line, StandardCharsets.UTF_8));
                }
            } else {
                ops.add(new BulkOp(action.path("_index").asString(), action.path("_id").asString(), line));
                action = null;
            }
        }
        return ops;
    }
}
