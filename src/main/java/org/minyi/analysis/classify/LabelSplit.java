package org.minyi.analysis.classify;

import java.nio.charset.StandardCharsets;
import java.util.zip.CRC32;

/**
 * Which hand-labelled messages are held out for evaluation, fixed by id so every run and every model agrees:
 * every labelled message of the raw 921 (Teddy's own labelled set, so a model evaluated on the 921 never trains on
 * one of them), and 15 % of the others by a hash of the id. The enrichment batch (messages picked for their thanks
 * or praise, not at random) always trains: evaluating on it would flatter the rare positive class. So does the
 * targeted round (readers {@code t-NN}: messages picked because a model was unsure of them): the held-out split
 * stays the random draw it was, and its figures stay comparable from round to round.
 */
public final class LabelSplit {

    static final String RAW_921_PREFIX = "teddy2020-labeled:";
    static final String ENRICHMENT_READER = "r-49";
    static final String TARGETED_READER_PREFIX = "t-";
    static final int HELD_OUT_PERCENT = 15;

    private LabelSplit() {
    }

    public static boolean heldOut(LabelledMessages m) {
        if (m.reader().equals(ENRICHMENT_READER) || m.reader().startsWith(TARGETED_READER_PREFIX)) {
            return false;
        }
        if (m.id().startsWith(RAW_921_PREFIX)) {
            return true;
        }
        CRC32 crc = new CRC32();
        crc.update(m.id().getBytes(StandardCharsets.UTF_8));
        return crc.getValue() % 100 < HELD_OUT_PERCENT;
    }
}
