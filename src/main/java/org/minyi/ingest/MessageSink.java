package org.minyi.ingest;

import org.minyi.message.Message;

/**
 * Where collectors (importers, crawlers) hand over messages. The sink analyses, masks and indexes them; a message
 * is acknowledged once {@code accept} returns.
 */
public interface MessageSink {

    void accept(Message message);
}
