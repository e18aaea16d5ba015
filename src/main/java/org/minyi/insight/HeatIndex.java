package org.minyi.insight;

import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * How hot an issue is, as a weighted sum of parts anyone can check: each part keeps its raw figure, the value that
 * entered the sum, its weight and a sentence saying where it came from.
 */
public record HeatIndex(double total, List<Part> parts) {

    public HeatIndex {
        parts = List.copyOf(parts);
    }

    /**
     * One summand: {@code contribution = weight × value}.
     *
     * @param name  volume, growth, votes, negativity, spread or burst
     * @param value the normalised figure that enters the sum
     * @param why   the raw counts behind the value
     */
    public record Part(String name, double value, double weight, double contribution, String why) {
    }

    static HeatIndex of(List<Part> parts) {
        return new HeatIndex(parts.stream().mapToDouble(Part::contribution).sum(), parts);
    }

    static Part part(String name, double value, double weight, String why) {
        return new Part(name, value, weight, value * weight, why);
    }

    /** One line per part, e.g. {@code volume 2.40×1.0 = 2.40 (10 messages: ln(1+10))}. */
    public String explain() {
        return parts.stream()
                .map(p -> String.format(Locale.ROOT, "%s %.2f×%.1f = %.2f (%s)", p.name(), p.value(), p.weight(),
                        p.contribution(), p.why()))
                .collect(Collectors.joining("; ", String.format(Locale.ROOT, "heat %.2f = ", total), ""));
    }
}
