package org.minyi.alert;

import java.util.Objects;

/** A file sent with an alert, such as a weekly report's PDF; only e-mail carries it. */
public record Attachment(String fileName, String contentType, byte[] content) {

    public Attachment {
        Objects.requireNonNull(fileName, "fileName");
        Objects.requireNonNull(contentType, "contentType");
        Objects.requireNonNull(content, "content");
    }
}
