package org.minyi.analysis;

import java.util.Set;

/** Government departments and organisations named in title and text ({@link DepartmentRecognizer}). */
final class DepartmentStep implements AnalysisStep {

    private final DepartmentRecognizer departments;

    DepartmentStep(Segmenter segmenter) {
        this.departments = new DepartmentRecognizer(segmenter.dictionary());
    }

    @Override
    public String name() {
        return "departments";
    }

    @Override
    public Set<Fact<?>> reads() {
        return Set.of(Facts.TITLE_TERMS, Facts.TEXT_TERMS);
    }

    @Override
    public Set<Fact<?>> adds() {
        return Set.of(Facts.DEPARTMENTS);
    }

    @Override
    public void apply(MessageFacts facts) {
        facts.add(Facts.DEPARTMENTS, departments.find(facts.get(Facts.TITLE_TERMS), facts.get(Facts.TEXT_TERMS)));
    }
}
