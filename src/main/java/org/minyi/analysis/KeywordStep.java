package org.minyi.analysis;

import com.hankcs.hanlp.seg.common.Term;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/** TextRank keywords of title and text ({@link KeywordExtractor}). */
final class KeywordStep implements AnalysisStep {

    static final int KEYWORDS = 8;

    private final KeywordExtractor keywords;

    KeywordStep(Segmenter segmenter) {
        this.keywords = new KeywordExtractor(segmenter, KEYWORDS);
    }

    @Override
    public String name() {
        return "keywords";
    }

    @Override
    public Set<Fact<?>> reads() {
        return Set.of(Facts.TITLE_TERMS, Facts.TEXT_TERMS);
    }

    @Override
    public Set<Fact<?>> adds() {
        return Set.of(Facts.KEYWORDS);
    }

    @Override
    public void apply(MessageFacts facts) {
        List<Term> title = facts.get(Facts.TITLE_TERMS);
        List<Term> text = facts.get(Facts.TEXT_TERMS);
        List<Term> all = new ArrayList<>(title.size() + text.size());
        all.addAll(title);
        all.addAll(text);
        facts.add(Facts.KEYWORDS, keywords.extract(all));
    }
}
