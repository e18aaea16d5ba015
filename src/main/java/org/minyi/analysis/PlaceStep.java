package org.minyi.analysis;

import java.util.Set;

/** Places named in title and text, and the region the message is about ({@link PlaceRecognizer}). */
final class PlaceStep implements AnalysisStep {

    private final PlaceRecognizer places;

    PlaceStep(Segmenter segmenter) {
        this.places = new PlaceRecognizer(segmenter.dictionary());
    }

    @Override
    public String name() {
        return "places";
    }

    @Override
    public Set<Fact<?>> reads() {
        return Set.of(Facts.TITLE_TERMS, Facts.TEXT_TERMS);
    }

    @Override
    public Set<Fact<?>> adds() {
        return Set.of(Facts.PLACES, Facts.REGION);
    }

    @Override
    public void apply(MessageFacts facts) {
        PlaceRecognizer.Places found = places.find(facts.get(Facts.TITLE_TERMS), facts.get(Facts.TEXT_TERMS));
        facts.add(Facts.PLACES, found.places());
        facts.add(Facts.REGION, found.region());
    }
}
