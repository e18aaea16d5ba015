package org.minyi.collect.importer;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.minyi.MinYiSettings;
import org.minyi.analysis.AnalysisPipeline;
import org.minyi.analysis.DomainDictionary;
import org.minyi.analysis.Segmenter;
import org.minyi.analysis.Sentiment;
import org.minyi.analysis.SentimentPrediction;
import org.minyi.analysis.TopicPrediction;
import org.minyi.index.lucene.LuceneMessageIndex;
import org.minyi.ingest.Ingestion;
import org.minyi.message.Message;

/** Work orders go through analysis and the Lucene index and come back with their work-order fields intact. */
class HotlineIndexingTest {

    private static final Segmenter SEGMENTER = new Segmenter(DomainDictionary.load(null));
    private static final AnalysisPipeline PIPELINE = AnalysisPipeline.create(SEGMENTER,
            (tokens, text) -> new TopicPrediction("城乡建设", 0.9),
            (words, text) -> new SentimentPrediction(Sentiment.NEGATIVE, -0.5));

    @TempDir
    Path dir;

    private LuceneMessageIndex index;
    private Ingestion ingestion;

    @BeforeEach
    void open() {
        index = LuceneMessageIndex.open(dir.resolve("index"), SEGMENTER, MinYiSettings.CHINA);
        ingestion = new Ingestion(PIPELINE, index, 2);
    }

    @AfterEach
    void close() {
        ingestion.close();
        index.close();
    }

    @Test
    void workOrderFieldsAndTheDepartmentAsReplyingAgencySurviveTheIndex() throws IOException {
        SyntheticWorkOrders.Order order = SyntheticWorkOrders.orders(1).getFirst();
        Path csv = SyntheticWorkOrders.csv(dir.resolve("one.csv"), SyntheticWorkOrders.HEADER_A, List.of(order));

        new FileImporter().run(csv, ImportOptions.defaults(), ingestion, update -> { });
        ingestion.flush();

        Message stored = index.get("hotline-12345:" + order.id()).orElseThrow().message();
        assertThat(stored.workOrder()).isEqualTo(new Message.WorkOrder(order.category(), order.status(),
                order.satisfaction(), order.department()));
        assertThat(stored.reply().agency()).isEqualTo(order.department());
    }

    @Test
    void aLaterExportOfTheSameOrderUpdatesItsStatusAndKeepsWhatTheLaterOneLacks() throws IOException {
        SyntheticWorkOrders.Order open = SyntheticWorkOrders.orders(4).get(3);
        SyntheticWorkOrders.Order closed = new SyntheticWorkOrders.Order(open.id(), open.calledAt(), open.region(),
                open.category(), open.content(), open.department(), "已办结", "已处理完毕", open.calledAt().plusDays(2),
                "满意");
        new FileImporter().run(SyntheticWorkOrders.csv(dir.resolve("monday.csv"), SyntheticWorkOrders.HEADER_A,
                List.of(open)), ImportOptions.defaults(), ingestion, update -> { });
        ingestion.flush();
        new FileImporter().run(SyntheticWorkOrders.csv(dir.resolve("friday.csv"), SyntheticWorkOrders.HEADER_A,
                List.of(closed)), ImportOptions.defaults(), ingestion, update -> { });
        ingestion.flush();

        assertThat(index.count()).isEqualTo(1);
        Message stored = index.get("hotline-12345:" + open.id()).orElseThrow().message();
        assertThat(stored.workOrder().status()).isEqualTo("已办结");
        assertThat(stored.workOrder().satisfaction()).isEqualTo("满意");
        assertThat(stored.workOrder().category()).isEqualTo(open.category());
    }
}
