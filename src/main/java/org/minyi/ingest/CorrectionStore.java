package org.minyi.ingest;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.minyi.analysis.Analysis;
import org.minyi.analysis.Sentiment;
import org.minyi.index.IndexedMessage;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.databind.json.JsonMapper;

/**
 * Every correction ever made, in an append-only JSON-lines file (forced to disk before a correction is
 * acknowledged), and the latest per message in memory. The ingestion lays the latest correction over a fresh
 * analysis, so re-importing a message never undoes what a person decided. A line cut short by a crash is skipped.
 */
public final class CorrectionStore {

    private static final Logger LOG = LoggerFactory.getLogger(CorrectionStore.class);

    private final Path file;
    private final JsonMapper json = JsonMapper.builder().findAndAddModules().build();
    private final Map<String, List<Correction>> byMessage = new ConcurrentHashMap<>();

    private CorrectionStore(Path file) {
        this.file = file;
    }

    public static CorrectionStore open(Path file) {
        CorrectionStore store = new CorrectionStore(file);
        if (Files.isRegularFile(file)) {
            try (BufferedReader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
                String line;
                int lineNumber = 0;
                while ((line = in.readLine()) != null) {
                    lineNumber++;
                    if (line.isBlank()) {
                        continue;
                    }
                    try {
                        store.remember(store.json.readValue(line, Correction.class));
                    } catch (RuntimeException e) {
                        LOG.warn("{} line {} is not a correction (cut short by a crash?); skipped", file, lineNumber);
                    }
                }
            } catch (IOException e) {
                throw new UncheckedIOException("cannot read corrections " + file, e);
            }
        }
        return store;
    }

    /** Records a correction durably; it holds from now on. */
    public synchronized void add(Correction correction) {
        try {
            Files.createDirectories(file.toAbsolutePath().getParent());
            try (FileChannel channel = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.APPEND,
                    StandardOpenOption.WRITE)) {
                channel.write(java.nio.ByteBuffer.wrap((json.writeValueAsString(correction) + "\n")
                        .getBytes(StandardCharsets.UTF_8)));
                channel.force(true);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot record the correction in " + file, e);
        }
        remember(correction);
    }

    private void remember(Correction correction) {
        byMessage.computeIfAbsent(correction.messageId(), id -> new java.util.concurrent.CopyOnWriteArrayList<>())
                .add(correction);
    }

    /** Every correction of a message, oldest first. */
    public List<Correction> of(String messageId) {
        return List.copyOf(byMessage.getOrDefault(messageId, List.of()));
    }

    /** Every correction of every message, for retraining. */
    public List<Correction> all() {
        List<Correction> all = new ArrayList<>();
        byMessage.values().forEach(all::addAll);
        all.sort(java.util.Comparator.comparing(Correction::at));
        return all;
    }

    /** The message with the latest correction of each field laid over its analysis. */
    public IndexedMessage overlay(IndexedMessage indexed) {
        List<Correction> corrections = byMessage.get(indexed.id());
        if (corrections == null || corrections.isEmpty()) {
            return indexed;
        }
        Analysis analysis = indexed.analysis();
        for (Correction c : corrections) { // oldest first: the latest of each field wins
            analysis = switch (c.field()) {
                case Correction.TOPIC -> analysis.withTopic(c.after());
                case Correction.ATTITUDE -> analysis.withSentiment(Sentiment.parse(c.after()));
                default -> analysis;
            };
        }
        return new IndexedMessage(indexed.message(), analysis, indexed.issue());
    }

    public Path file() {
        return file;
    }
}
