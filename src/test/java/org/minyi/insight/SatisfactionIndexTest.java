package org.minyi.insight;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.minyi.index.TestMessage.message;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.minyi.analysis.DemandProfile;
import org.minyi.analysis.DomainDictionary;
import org.minyi.analysis.Segmenter;
import org.minyi.index.IndexedMessage;
import org.minyi.index.MessageFilter;
import org.minyi.index.MessageIndex;
import org.minyi.index.lucene.LuceneMessageIndex;

/** The 满意度 index: its parts, the formula, repeats and the ranking. */
class SatisfactionIndexTest {

    private static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");
    private static final Instant T0 = Instant.parse("2024-03-01T02:00:00Z");

    @TempDir
    Path folder;
    private MessageIndex index;

    @BeforeEach
    void departments() {
        index = LuceneMessageIndex.open(folder.resolve("index"), new Segmenter(DomainDictionary.load(null)), ZONE);
        List<IndexedMessage> all = new ArrayList<>();
        DemandProfile roads = new DemandProfile(List.of("交通出行"), List.of(), List.of(), null);
        // 交通局: 4 different orders answered in 2 days, 3 of 4 satisfied
        for (int i = 0; i < 4; i++) {
            all.add(message("t" + i, "道路 " + i).at(T0.plus(Duration.ofDays(10L * i))).region("A1区").profile(roads)
                    .simhash(0xFFL << (16 * i)) // four different complaints
                    .reply("已修", "交通局", T0.plus(Duration.ofDays(10L * i + 2)))
                    .workOrder("道路", "已办结", i == 0 ? "不满意" : "满意", "交通局").build());
        }
        // 城管局: 2 of 4 answered, after 20 days, no work orders; the same complaint twice within 90 days
        DemandProfile streets = new DemandProfile(List.of("城市管理"), List.of(), List.of(), null);
        for (int i = 0; i < 4; i++) {
            var m = message("c" + i, "摊贩占道").at(T0.plus(Duration.ofDays(5L * i))).region("A2区").profile(streets);
            if (i < 2) {
                m.reply("已处理", "城管局", T0.plus(Duration.ofDays(5L * i + 20)));
            }
            all.add(m.build());
        }
        index.upsert(all);
        index.commit();
        index.refresh();
    }

    @AfterEach
    void close() {
        index.close();
    }

    @Test
    void departmentsAreRankedByTheIndexWithEveryPartInView() {
        SatisfactionIndex.Answer answer = SatisfactionIndex.of(index, MessageFilter.ALL, SatisfactionIndex.By.DEPARTMENT,
                1);

        assertThat(answer.rows()).extracting(SatisfactionIndex.Row::name).containsExactly("交通局", "城管局");
        SatisfactionIndex.Row roads = answer.rows().getFirst();
        assertThat(roads.replyRate()).isEqualTo(1.0);
        assertThat(roads.timely()).isEqualTo(1.0);
        assertThat(roads.satisfied()).isEqualTo(0.75);
        assertThat(roads.repeatShare()).isZero();
        assertThat(roads.index()).isCloseTo(100 * (0.35 + 0.25 + 0.25 * 0.75 + 0.15), within(1e-9));
        assertThat(answer.formula()).as("Chinese first").contains("0.35 × 答复率", "15 天内", "SimHash");
        assertThat(SatisfactionIndex.of(index, MessageFilter.ALL, SatisfactionIndex.By.DEPARTMENT, 1,
                java.util.Locale.ENGLISH).formula()).contains("0.35 × reply rate", "15 days", "SimHash");
    }

    @Test
    void aPartWithoutDataDropsOutAndRepeatsCount() {
        SatisfactionIndex.Row streets = SatisfactionIndex.of(index, MessageFilter.ALL, SatisfactionIndex.By.DOMAIN, 1)
                .rows().stream().filter(r -> r.name().equals("城市管理")).findFirst().orElseThrow();

        assertThat(streets.rated()).isZero();
        assertThat(streets.satisfied()).isNaN();
        assertThat(streets.timely()).isZero(); // answered after 20 days
        // the same text at the same place: the 2nd, 3rd and 4th repeat the first within 90 days
        assertThat(streets.repeatShare()).isEqualTo(0.75);
        double expected = 100 * (0.35 * 0.5 + 0.25 * 0 + 0.15 * 0.25) / (0.35 + 0.25 + 0.15);
        assertThat(streets.index()).isCloseTo(expected, within(1e-9));
    }
}
