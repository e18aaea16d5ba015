package org.minyi.alert;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.json.JsonMapper;

/**
 * Rules and history on disk, crash-safe without a database: {@code rules.json} is replaced atomically (write a
 * temporary file, force it, rename over), {@code history.jsonl} is appended one forced line per entry. A line torn
 * by a crash is skipped when reading back.
 */
final class AlertStore {

    private static final Logger LOG = LoggerFactory.getLogger(AlertStore.class);

    private final Path rulesFile;
    private final Path historyFile;
    private final JsonMapper json = JsonMapper.builder().build();
    private final FileChannel history;

    AlertStore(Path folder) {
        try {
            Files.createDirectories(folder);
            this.rulesFile = folder.resolve("rules.json");
            this.historyFile = folder.resolve("history.jsonl");
            this.history = FileChannel.open(historyFile, StandardOpenOption.CREATE, StandardOpenOption.WRITE,
                    StandardOpenOption.APPEND);
            endTornLine();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot open alert store in " + folder, e);
        }
    }

    /** A crash may leave half a line; close it so the next entry starts on a line of its own. */
    private void endTornLine() throws IOException {
        long size = history.size();
        if (size == 0) {
            return;
        }
        try (FileChannel in = FileChannel.open(historyFile, StandardOpenOption.READ)) {
            ByteBuffer last = ByteBuffer.allocate(1);
            in.read(last, size - 1);
            if (last.get(0) != '\n') {
                history.write(ByteBuffer.wrap(new byte[] {'\n'}));
                history.force(false);
            }
        }
    }

    List<Rule> loadRules() {
        if (!Files.exists(rulesFile)) {
            return List.of();
        }
        try {
            return List.of(json.readValue(rulesFile.toFile(), Rule[].class));
        } catch (JacksonException e) {
            throw new IllegalStateException("alert rules file " + rulesFile + " is not valid: " + e.getMessage(), e);
        }
    }

    synchronized void saveRules(List<Rule> rules) {
        Path temp = rulesFile.resolveSibling("rules.json.tmp");
        try (FileChannel out = FileChannel.open(temp, StandardOpenOption.CREATE, StandardOpenOption.WRITE,
                StandardOpenOption.TRUNCATE_EXISTING)) {
            out.write(ByteBuffer.wrap(json.writerWithDefaultPrettyPrinter().writeValueAsBytes(rules)));
            out.force(true);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + temp, e);
        }
        try {
            Files.move(temp, rulesFile, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (AtomicMoveNotSupportedException e) {
            throw new IllegalStateException("the file system of " + rulesFile + " cannot replace files atomically", e);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot replace " + rulesFile, e);
        }
    }

    synchronized void append(HistoryEntry entry) {
        byte[] line = (json.writeValueAsString(entry) + "\n").getBytes(StandardCharsets.UTF_8);
        try {
            ByteBuffer buffer = ByteBuffer.wrap(line);
            while (buffer.hasRemaining()) {
                history.write(buffer);
            }
            history.force(false);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot append to " + historyFile, e);
        }
    }

    List<HistoryEntry> loadHistory() {
        List<HistoryEntry> entries = new ArrayList<>();
        try {
            List<String> lines = Files.readAllLines(historyFile, StandardCharsets.UTF_8);
            for (int i = 0; i < lines.size(); i++) {
                if (lines.get(i).isBlank()) {
                    continue;
                }
                try {
                    entries.add(json.readValue(lines.get(i), HistoryEntry.class));
                } catch (JacksonException e) {
                    LOG.warn("skipping unreadable line {} of {} (torn by a crash?): {}", i + 1, historyFile,
                            e.getOriginalMessage());
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + historyFile, e);
        }
        return entries;
    }

    synchronized void close() {
        try {
            history.close();
        } catch (IOException e) {
            LOG.warn("closing {}: {}", historyFile, e.toString());
        }
    }
}
