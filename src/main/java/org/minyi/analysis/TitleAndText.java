package org.minyi.analysis;

/** Title and text as one string, the way classifiers and the encoder see a message. */
public final class TitleAndText {

    private static final PiiMasker MASKER = new PiiMasker();

    private TitleAndText() {
    }

    static String of(String title, String text) {
        return title == null ? text : title + "\n" + text;
    }

    /**
     * What the pipeline's classifiers and encoder read of a raw message: title and text PII-masked, each cut to
     * {@link AnalysisPipeline#MAX_ANALYSED_CHARS}, joined by a line break. Training uses it so that a model sees
     * in training exactly what it sees at run time.
     */
    public static String analysed(String title, String text) {
        String maskedTitle = title == null ? null : MaskStep.analysedPart(MASKER.mask(title.strip()));
        return of(maskedTitle, MaskStep.analysedPart(MASKER.mask(text.strip())));
    }
}
