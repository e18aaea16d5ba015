package org.minyi.analysis;

import com.hankcs.hanlp.seg.common.Term;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/** Segments title and text once each (HanLP with the project dictionaries); every later step reuses the terms. */
final class SegmentStep implements AnalysisStep {

    private final Segmenter segmenter;

    SegmentStep(Segmenter segmenter) {
        this.segmenter = segmenter;
    }

    @Override
    public String name() {
        return "segment";
    }

    @Override
    public Set<Fact<?>> reads() {
        return Set.of(Facts.ANALYSED_TITLE, Facts.ANALYSED_TEXT);
    }

    @Override
    public Set<Fact<?>> adds() {
        return Set.of(Facts.TITLE_TERMS, Facts.TEXT_TERMS, Facts.TOKENS, Facts.WORDS);
    }

    @Override
    public void apply(MessageFacts facts) {
        List<Term> titleTerms = segmenter.terms(facts.get(Facts.ANALYSED_TITLE));
        List<Term> textTerms = segmenter.terms(facts.get(Facts.ANALYSED_TEXT));
        List<Term> allTerms = new ArrayList<>(titleTerms.size() + textTerms.size());
        allTerms.addAll(titleTerms);
        allTerms.addAll(textTerms);
        facts.add(Facts.TITLE_TERMS, titleTerms);
        facts.add(Facts.TEXT_TERMS, textTerms);
        facts.add(Facts.TOKENS, segmenter.contentWords(allTerms));
        facts.add(Facts.WORDS, segmenter.words(allTerms));
    }
}
