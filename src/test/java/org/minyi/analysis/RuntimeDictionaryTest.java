package org.minyi.analysis;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class RuntimeDictionaryTest {

    // Made-up names that occur in no data set, so adding them to the JVM-wide dictionary disturbs no other test.
    private static final String PLACE = "鹭鸶湾隧道口";
    private static final String DEPARTMENT = "智慧泊车管理办";

    @Test
    void wordsAddedAtRunTimeTakeEffectForTheNextMessage() {
        AnalysisPipeline pipeline = Pipelines.shared();
        String text = "鹭鸶湾隧道口的路灯坏了，智慧泊车管理办却说不归他们管。";

        Analysis before = pipeline.analyze(null, text);
        assertFalse(before.tokens().contains(PLACE), before.tokens().toString());
        assertFalse(before.departments().contains(DEPARTMENT), before.departments().toString());

        pipeline.segmenter().dictionary().addWord(PLACE, "ns 1000");
        pipeline.segmenter().dictionary().addWord(DEPARTMENT, "nt 1000");

        Analysis after = pipeline.analyze(null, text);
        assertTrue(after.tokens().contains(PLACE), after.tokens().toString());
        assertTrue(after.places().contains(PLACE), after.places().toString());
        assertTrue(after.departments().contains(DEPARTMENT), after.departments().toString());
    }
}
