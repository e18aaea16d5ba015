package org.minyi.collect.importer;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.minyi.ingest.MessageSink;
import org.minyi.message.Message;

/** Keeps every message it is given, in order, and by id. */
final class CollectingSink implements MessageSink {

    final List<Message> messages = new ArrayList<>();
    final Map<String, Message> byId = new LinkedHashMap<>();

    @Override
    public void accept(Message message) {
        messages.add(message);
        byId.put(message.id(), message);
    }

    Message get(String id) {
        Message message = byId.get(id);
        if (message == null) {
            throw new AssertionError("no message " + id + " was imported");
        }
        return message;
    }
}
