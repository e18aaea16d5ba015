package org.minyi.alert;

import java.util.List;
import java.util.Set;
import org.minyi.index.IndexedMessage;
import org.minyi.insight.Hotspot;

/**
 * What one user may read, applied in the two places alerts could show more: a rule matches only what its owner may
 * read, and the alert history shows a row's content only to someone who may read it. Region scopes are where
 * jurisdictions (users bound to regions) plug in: {@link #regions} reads messages and hotspots of those regions only.
 */
public final class ReadScope {

    /** Admins and managers: every message and hotspot. */
    public static final ReadScope EVERYTHING = new ReadScope("all", true, true, null);
    /** Leaders: the dashboard's hotspots, no single message. */
    public static final ReadScope HOTSPOTS = new ReadScope("hotspots", false, true, null);
    /** No message and no hotspot: only channel tests. */
    public static final ReadScope NOTHING = new ReadScope("none", false, false, null);

    private final String reach;
    private final boolean messages;
    private final boolean hotspots;
    /** null: any region; else messages and hotspots of these regions only. */
    private final Set<String> regions;

    private ReadScope(String reach, boolean messages, boolean hotspots, Set<String> regions) {
        this.reach = reach;
        this.messages = messages;
        this.hotspots = hotspots;
        this.regions = regions;
    }

    /** Messages and hotspots filed under these regions (a jurisdiction); a hotspot only when all its regions are. */
    public static ReadScope regions(Set<String> regions) {
        return regions.isEmpty() ? NOTHING : new ReadScope("regions", true, true, Set.copyOf(regions));
    }

    /** This scope limited to {@code jurisdiction} (a user bound to regions); null or empty: unchanged. */
    public ReadScope within(Set<String> jurisdiction) {
        if (jurisdiction == null || jurisdiction.isEmpty() || (!messages && !hotspots)) {
            return this;
        }
        return new ReadScope(reach + " in " + String.join("、", new java.util.TreeSet<>(jurisdiction)), messages,
                hotspots, Set.copyOf(jurisdiction));
    }

    /** "all", "hotspots", "regions" or "none": what the subscription page tells a user their rules can reach. */
    public String reach() {
        return reach;
    }

    public Set<String> regionSet() {
        return regions == null ? Set.of() : regions;
    }

    public boolean mayRead(IndexedMessage m) {
        return messages && within(m.region() == null ? List.of() : List.of(m.region()));
    }

    public boolean mayRead(Hotspot h) {
        return hotspots && within(h.regions());
    }

    /** Whether a history row's content may be shown. */
    boolean mayRead(Alert alert) {
        return switch (alert.kind()) {
            case TEST -> true;
            case REPORT -> (messages || hotspots) && within(alert.facts().regions());
            case MESSAGE -> messages && within(alert.facts().regions());
            case HOTSPOT -> hotspots && within(alert.facts().regions());
            case DIGEST -> !alert.facts().includes().isEmpty() && within(alert.facts().regions())
                    && alert.facts().includes().stream().allMatch(s -> s.startsWith("hotspot:") ? hotspots : messages);
        };
    }

    private boolean within(List<String> of) {
        return regions == null || (!of.isEmpty() && regions.containsAll(of));
    }

    @Override
    public String toString() {
        return regions == null ? reach : reach + regions;
    }
}
