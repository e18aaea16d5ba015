package org.minyi.ingest;

import org.minyi.message.Message;

/**
 * Where collectors (importers, crawlers) hand over messages. The sink analyses, masks and indexes them.
 *
 * <p>{@code accept} only hands a message over: the sink may still be analysing or buffering it. A message is
 * <em>acknowledged</em> — it survives a crash of this process — once {@link #flush()} has returned after its
 * {@code accept} returned. A collector that keeps its own progress (a crawl's done marks, an import job's committed
 * rows) records a message as done only after such a flush.
 */
public interface MessageSink {

    void accept(Message message);

    /**
     * Makes every message accepted so far durable, or throws when it cannot (those messages are then not
     * acknowledged and must be sent again). The default suits sinks that are durable when {@code accept} returns.
     */
    default void flush() {
    }
}
