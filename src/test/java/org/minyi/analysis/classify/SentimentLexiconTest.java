package org.minyi.analysis.classify;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SentimentLexiconTest {

    @TempDir
    Path folder;

    /** A miniature lexicon folder in the layout of the real one (HowNet, DUTIR, notDict), words made up here. */
    @BeforeEach
    void writeMiniatureLexicons() throws IOException {
        Path hownet = Files.createDirectories(folder.resolve("hownet"));
        Files.writeString(hownet.resolve("pos.txt"), "满意\n干净\n");
        Files.writeString(hownet.resolve("neg.txt"), "脏\n差\n");
        Files.writeString(hownet.resolve("deny.txt"), "不\n");
        Files.writeString(hownet.resolve("very.txt"), "很\n");
        Files.writeString(hownet.resolve("extreme.txt"), "极其\n");
        Files.writeString(hownet.resolve("more.txt"), "更\n");
        Files.writeString(hownet.resolve("ish.txt"), "有点\n");
        Path dutir = Files.createDirectories(folder.resolve("dutir"));
        Files.writeString(dutir.resolve("dutir-ontology.csv"), "词语,词性种类,词义数,词义序号,情感分类,强度,极性\n"
                + "糟糕,adj,1,1,NN,9,2\n");
        Files.writeString(folder.resolve("notDict.txt"), "没有\n");
    }

    private double score(SentimentLexicon lexicon, String... words) {
        return lexicon.read(List.of(words)).score();
    }

    @Test
    void degreeAdverbsStrengthenAndNegationsFlipAPolarityWord() {
        SentimentLexicon lexicon = SentimentLexicon.load(folder, null);
        assertThat(score(lexicon, "房间", "满意")).isPositive();
        assertThat(score(lexicon, "很", "满意")).isGreaterThan(score(lexicon, "满意"));
        assertThat(score(lexicon, "不", "满意")).isNegative();
        assertThat(score(lexicon, "有点", "脏")).isNegative().isGreaterThan(score(lexicon, "脏"));
        assertThat(score(lexicon, "糟糕")).as("DUTIR polarity 2 is negative").isNegative();
    }

    @Test
    void aNegatedPolarityWordBecomesATokenOfItsOwn() {
        SentimentLexicon lexicon = SentimentLexicon.load(folder, null);
        assertThat(lexicon.read(List.of("没有", "干净")).negatedWords()).containsExactly("¬干净");
    }

    @Test
    void domainCuesAddComplaintWordsAndSilenceCourtesyWords() throws IOException {
        Path cues = Files.writeString(folder.resolve("cues.txt"), "# comment\n投诉 -1.5\n满意 0\n");
        SentimentLexicon lexicon = SentimentLexicon.load(folder, cues);
        assertThat(score(lexicon, "投诉")).isNegative();
        assertThat(score(lexicon, "满意")).isZero();
    }

    @Test
    void aMalformedCueLineIsReportedWithItsLineNumber() throws IOException {
        Path cues = Files.writeString(folder.resolve("cues.txt"), "投诉 -1.5\n扰民\n");
        assertThatThrownBy(() -> SentimentLexicon.load(folder, cues)).hasMessageContaining("cues.txt:2");
    }

    @Test
    void aMissingLexiconFileIsNamed() throws IOException {
        Files.delete(folder.resolve("notDict.txt"));
        assertThatThrownBy(() -> SentimentLexicon.load(folder, null)).hasMessageContaining("notDict.txt");
    }
}
