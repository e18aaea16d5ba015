package org.minyi.alert;

/** Sends one alert to one destination, once; the engine does retries. Implementations are thread-safe. */
public interface Notifier {

    void send(Alert alert, Destination destination) throws DeliveryException;

    /**
     * Sends an alert with a file. Channels that carry files (e-mail) attach it; the others send the alert alone,
     * whose text links to the same content.
     */
    default void send(Alert alert, Destination destination, Attachment attachment) throws DeliveryException {
        send(alert, destination);
    }

    /**
     * Refuses, with a reason the user can read, a destination this channel will not deliver to (an internal address,
     * a channel that is not configured). Called when a rule is saved; {@link #send} checks again every time.
     */
    default void check(Destination destination) {
    }
}
