package org.minyi.index;

import java.util.Objects;

/**
 * What a check of the stored index found: whether it is sound, where it lives, how many messages it holds and, in a
 * line, what was checked or what is damaged.
 *
 * @param sound    whether every part of the index could be read
 * @param location the index folder, or the Elasticsearch address and alias
 * @param messages the messages the checked index holds (in the sound parts, when damaged)
 * @param summary  one line for people: "3 segments" or "2 of 5 segments are broken (120 messages in them)"
 * @param report   the checker's full report, for when the summary is not enough (may be empty)
 */
public record IndexHealth(boolean sound, String location, long messages, String summary, String report) {

    public IndexHealth {
        Objects.requireNonNull(location, "location");
        Objects.requireNonNull(summary, "summary");
        report = report == null ? "" : report;
    }
}
