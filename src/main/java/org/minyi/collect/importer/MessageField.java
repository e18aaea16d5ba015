package org.minyi.collect.importer;

import java.util.Arrays;
import java.util.stream.Collectors;

/** The {@link org.minyi.message.Message} fields a column mapping can fill, by the names used in mapping files. */
public enum MessageField {
    ID("id"),
    SOURCE("source"),
    CHANNEL("channel"),
    TITLE("title"),
    TEXT("text"),
    CREATED_AT("createdAt"),
    REGION("region"),
    URL("url"),
    VOTES_LIKES("votes.likes"),
    VOTES_AGAINST("votes.against"),
    REPLY_TEXT("reply.text"),
    REPLY_AGENCY("reply.agency"),
    REPLY_TIME("reply.time"),
    WORK_ORDER_CATEGORY("workOrder.category"),
    WORK_ORDER_STATUS("workOrder.status"),
    WORK_ORDER_SATISFACTION("workOrder.satisfaction"),
    WORK_ORDER_DEPARTMENT("workOrder.department");

    private final String key;

    MessageField(String key) {
        this.key = key;
    }

    /** The name in mapping files and the default key in JSONL records, e.g. "votes.likes". */
    public String key() {
        return key;
    }

    public static MessageField ofKey(String key) {
        for (MessageField field : values()) {
            if (field.key.equals(key)) {
                return field;
            }
        }
        throw new IllegalArgumentException("unknown message field '" + key + "'; known fields: " + knownKeys());
    }

    static String knownKeys() {
        return Arrays.stream(values()).map(MessageField::key).collect(Collectors.joining(", "));
    }
}
