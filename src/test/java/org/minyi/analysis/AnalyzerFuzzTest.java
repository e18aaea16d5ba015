package org.minyi.analysis;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import java.time.Duration;
import java.util.Random;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.minyi.MinYiSettings;
import org.minyi.MinYiStack;
import org.minyi.fuzz.FuzzCampaign;
import org.minyi.fuzz.Garble;

/**
 * Thousands of hostile texts through the production pipeline (trained models included): random Unicode with
 * unpaired surrogates, control characters, emoji, only punctuation, mixed scripts, and 10 MB texts. Every input gets
 * an analysis or a clear {@link IllegalArgumentException}; none hangs, none escapes with another exception, and no
 * phone number written into the noise reaches the output.
 */
class AnalyzerFuzzTest {

    private static final FuzzCampaign CAMPAIGN = new FuzzCampaign("analyzer");
    /** Only a hang guard, generous on a busy 2-core machine; normal texts take a millisecond. */
    private static final Duration HANG_GUARD = Duration.ofSeconds(120);
    private static final String PHONE = "13812345678";
    private static final String[] SCRIPTS = {
            "مرحبا بالعالم", "Привет мир", "नमस्ते दुनिया", "สวัสดีชาวโลก", "안녕하세요 세계", "こんにちは世界",
            "𠀀𠀁𪚥𰻞", "e\u0301\u0302\u0303", "\u202Eevil\u202C", "ＡＢＣ１２３", "Ⅻ㊤㊥㊦", "\uFFFD\uFFFE\uFFFF"};

    private static AnalysisPipeline pipeline;

    @BeforeAll
    static void productionPipeline() {
        pipeline = MinYiStack.pipeline(MinYiSettings.from(key -> null));
    }

    @AfterAll
    static void printTally() {
        System.out.println(CAMPAIGN.summary());
    }

    @Test
    void randomUnicodeWithLoneSurrogatesControlCharactersAndEmojiIsAnalysedOrClearlyRefused() {
        CAMPAIGN.run("random-unicode", 1200, input -> {
            Random r = input.random();
            String title = r.nextInt(3) == 0 ? null : Garble.text(r, r.nextInt(40), true);
            String text = Garble.text(r, r.nextInt(600), true);
            analyse(input.kind(), title, text);
        });
    }

    @Test
    void textsOfOnlyPunctuationSpacesOrControlCharactersAreAnalysedOrClearlyRefused() {
        String[] pools = {"，。！？；：、“”…—·,.!?;:'\"()[]{}<>@#$%^&*-_=+|\\/~`", " \t\n\r\u3000\u00A0\u2028\u200B",
                "\u0000\u0001\u0007\u001B\u007F\u0085"};
        CAMPAIGN.run("punctuation-or-blank", 300, input -> {
            Random r = input.random();
            String pool = pools[r.nextInt(pools.length)];
            StringBuilder text = new StringBuilder();
            for (int i = r.nextInt(200); i >= 0; i--) {
                text.append(pool.charAt(r.nextInt(pool.length())));
            }
            analyse(input.kind(), r.nextBoolean() ? null : text.toString(), text.toString());
        });
    }

    @Test
    void mixedScriptsAroundAChineseMessageKeepThePhoneNumberMasked() {
        CAMPAIGN.run("mixed-scripts", 300, input -> {
            Random r = input.random();
            StringBuilder text = new StringBuilder();
            for (int i = r.nextInt(6); i >= 0; i--) {
                text.append(SCRIPTS[r.nextInt(SCRIPTS.length)]).append(Garble.chinese(r, r.nextInt(20)));
            }
            text.append("，我的电话").append(PHONE).append("，希望尽快处理").append(Garble.text(r, r.nextInt(100), true));
            Analysis analysis = analyse(input.kind(), null, text.toString());
            assertThat(analysis.maskedText()).doesNotContain(PHONE);
            assertThat(analysis.tokens()).noneMatch(token -> token.contains(PHONE));
            assertThat(analysis.keywords()).noneMatch(word -> word.contains(PHONE));
        });
    }

    @Test
    void tenMegabyteTextsAreAnalysedUpToTheCapAndStoredWhole() {
        int[] kind = {0};
        CAMPAIGN.run("10MB-text", 3, input -> {
            Random r = input.random();
            int size = 10 * 1024 * 1024;
            String text = switch (kind[0]++ % 5) {
                case 0 -> "a".repeat(size) + "@";                 // one endless "word" before an '@'
                case 1 -> "电话13812345678，".repeat(size / 14);    // numbers to mask all the way
                case 2 -> Garble.text(r, size, true);
                case 3 -> "x@y.cn ".repeat(size / 7);              // addresses to mask all the way
                default -> Garble.chinese(r, size);
            };
            Analysis analysis = analyse(input.kind(), "很长的留言", text + "我的电话" + PHONE);
            assertThat(analysis.maskedText()).as("the whole text is kept, masked").hasSizeGreaterThan(size / 2)
                    .doesNotContain(PHONE);
            assertThat(analysis.textWords()).allMatch(word -> word.end() <= AnalysisPipeline.MAX_ANALYSED_CHARS);
        });
    }

    private static Analysis analyse(String kind, String title, String text) {
        try {
            Analysis analysis = assertTimeoutPreemptively(HANG_GUARD, () -> pipeline.analyze(title, text));
            assertThat(analysis.maskedText()).isNotNull();
            assertThat(analysis.tokens()).isNotNull().doesNotContainNull();
            assertThat(analysis.topic()).isNotNull();
            assertThat(analysis.sentiment()).isNotNull();
            assertThat(analysis.topicScore()).isBetween(0.0, 1.0);
            assertThat(analysis.sentimentScore()).isBetween(-1.0, 1.0);
            for (IndexWord word : analysis.textWords()) {
                assertThat(word.text()).as("the folded form of the text at its offsets")
                        .isEqualTo(TextFolding.word(analysis.maskedText().substring(word.start(), word.end())));
            }
            return analysis;
        } catch (IllegalArgumentException e) {
            assertThat(text == null || text.isBlank()).as("refused only for want of text: %s", e.getMessage())
                    .isTrue();
            assertThat(e.getMessage()).contains("without text");
            CAMPAIGN.itemErrors(kind, 1);
            return null;
        }
    }
}
