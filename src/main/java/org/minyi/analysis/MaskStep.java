package org.minyi.analysis;

import java.util.Set;
import org.minyi.message.Message;

/**
 * Masks PII in title and text before anything else reads them, and cuts the part later steps analyse to
 * {@link AnalysisPipeline#MAX_ANALYSED_CHARS}. The only step that reads the raw message.
 */
final class MaskStep implements AnalysisStep {

    private final PiiMasker masker = new PiiMasker();

    @Override
    public String name() {
        return "mask";
    }

    @Override
    public Set<Fact<?>> reads() {
        return Set.of(Facts.MESSAGE);
    }

    @Override
    public Set<Fact<?>> adds() {
        return Set.of(Facts.MASKED_TITLE, Facts.MASKED_TEXT, Facts.ANALYSED_TITLE, Facts.ANALYSED_TEXT);
    }

    @Override
    public void apply(MessageFacts facts) {
        Message message = facts.get(Facts.MESSAGE);
        String maskedTitle = message.title() == null ? null : masker.mask(message.title().strip());
        String maskedText = masker.mask(message.text().strip());
        facts.add(Facts.MASKED_TITLE, maskedTitle);
        facts.add(Facts.MASKED_TEXT, maskedText);
        facts.add(Facts.ANALYSED_TITLE, analysedPart(maskedTitle));
        facts.add(Facts.ANALYSED_TEXT, analysedPart(maskedText));
    }

    /** The first {@link AnalysisPipeline#MAX_ANALYSED_CHARS} characters, never ending in half a surrogate pair. */
    static String analysedPart(String masked) {
        int max = AnalysisPipeline.MAX_ANALYSED_CHARS;
        if (masked == null || masked.length() <= max) {
            return masked;
        }
        int end = Character.isHighSurrogate(masked.charAt(max - 1)) ? max - 1 : max;
        return masked.substring(0, end);
    }
}
