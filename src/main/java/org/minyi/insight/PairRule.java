package org.minyi.insight;

/**
 * The pair rule of {@link IssueClusterer}'s candidate check and near-duplicate pass, on one pair of messages: what the
 * ingest-time {@link IssueAssigner} links by. The clusterer applies the same rule to numbered keywords in bulk; a
 * change to one must reach the other ({@code IssueClustererTest} and {@code HotspotGroupingComparisonTest} hold both
 * to the same issues).
 */
final class PairRule implements IssueLink {

    private final HotspotSettings settings;
    private final double minCosine;

    /**
     * {@code minCosine} is the sentence-vector check of {@link ComplaintLikeness.Source#vectors}; a message without a
     * vector is alike to every other.
     */
    PairRule(HotspotSettings settings, double minCosine) {
        this.settings = settings;
        this.minCosine = minCosine;
    }

    @Override
    public boolean nearDuplicate(Features a, Features b) {
        return a.simhash() != 0 && b.simhash() != 0 && close(a, b)
                && IssueClusterer.hamming(a.simhash(), b.simhash()) <= settings.nearDuplicateBits();
    }

    @Override
    public boolean similar(Features a, Features b, double minOverlap) {
        return close(a, b) && IssueClusterer.jaccard(a.keywords(), b.keywords()) >= minOverlap
                && !a.places().differ(b.places()) && alike(a.vector(), b.vector());
    }

    private boolean close(Features a, Features b) {
        return Math.abs(a.time() - b.time()) <= settings.maxGap().toMillis();
    }

    private boolean alike(float[] a, float[] b) {
        if (a == null || b == null || a.length == 0 || a.length != b.length) {
            return true;
        }
        double dot = 0;
        for (int k = 0; k < a.length; k++) {
            dot += a[k] * b[k];
        }
        return dot >= minCosine;
    }
}
