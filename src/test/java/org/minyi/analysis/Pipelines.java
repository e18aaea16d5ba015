package org.minyi.analysis;

import java.nio.file.Path;

/** One pipeline over the project dictionaries for all tests of a JVM (HanLP's dictionary is global anyway). */
final class Pipelines {

    private static AnalysisPipeline shared;

    private Pipelines() {
    }

    static synchronized AnalysisPipeline shared() {
        if (shared == null) {
            Segmenter segmenter = new Segmenter(DomainDictionary.load(Path.of("dictionaries")));
            shared = AnalysisPipeline.create(segmenter, new FakeTopicClassifier(), new FakeSentimentAnalyzer());
        }
        return shared;
    }
}
