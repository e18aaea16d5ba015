package org.minyi.collect.crawl;

/** A fetch that failed for a reason the crawl reports by kind. */
final class FetchException extends Exception {

    private final FailureKind kind;

    FetchException(FailureKind kind, String message) {
        super(message);
        this.kind = kind;
    }

    FailureKind kind() {
        return kind;
    }

    /** Worth trying again later in the same run: the server or the network may recover. */
    boolean retryable() {
        return kind == FailureKind.HTTP_SERVER_ERROR || kind == FailureKind.TIMEOUT || kind == FailureKind.NETWORK;
    }
}
