package org.minyi.analysis;

import java.util.List;

/**
 * Who needs which public service, as far as the text says: the service domains (most likely first), the groups and
 * life stages the text gives evidence for (each with the words that are the evidence), and whether the place is
 * urban or rural. Definitions: {@code models/labels/GUIDE.md} §3–5.
 *
 * @param domains service domains, most likely first; empty when no domain model ran
 * @param groups  groups with evidence (流动人口/外来务工, 老年人 …), in order of first evidence
 * @param stages  life stages with evidence (婴幼儿 … 老年)
 * @param area    {@link #URBAN}, {@link #RURAL}, or null when the text and places say neither
 */
public record DemandProfile(List<String> domains, List<Evidence> groups, List<Evidence> stages, String area) {

    public static final String URBAN = "城镇";
    public static final String RURAL = "农村";
    public static final DemandProfile NONE = new DemandProfile(List.of(), List.of(), List.of(), null);

    /**
     * @param label the group or stage
     * @param cue   the words in the text that are the evidence (a few characters, already PII-masked)
     * @param start where the cue starts in the analysed title + text
     */
    public record Evidence(String label, String cue, int start) {
    }

    public DemandProfile {
        domains = domains == null ? List.of() : List.copyOf(domains);
        groups = groups == null ? List.of() : List.copyOf(groups);
        stages = stages == null ? List.of() : List.copyOf(stages);
    }

    public List<String> groupLabels() {
        return groups.stream().map(Evidence::label).toList();
    }

    public List<String> stageLabels() {
        return stages.stream().map(Evidence::label).toList();
    }
}
