package org.minyi.analysis;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import java.time.Duration;
import org.junit.jupiter.api.Test;

/**
 * Masking stays linear in the length of the text whatever it holds (the fuzz run of the analyzer hung on these):
 * the whole of a long text is masked before it is stored, so masking must not be what a 10 MB message stalls on.
 * The timeouts are hang guards only, far above what the masking takes.
 */
class PiiMaskerLongTextTest {

    private static final Duration HANG_GUARD = Duration.ofSeconds(60);
    private final PiiMasker masker = new PiiMasker();

    @Test
    void aLongRunOfLettersBeforeAnAtSignThatIsNoAddressIsNotRescannedFromEveryStart() {
        String text = "联系我" + "a".repeat(1_000_000) + "@ 不是邮箱";

        String masked = assertTimeoutPreemptively(HANG_GUARD, () -> masker.mask(text));

        assertThat(masked).isEqualTo(text);
    }

    /** The probe's text: 0.85 MB of these took 35.6 s in /api/analyze; five times as much would hang for minutes. */
    @Test
    void manyShortRunsOfLettersEachEndingInAnAtSignAreScannedOnce() {
        String text = ("a".repeat(60) + "@").repeat(80_000);

        String masked = assertTimeoutPreemptively(HANG_GUARD, () -> masker.mask(text));

        assertThat(masked).isEqualTo(text);
    }

    /** Every '@' followed by a one-letter label and a dot: the old pattern tried every label split again. */
    @Test
    void atSignsBeforeEndlessShortLabelsAreScannedOnce() {
        String text = "a@b.".repeat(1_000_000);

        String masked = assertTimeoutPreemptively(HANG_GUARD, () -> masker.mask(text));

        assertThat(masked).isEqualTo(text);
    }

    /** Digit groups with separators are tried stretch by stretch; a run of them must not multiply that work. */
    @Test
    void endlessSpacedDigitsAndDecimalListsStayLinear() {
        for (String unit : new String[]{"2 ", "1.3 ", "１３８．", "9\u200B"}) {
            String text = unit.repeat(1_000_000 / unit.length());

            String masked = assertTimeoutPreemptively(HANG_GUARD, () -> masker.mask(text));

            assertThat(masked.length()).isPositive();
        }
    }

    @Test
    void anAddressWithAnOverlongLocalPartStillLosesItsDomain() {
        String masked = masker.mask("联系我" + "a".repeat(300) + "@example.com，谢谢");

        assertThat(masked).endsWith(PiiMasker.EMAIL + "，谢谢").doesNotContain("@example.com");
    }

    @Test
    void aTextOfHundredsOfThousandsOfPhoneNumbersHasEveryOneMasked() {
        int count = 400_000;
        String text = "电话13812345678，".repeat(count);

        String masked = assertTimeoutPreemptively(HANG_GUARD, () -> masker.mask(text));

        assertThat(masked).isEqualTo(("电话" + PiiMasker.MOBILE + "，").repeat(count));
    }

    @Test
    void manyAddressesInARowAreEachMasked() {
        String text = "x@y.com ".repeat(200_000);

        String masked = assertTimeoutPreemptively(HANG_GUARD, () -> masker.mask(text));

        assertThat(masked).isEqualTo((PiiMasker.EMAIL + " ").repeat(200_000));
    }
}
