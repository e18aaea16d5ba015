package org.minyi.alert;

/** Sends one alert to one destination, once; the engine does retries. Implementations are thread-safe. */
public interface Notifier {

    void send(Alert alert, Destination destination) throws DeliveryException;
}
