package org.minyi.collect.crawl;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import org.minyi.ingest.MessageSink;
import org.minyi.message.Message;
import tools.jackson.databind.json.JsonMapper;

/**
 * Appends each accepted message as one JSON line and forces it to disk before {@code accept} returns, so
 * "accepted" means durable (its {@code flush} has nothing left to do). Used by {@code minyi crawl --out} and by the
 * crash-recovery test.
 */
public final class JsonLinesMessageSink implements MessageSink, AutoCloseable {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private final FileChannel channel;
    private final Path file;

    public JsonLinesMessageSink(Path file) {
        this.file = file;
        try {
            Path parent = file.toAbsolutePath().getParent();
            Files.createDirectories(parent);
            channel = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.WRITE,
                    StandardOpenOption.APPEND);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot open " + file + " for messages", e);
        }
    }

    @Override
    public synchronized void accept(Message message) {
        byte[] line = (JSON.writeValueAsString(message) + "\n").getBytes(StandardCharsets.UTF_8);
        try {
            ByteBuffer buffer = ByteBuffer.wrap(line);
            while (buffer.hasRemaining()) {
                channel.write(buffer);
            }
            channel.force(false);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot append message " + message.id() + " to " + file, e);
        }
    }

    @Override
    public synchronized void close() {
        try {
            channel.close();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot close " + file, e);
        }
    }
}
