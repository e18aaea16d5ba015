package org.minyi.ingest;

/** A message that was accepted but could not be analysed or indexed, and why (no message text: it may hold PII). */
public record IngestFailure(String messageId, String error) {
}
