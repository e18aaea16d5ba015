package org.minyi.access;

import java.util.Set;
import org.minyi.index.IndexedMessage;
import org.minyi.index.MessageFilter;
import org.minyi.index.MessageIndex;

/**
 * The regions a reader may see. A district office bound to A3区 reads only messages filed under A3区, whatever it
 * asks for; a reader bound to no region reads everything.
 *
 * @param regions the regions, or null for every region
 */
public record Jurisdiction(Set<String> regions) {

    public static final Jurisdiction EVERYWHERE = new Jurisdiction(null);

    public Jurisdiction {
        regions = regions == null ? null : Set.copyOf(regions);
    }

    /** Bound to {@code regions}; no region at all means everywhere (how users without a binding are stored). */
    public static Jurisdiction of(Set<String> regions) {
        return regions == null || regions.isEmpty() ? EVERYWHERE : new Jurisdiction(regions);
    }

    public boolean restricted() {
        return regions != null;
    }

    /** The filter limited to these regions, in the index query. */
    public MessageFilter apply(MessageFilter filter) {
        return restricted() ? filter.withinScope(regions) : filter;
    }

    /** Whether a message lies inside: filed under one of the regions. */
    public boolean covers(IndexedMessage message) {
        return !restricted() || message.region() != null && regions.contains(message.region());
    }

    /** The index as this reader sees it: every read is limited to the regions, and writes are refused. */
    public MessageIndex view(MessageIndex index) {
        return restricted() ? new ScopedMessageIndex(index, this) : index;
    }
}
