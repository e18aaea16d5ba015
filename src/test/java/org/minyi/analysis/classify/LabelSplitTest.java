package org.minyi.analysis.classify;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class LabelSplitTest {

    private static LabelledMessages labelled(String id, String reader) {
        return new LabelledMessages(id, "标题", "正文", "城乡建设", "negative", List.of(), List.of(), List.of(), reader);
    }

    @Test
    void everyLabelledMessageOfTheRaw921IsHeldOut() {
        assertTrue(LabelSplit.heldOut(labelled("teddy2020-labeled:1", "r-01")));
    }

    @Test
    void aboutFifteenPercentOfTheRandomDrawIsHeldOutByItsIdAlone() {
        long held = IntStream.range(0, 2000)
                .filter(i -> LabelSplit.heldOut(labelled("teddy2020-votes:" + i, "r-02"))).count();
        assertTrue(held > 220 && held < 380, "held out " + held + " of 2000");
        assertTrue(LabelSplit.heldOut(labelled("teddy2020-votes:7", "r-02"))
                == LabelSplit.heldOut(labelled("teddy2020-votes:7", "r-30")), "the reader does not move a random draw");
    }

    @Test
    void messagesPickedOnPurposeAlwaysTrain() {
        List<String> ids = IntStream.range(0, 200).mapToObj(i -> "teddy2020-votes:" + i).toList();
        String heldId = ids.stream().filter(id -> LabelSplit.heldOut(labelled(id, "r-02"))).findFirst().orElseThrow();
        assertFalse(LabelSplit.heldOut(labelled(heldId, "r-49")), "the enrichment batch (thanks and praise)");
        assertFalse(LabelSplit.heldOut(labelled(heldId, "t-03")), "the targeted round (a model was unsure)");
    }
}
