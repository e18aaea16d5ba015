package org.minyi.analysis.classify;

/** A model could not be loaded: the message says which file and what to do about it. */
public final class ModelLoadException extends RuntimeException {

    ModelLoadException(String message) {
        super(message);
    }

    ModelLoadException(String message, Throwable cause) {
        super(message, cause);
    }
}
