package org.minyi.insight;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import org.junit.jupiter.api.Test;

class TitleCountsTest {

    @Test
    void aTitleCountsAPhraseOnceHoweverOftenItHoldsIt() {
        String title = "枫林路工地噪音 枫林路工地";
        long phrase = TitleCounts.hash(title, 0, 5);
        assertEquals(phrase, TitleCounts.hash(title, 8, 13), "the same characters hash alike wherever they stand");
        TitleCounts counts = new TitleCounts(4);
        counts.count(phrase, 0);
        counts.count(phrase, 0);
        counts.count(phrase, 1);
        assertEquals(2, counts.titles(phrase));
        assertEquals(0, counts.titles(TitleCounts.hash(title, 0, 4)), "a phrase never counted has no titles");
    }

    @Test
    void countsSurviveGrowingFarPastTheExpectedSize() {
        TitleCounts counts = new TitleCounts(1);
        for (int k = 0; k < 10_000; k++) {
            long key = TitleCounts.hash("phrase" + k, 0, ("phrase" + k).length());
            counts.count(key, k);
            counts.count(key, k + 1);
        }
        for (int k = 0; k < 10_000; k += 999) {
            assertEquals(2, counts.titles(TitleCounts.hash("phrase" + k, 0, ("phrase" + k).length())), "phrase" + k);
        }
        assertNotEquals(TitleCounts.hash("工地", 0, 2), TitleCounts.hash("地工", 0, 2), "order matters");
    }
}
