package org.minyi.index.elasticsearch;

/**
 * Elasticsearch cannot do what was asked now (down, or rejecting for longer than the retry budget). Records already
 * accepted are safe in the local buffer; this is thrown by operations that need the cluster itself.
 */
public final class ElasticsearchUnavailableException extends RuntimeException {

    public ElasticsearchUnavailableException(String message) {
        super(message);
    }

    public ElasticsearchUnavailableException(String message, Throwable cause) {
        super(message, cause);
    }
}
