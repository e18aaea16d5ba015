package org.minyi.ingest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.minyi.index.TestMessage.message;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import java.util.NoSuchElementException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.minyi.analysis.DomainDictionary;
import org.minyi.analysis.Segmenter;
import org.minyi.analysis.Sentiment;
import org.minyi.index.IndexedMessage;
import org.minyi.index.lucene.LuceneMessageIndex;

/** A manager's correction is recorded, shown at once, kept through re-analysis, and survives a restart. */
class MessageCorrectionsTest {

    private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-12-06T02:00:00Z"), ZoneOffset.UTC);

    @TempDir
    Path folder;

    @Test
    void aCorrectionIsAuditedReindexedWithItsVectorAndLaidOverEveryLaterAnalysis() throws Exception {
        Path file = folder.resolve("corrections.jsonl");
        try (LuceneMessageIndex index = LuceneMessageIndex.open(folder.resolve("index"),
                new Segmenter(DomainDictionary.load(null)), ZoneId.of("Asia/Shanghai"))) {
            IndexedMessage original = message("m1", "感谢城管局及时处理").topic("环境保护")
                    .sentiment(Sentiment.NEGATIVE, -0.6).vector(5, 0.1f).build();
            index.upsert(List.of(original));
            index.refresh();
            CorrectionStore store = CorrectionStore.open(file);
            MessageCorrections corrections = new MessageCorrections(index, store, CLOCK);

            Correction c = corrections.correct("m1", "attitude", "positive", "manager-li");
            assertThat(c.before()).isEqualTo("negative");
            assertThat(c.after()).isEqualTo("positive");
            assertThat(c.by()).isEqualTo("manager-li");
            assertThat(c.at()).isEqualTo(CLOCK.instant());
            corrections.correct("m1", "topic", "城乡建设", "manager-li");

            IndexedMessage now = index.get("m1").orElseThrow();
            assertThat(now.analysis().sentiment()).isEqualTo(Sentiment.POSITIVE);
            assertThat(now.analysis().sentimentScore()).isEqualTo(1.0);
            assertThat(now.analysis().topic()).isEqualTo("城乡建设");
            assertThat(index.vector("m1")).isPresent();

            // a re-import analyses the message again: the model's answer is overruled by the corrections
            CorrectionStore reopened = CorrectionStore.open(file);
            IndexedMessage reanalysed = reopened.overlay(original);
            assertThat(reanalysed.analysis().sentiment()).isEqualTo(Sentiment.POSITIVE);
            assertThat(reanalysed.analysis().topic()).isEqualTo("城乡建设");
            assertThat(reopened.of("m1")).extracting(Correction::field).containsExactly("attitude", "topic");

            assertThatThrownBy(() -> corrections.correct("m1", "topic", "天气", "x"))
                    .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("unknown topic");
            assertThatThrownBy(() -> corrections.correct("m1", "region", "A3区", "x"))
                    .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("unknown field");
            assertThatThrownBy(() -> corrections.correct("nope", "topic", "其他", "x"))
                    .isInstanceOf(NoSuchElementException.class);
        }
        // a line cut short by a crash is skipped, the rest kept
        Files.writeString(file, "{\"messageId\":\"m2\",\"fie", StandardCharsets.UTF_8, StandardOpenOption.APPEND);
        assertThat(CorrectionStore.open(file).all()).hasSize(2);
    }
}
