package org.minyi.alert;

import java.time.Instant;
import java.util.List;

/**
 * The machine-readable side of an alert, beside its Chinese text: times as ISO-8601 instants, scores as numbers.
 * Fields that do not apply are null (the JSON leaves them out).
 *
 * @param occurredAt     the message's own time; for a hotspot its latest message
 * @param firstAt        a hotspot's earliest message
 * @param regions        the message's region, or the hotspot's regions
 * @param sentimentScore the message's score, or the hotspot's mean, −1..1
 * @param negativity     0..1: how negative (a message: −score if below 0; a hotspot: share of negative messages)
 * @param heat           heat index (for a message: ln 2 + ln(1+votes) + negativity, on the hotspot scale)
 * @param growth         a hotspot's growth: messages in the last window over those in the one before (≥ 0)
 * @param includes       a digest's alerts: their subjects
 */
public record AlertFacts(Instant occurredAt, Instant firstAt, List<String> regions, String topic, String sentiment,
                         Double sentimentScore, Double negativity, Double heat, Double growth, Long votes,
                         Integer messageCount, List<String> includes) {

    public AlertFacts {
        regions = regions == null ? List.of() : List.copyOf(regions);
        includes = includes == null ? List.of() : List.copyOf(includes);
    }

    static AlertFacts none() {
        return new AlertFacts(null, null, List.of(), null, null, null, null, null, null, null, null, List.of());
    }
}
