package org.minyi.message;

import java.time.Instant;

/** The official answer to a message. Every part may be missing (a reply time without text is still a fact). */
public record Reply(String text, String agency, Instant time) {

    public boolean isEmpty() {
        return (text == null || text.isBlank()) && (agency == null || agency.isBlank()) && time == null;
    }
}
