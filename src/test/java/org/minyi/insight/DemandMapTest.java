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
import java.util.Map;
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
import org.minyi.index.TestMessage;
import org.minyi.index.lucene.LuceneMessageIndex;

/**
 * The demand map over a small city: 交通出行 is asked about in both districts (rural A1区, urban A2区) and always
 * answered in two days; 义务教育 only in A1区 (urban streets there) and never answered.
 */
class DemandMapTest {

    private static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");
    private static final Instant T0 = Instant.parse("2024-03-01T02:00:00Z");

    @TempDir
    Path folder;
    private MessageIndex index;

    @BeforeEach
    void city() {
        index = LuceneMessageIndex.open(folder.resolve("index"), new Segmenter(DomainDictionary.load(null)), ZONE);
        List<IndexedMessage> all = new ArrayList<>();
        for (int i = 0; i < 50; i++) {
            all.add(road("r" + i, "A1区", DemandProfile.RURAL, i < 4 ? (i < 3 ? "满意" : "不满意") : null));
            all.add(road("u" + i, "A2区", DemandProfile.URBAN, null));
        }
        for (int i = 0; i < 40; i++) {
            all.add(message("s" + i, "学位不够").at(T0.plusSeconds(i)).region("A1区").sentiment(
                    org.minyi.analysis.Sentiment.NEGATIVE, -0.5).profile(new DemandProfile(List.of("义务教育"),
                    List.of(new DemandProfile.Evidence("学生", "小学生", 0)), List.of(), DemandProfile.URBAN)).build());
        }
        all.add(message("city", "全市的公交").at(T0).region("A市").profile(new DemandProfile(List.of("交通出行"),
                List.of(), List.of(), null)).build());
        index.upsert(all);
        index.commit();
        index.refresh();
    }

    private static IndexedMessage road(String id, String region, String area, String satisfaction) {
        TestMessage m = message(id, "村道坏了").at(T0).region(region)
                .reply("已修", "交通局", T0.plus(Duration.ofDays(2)))
                .profile(new DemandProfile(List.of("交通出行"), List.of(), List.of(), area));
        if (satisfaction != null) {
            m.workOrder("道路", "已办结", satisfaction, "交通局");
        }
        return m.build();
    }

    @AfterEach
    void close() {
        index.close();
    }

    private DemandMap.Answer map(DemandMap.Columns columns) {
        return new DemandMap(index, ZONE).build(MessageFilter.ALL, columns, RegionHierarchy.Level.COUNTY,
                DemandMap.Settings.defaults());
    }

    private static DemandMap.Cell cell(DemandMap.Answer answer, String domain, String column) {
        return answer.cells().stream().filter(c -> c.domain().equals(domain) && c.column().equals(column))
                .findFirst().orElseThrow();
    }

    @Test
    void cellsCountShareRepliesDelayAndSatisfaction() {
        DemandMap.Answer answer = map(DemandMap.Columns.REGION);

        assertThat(answer.messages()).isEqualTo(141);
        assertThat(answer.domains()).containsExactly("交通出行", "义务教育");
        DemandMap.Cell roadsA1 = cell(answer, "交通出行", "A1区");
        assertThat(roadsA1.count()).isEqualTo(50);
        assertThat(roadsA1.share()).isCloseTo(50.0 / 101, within(1e-9));
        assertThat(roadsA1.replyRate()).isEqualTo(1.0);
        assertThat(roadsA1.medianReplyDays()).isCloseTo(2.0, within(1e-9));
        assertThat(roadsA1.rated()).isEqualTo(4);
        assertThat(roadsA1.satisfaction()).isCloseTo(0.75, within(1e-9));
        DemandMap.Cell schools = cell(answer, "义务教育", "A1区");
        assertThat(schools.meanAttitude()).isCloseTo(-0.5, within(1e-9));
        assertThat(schools.replyRate()).isZero();
        assertThat(schools.drill()).isEqualTo(Map.of("domain", "义务教育", "region", "A1区"));
    }

    @Test
    void aCityLevelMessageIsNotSetBesideDistricts() {
        assertThat(map(DemandMap.Columns.REGION).columnValues())
                .containsExactly("A1区", "A2区", "A市" + RegionHierarchy.UNSPLIT_SUFFIX);
        assertThat(new DemandMap(index, ZONE).build(MessageFilter.ALL, DemandMap.Columns.REGION,
                RegionHierarchy.Level.CITY, DemandMap.Settings.defaults()).columnValues()).containsExactly("A市");
    }

    @Test
    void theUrbanRuralGapIsARateRatioWithItsKatzInterval() {
        DemandMap.Gap roads = map(DemandMap.Columns.AREA).urbanRural().stream()
                .filter(g -> g.domain().equals("交通出行")).findFirst().orElseThrow();

        // rural: 50 of 50 messages; urban: 50 of 90
        assertThat(roads.rural().rateA()).isCloseTo(1000, within(1e-9));
        assertThat(roads.rural().rateB()).isCloseTo(1000 * 50.0 / 90, within(1e-9));
        assertThat(roads.rural().ratio()).isCloseTo(1.8, within(1e-9));
        double se = Math.sqrt(1.0 / 50 - 1.0 / 50 + 1.0 / 50 - 1.0 / 90);
        assertThat(roads.rural().low()).isCloseTo(1.8 * Math.exp(-1.959964 * se), within(1e-6));
        assertThat(roads.rural().differs()).isTrue();
    }

    @Test
    void aCellFarBelowItsMarginsIsABlindSpotWithItsPoissonFigure() {
        DemandMap.Answer answer = map(DemandMap.Columns.REGION);

        DemandMap.BlindSpot spot = answer.blindSpots().getFirst();
        assertThat(spot.domain()).isEqualTo("义务教育");
        assertThat(spot.column()).isEqualTo("A2区");
        assertThat(spot.observed()).isZero();
        // margins: 义务教育 40, A2区 50, total 140 (the city-level message is no peer of the districts)
        assertThat(spot.expected()).isCloseTo(40.0 * 50 / 140, within(1e-9));
        assertThat(spot.p()).isCloseTo(Math.exp(-40.0 * 50 / 140), within(1e-12));
        assertThat(answer.blindSpots()).noneMatch(b -> b.domain().equals("交通出行"));
    }

    @Test
    void needsVoicedButNeverAnsweredAreListed() {
        List<DemandMap.SlowReply> slow = map(DemandMap.Columns.REGION).slowReplies();

        assertThat(slow).extracting(DemandMap.SlowReply::domain, DemandMap.SlowReply::column)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("义务教育", "A1区"));
        assertThat(slow.getFirst().replyRate()).isZero();
    }

    @Test
    void groupsAndStagesColumnsPutUnstatedMessagesApart() {
        DemandMap.Answer answer = map(DemandMap.Columns.GROUP);

        assertThat(cell(answer, "义务教育", "学生").count()).isEqualTo(40);
        assertThat(cell(answer, "交通出行", DemandMap.NOT_STATED).count()).isEqualTo(101);
        assertThat(cell(answer, "交通出行", DemandMap.NOT_STATED).drill()).isEqualTo(Map.of("domain", "交通出行"));
    }
}
