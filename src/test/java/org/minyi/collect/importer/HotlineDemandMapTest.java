package org.minyi.collect.importer;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.minyi.MinYiSettings;
import org.minyi.MinYiStack;
import org.minyi.analysis.AnalysisPipeline;
import org.minyi.index.MessageFilter;
import org.minyi.index.lucene.LuceneMessageIndex;
import org.minyi.ingest.Ingestion;
import org.minyi.insight.DemandMap;
import org.minyi.insight.RegionHierarchy;

/**
 * A synthetic 12345 export exercising every field of the {@code hotline-12345} mapping goes through the production
 * pipeline (sentence encoder, service domains, groups, area) into the index and reaches the demand map: every order
 * gets a domain, the handled ones count as replied, and work-order satisfaction shows in the cells.
 */
class HotlineDemandMapTest {

    @TempDir
    Path dir;
    private AnalysisPipeline pipeline;
    private LuceneMessageIndex index;
    private Ingestion ingestion;

    @BeforeEach
    void open() {
        pipeline = MinYiStack.pipeline(MinYiSettings.from(key -> null));
        index = LuceneMessageIndex.open(dir.resolve("index"), pipeline.segmenter(), MinYiSettings.CHINA);
        ingestion = new Ingestion(pipeline, index, 2);
    }

    @AfterEach
    void close() {
        ingestion.close();
        index.close();
        pipeline.close();
    }

    @Test
    void workOrdersReachTheDemandMapWithRepliesAndSatisfaction() throws Exception {
        List<SyntheticWorkOrders.Order> orders = SyntheticWorkOrders.orders(24);
        Path csv = SyntheticWorkOrders.csv(dir.resolve("orders.csv"), SyntheticWorkOrders.HEADER_B, orders);
        new FileImporter().run(csv, ImportOptions.defaults(), ingestion, update -> { });
        ingestion.flush();

        DemandMap.Answer map = new DemandMap(index, MinYiSettings.CHINA).build(MessageFilter.ALL,
                DemandMap.Columns.REGION, RegionHierarchy.Level.COUNTY, DemandMap.Settings.defaults());

        assertThat(map.messages()).as("every order has a service domain").isEqualTo(orders.size());
        assertThat(map.columnValues()).contains("雁塔区", "碑林区", "未央区", "长安区", "莲湖区");
        long rated = map.cells().stream().mapToLong(DemandMap.Cell::rated).sum();
        long handled = orders.stream().filter(o -> o.satisfaction() != null).count();
        assertThat(rated).as("orders rated at the follow-up call, counted once per domain").isGreaterThanOrEqualTo(
                handled);
        assertThat(map.cells()).anySatisfy(c -> assertThat(c.satisfaction()).isBetween(0.0, 1.0));
        assertThat(map.methods().get("slowReplies")).as("every fourth order is still being handled")
                .contains("总体 0.750");
        assertThat(map.cells().stream().map(DemandMap.Cell::domain))
                .as("wages owed on a site are 劳动权益, a bus timetable 交通出行").contains("劳动权益", "交通出行");
    }
}
