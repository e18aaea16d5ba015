package org.minyi.alert;

import org.minyi.index.IndexedMessage;
import org.minyi.insight.HeatIndex;
import org.minyi.insight.Hotspot;

/**
 * Turns heat, growth and negativity into 红/橙/黄. A level is reached when the heat reaches its threshold and the
 * issue is either growing or negative enough: heat alone (a big but calm topic) or negativity alone (one angry
 * message) stays 黄色.
 */
public record AlertLevels(Threshold red, Threshold orange) {

    /**
     * @param growth     messages in the latest window over those in the window before
     * @param negativity 0..1
     */
    public record Threshold(double heat, double growth, double negativity) {

        boolean reachedBy(double heat, double growth, double negativity) {
            return heat >= this.heat && (growth >= this.growth || negativity >= this.negativity);
        }
    }

    public static AlertLevels defaults() {
        return new AlertLevels(new Threshold(9, 3, 0.7), new Threshold(6, 2, 0.5));
    }

    AlertLevel of(double heat, double growth, double negativity) {
        if (red.reachedBy(heat, growth, negativity)) {
            return AlertLevel.RED;
        }
        return orange.reachedBy(heat, growth, negativity) ? AlertLevel.ORANGE : AlertLevel.YELLOW;
    }

    /** A message on the hotspot heat scale: one message (ln 2), its votes (ln(1+votes)) and how negative it is. */
    static double heatOf(IndexedMessage m) {
        return Math.log(2) + Math.log1p(votesOf(m)) + negativityOf(m);
    }

    static long votesOf(IndexedMessage m) {
        return m.message().votes() == null ? 0
                : Math.max(0, m.message().votes().likes()) + Math.max(0, m.message().votes().against());
    }

    static double negativityOf(IndexedMessage m) {
        double score = m.analysis().sentimentScore();
        return Double.isNaN(score) ? 0 : Math.max(0, Math.min(1, -score));
    }

    /** The growth part of a hotspot's heat is ln((1+recent)/(1+previous)); 1 when it has none. */
    static double growthOf(Hotspot h) {
        if (h.heat() == null) {
            return 1;
        }
        for (HeatIndex.Part part : h.heat().parts()) {
            if ("growth".equals(part.name())) {
                return Math.exp(part.value());
            }
        }
        return 1;
    }

    AlertLevel of(IndexedMessage m) {
        return of(heatOf(m), 1, negativityOf(m));
    }

    AlertLevel of(Hotspot h) {
        return of(h.heat() == null ? 0 : h.heat().total(), growthOf(h), h.negativeShare());
    }
}
