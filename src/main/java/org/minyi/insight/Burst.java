package org.minyi.insight;

import java.time.LocalDate;
import java.util.Locale;

/**
 * The theme's count on the issue's busiest day against the theme's own baseline: an exponentially weighted moving
 * average (EWMA) and standard deviation of its daily counts on all earlier days.
 *
 * @param theme        the topic whose baseline is used
 * @param day          the issue's busiest day (in the detector's zone)
 * @param themeCount   messages of that theme on that day (all issues, not just this one)
 * @param issueCount   messages of this issue on that day
 * @param baselineMean EWMA of the theme's daily counts before that day
 * @param baselineSd   EWMA standard deviation, floored (see {@link HotspotSettings#minBaselineSd()})
 * @param baselineDays how many earlier days the baseline saw; 0 means no baseline, z is then 0
 * @param z            (themeCount − baselineMean) / baselineSd
 */
public record Burst(String theme, LocalDate day, long themeCount, long issueCount, double baselineMean,
                    double baselineSd, int baselineDays, double z) {

    public boolean isBurst(double threshold) {
        return baselineDays > 0 && z >= threshold;
    }

    public String explain() {
        if (baselineDays == 0) {
            return "no baseline for theme " + theme + " before " + day;
        }
        return String.format(Locale.ROOT,
                "theme %s had %d messages on %s (%d of this issue) vs EWMA baseline %.1f ± %.1f over %d days: z = %.1f",
                theme, themeCount, day, issueCount, baselineMean, baselineSd, baselineDays, z);
    }
}
