package org.minyi.index.lucene;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.minyi.MinYiSettings;
import org.minyi.analysis.Analysis;
import org.minyi.analysis.AnalysisPipeline;
import org.minyi.analysis.DomainDictionary;
import org.minyi.analysis.Segmenter;
import org.minyi.analysis.Sentiment;
import org.minyi.analysis.SentimentPrediction;
import org.minyi.analysis.TopicPrediction;
import org.minyi.index.IndexedMessage;
import org.minyi.index.MessageFilter;
import org.minyi.index.SearchHit;
import org.minyi.index.SearchQuery;
import org.minyi.message.Message;

/** Indexing with the words the pipeline already cut is indistinguishable from letting the index segment. */
class PipelineWordsIndexingTest {

    private static final Segmenter SEGMENTER = new Segmenter(DomainDictionary.load(Path.of("dictionaries")));
    private static final AnalysisPipeline PIPELINE = AnalysisPipeline.create(SEGMENTER,
            (tokens, text) -> new TopicPrediction("城乡建设", 1),
            (words, text) -> new SentimentPrediction(Sentiment.NEGATIVE, -0.5));

    @TempDir
    Path tmp;

    @Test
    void searchesAndHighlightsAreTheSameWithOrWithoutThePipelinesWords() {
        Message raw = new Message("m1", null, null, "A3区小区广场舞噪音扰民",
                "每天晚上广场舞音响开到很大，噪音扰民严重，老人孩子无法休息，我的电话13812345678，希望城管部门尽快处理。",
                null, null, null, null, null);
        Analysis analysis = PIPELINE.analyze(raw);
        assertNotNull(analysis.textWords(), "the pipeline hands its words on");
        Analysis withoutWords = new Analysis(analysis.tokens(), analysis.topic(), analysis.topicScore(),
                analysis.sentiment(), analysis.sentimentScore(), analysis.places(), analysis.region(),
                analysis.departments(), analysis.keywords(), analysis.demand(), analysis.demandKey(),
                analysis.maskedTitle(), analysis.maskedText(), analysis.simhash());

        try (LuceneMessageIndex given = LuceneMessageIndex.open(tmp.resolve("given"), SEGMENTER, MinYiSettings.CHINA);
             LuceneMessageIndex cut = LuceneMessageIndex.open(tmp.resolve("cut"), SEGMENTER, MinYiSettings.CHINA)) {
            given.upsert(List.of(IndexedMessage.of(raw, analysis)));
            cut.upsert(List.of(IndexedMessage.of(raw, withoutWords)));
            given.refresh();
            cut.refresh();

            for (String query : List.of("扰民", "噪音扰民", "广场舞", "城管 处理", "休息", "a3区", "A3区")) {
                SearchHit a = single(given, query);
                SearchHit b = single(cut, query);
                assertEquals(b.titleHighlight(), a.titleHighlight(), query);
                assertEquals(b.textHighlight(), a.textHighlight(), query);
            }
            assertNull(given.get("m1").orElseThrow().analysis().textWords(), "index words are not stored");
        }
    }

    private static SearchHit single(LuceneMessageIndex index, String query) {
        var result = index.search(SearchQuery.of(MessageFilter.text(query)));
        assertEquals(1, result.total(), query);
        return result.hits().getFirst();
    }
}
