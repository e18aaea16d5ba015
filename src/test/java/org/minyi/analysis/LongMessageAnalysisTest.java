package org.minyi.analysis;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** A message far beyond any real one is analysed on its first characters and kept whole (masked). */
class LongMessageAnalysisTest {

    @Test
    void aTenMegabyteMessageIsAnalysedUpToTheCapAndItsWholeTextKeptMasked() {
        String head = "A市A3区桂花路的路灯坏了一个多月，希望尽快修复路灯。";
        String text = head + "小区噪音扰民，".repeat(10 * 1024 * 1024 / 7) + "我的电话13812345678";

        Analysis analysis = Pipelines.shared().analyze("路灯不亮", text);

        assertThat(analysis.maskedText()).hasSize(text.length() - "13812345678".length() + PiiMasker.MOBILE.length())
                .endsWith(PiiMasker.MOBILE);
        assertThat(analysis.tokens()).contains("路灯");
        assertThat(analysis.region()).isEqualTo("A3区");
        assertThat(analysis.textWords()).isNotEmpty()
                .allMatch(word -> word.end() <= AnalysisPipeline.MAX_ANALYSED_CHARS);
    }
}
