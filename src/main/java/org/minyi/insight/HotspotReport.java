package org.minyi.insight;

import java.io.PrintWriter;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import java.util.function.Function;

/** Hotspots as plain text for people: what {@code minyi hotspots} prints. */
public final class HotspotReport {

    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("yyyy-MM-dd");

    private final ZoneId zone;

    public HotspotReport(ZoneId zone) {
        this.zone = zone;
    }

    /**
     * @param titles when not null, every member message is listed with its title (looked up by id; for checking
     *               by reading that a group is one issue)
     */
    public void print(List<Hotspot> hotspots, PrintWriter out, Function<String, String> titles) {
        if (hotspots.isEmpty()) {
            out.println("No hotspots: no group of at least two related messages in the period.");
            return;
        }
        int rank = 1;
        for (Hotspot h : hotspots) {
            out.printf(Locale.ROOT, "%d. %s%n", rank++, h.label());
            out.printf(Locale.ROOT, "   %s · topic %s · places %s · regions %s%n", h.id(),
                    h.topic(), h.places().isEmpty() ? "-" : String.join("、", h.places().subList(0, Math.min(5, h.places().size()))),
                    h.regions().isEmpty() ? "-" : String.join("、", h.regions()));
            out.printf(Locale.ROOT, "   %s – %s · %d messages · %d votes · %.0f%% negative%n", day(h.first()),
                    day(h.last()), h.messageCount(), h.votes(), 100 * h.negativeShare());
            if (h.why() != null) {
                out.printf(Locale.ROOT, "   %s%n", h.why());
            }
            out.printf(Locale.ROOT, "   %s%n", h.heat().explain());
            out.printf(Locale.ROOT, "   burst: %s%n", h.burst().explain());
            for (Hotspot.Representative r : h.representatives()) {
                out.printf(Locale.ROOT, "   • [%s %s, %d votes] %s — %s%n", r.id(), day(r.createdAt()), r.votes(),
                        r.title() == null ? "" : r.title(), r.excerpt());
            }
            if (titles != null) {
                out.println("   members:");
                for (String id : h.messageIds()) {
                    out.printf(Locale.ROOT, "     %s  %s%n", id, titles.apply(id));
                }
            }
            out.println();
        }
        out.flush();
    }

    private String day(Instant instant) {
        return instant == null ? "-" : DAY.format(instant.atZone(zone));
    }
}
