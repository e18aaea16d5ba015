package org.minyi.index;

import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Locale;

/** Fields a search can count values of. */
public enum FacetField {
    TOPIC, SENTIMENT, REGION, CHANNEL, SOURCE, DEPARTMENT, PLACE,
    /** Parts of the demand profile ({@link org.minyi.analysis.DemandProfile}): each is also a filter. */
    DOMAIN, GROUP, STAGE, AREA;

    /** The facets a {@link MessageFilter#profile()} may filter on. */
    public static final java.util.Set<FacetField> PROFILE = java.util.EnumSet.of(DOMAIN, GROUP, STAGE, AREA);

    @JsonValue
    public String key() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static FacetField parse(String value) {
        try {
            return valueOf(value.trim().toUpperCase(Locale.ROOT));
        } catch (RuntimeException e) {
            throw new IllegalArgumentException("unknown facet '" + value
                    + "'; expected one of topic, sentiment, region, channel, source, department, place, domain, group,"
                    + " stage, area");
        }
    }
}
