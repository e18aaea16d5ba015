package org.minyi.alert;

/** A notification could not be delivered. {@code retryable} says whether trying again later may help. */
public final class DeliveryException extends Exception {

    private static final long serialVersionUID = 1L;

    private final boolean retryable;

    public DeliveryException(String message, boolean retryable, Throwable cause) {
        super(message, cause);
        this.retryable = retryable;
    }

    public DeliveryException(String message, boolean retryable) {
        this(message, retryable, null);
    }

    public boolean retryable() {
        return retryable;
    }
}
