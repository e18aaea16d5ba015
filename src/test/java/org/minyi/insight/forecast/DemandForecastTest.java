package org.minyi.insight.forecast;

import static org.assertj.core.api.Assertions.assertThat;
import static org.minyi.index.TestMessage.message;

import java.nio.file.Path;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
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
import org.minyi.index.lucene.LuceneMessageIndex;

/**
 * The last period is left out when it is not over: twelve whole weeks of 20 交通出行 messages a day's worth each, then
 * a week cut short on its Tuesday (the data stop there, or today is that Tuesday).
 */
class DemandForecastTest {

    private static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");
    /** A Monday. */
    private static final LocalDate FIRST = LocalDate.of(2024, 1, 1);
    private static final LocalDate LAST_WEEK = FIRST.plusWeeks(12);

    @TempDir
    Path folder;
    private MessageIndex index;

    @BeforeEach
    void weeks() {
        index = LuceneMessageIndex.open(folder.resolve("index"), new Segmenter(DomainDictionary.load(null)), ZONE);
        List<IndexedMessage> all = new ArrayList<>();
        for (int w = 0; w < 12; w++) {
            for (int i = 0; i < 20; i++) {
                all.add(road("w" + w + "-" + i, FIRST.plusWeeks(w).plusDays(i % 7)));
            }
        }
        all.add(road("cut-1", LAST_WEEK));
        all.add(road("cut-2", LAST_WEEK.plusDays(1)));
        index.upsert(all);
        index.commit();
        index.refresh();
    }

    private static IndexedMessage road(String id, LocalDate day) {
        return message(id, "村道坏了").at(day.atTime(10, 0).atZone(ZONE).toInstant()).region("A1区")
                .profile(new DemandProfile(List.of("交通出行"), List.of(), List.of(), null)).build();
    }

    @AfterEach
    void close() {
        index.close();
    }

    private DemandForecast.Answer forecast(LocalDate today) {
        return DemandForecast.of(index, MessageFilter.ALL, PeriodCounts.Interval.WEEK, ZONE, 2, 6,
                PeriodCounts.By.DOMAIN, Locale.ENGLISH, today);
    }

    @Test
    void aWeekTheDataStopInIsLeftOutAndTheForecastStartsWithIt() {
        DemandForecast.Answer answer = forecast(LocalDate.of(2025, 6, 1));

        assertThat(answer.partial()).isEqualTo(LAST_WEEK);
        assertThat(answer.periods()).hasSize(12).doesNotContain(LAST_WEEK);
        DemandForecast.Series roads = answer.series().getFirst();
        assertThat(roads.actual()).containsOnly(20.0);
        assertThat(roads.ahead().getFirst()).isEqualTo(LAST_WEEK);
        // not dragged towards the 2 messages of the cut week
        assertThat(roads.point()[0]).isBetween(18.0, 22.0);
        assertThat(answer.method()).contains("not over");
    }

    @Test
    void theCurrentWeekIsLeftOutUntilItIsOver() {
        assertThat(forecast(LAST_WEEK.plusDays(1)).partial()).isEqualTo(LAST_WEEK);
        // on the Monday after, with the data of that week's last day in, the week would be whole: see PeriodCounts
    }

    @Test
    void aPeriodIsWholeWhenTheCountedTimeReachesItsEndAndNothingIsLeftOutWithoutAKnownEnd() {
        List<LocalDate> weeks = List.of(FIRST, FIRST.plusWeeks(1));
        Map<String, double[]> counts = Map.of("交通出行", new double[]{20, 20});
        LocalDate today = LocalDate.of(2025, 6, 1);

        // the messages reach the Sunday of the second week (end = the Monday after): whole
        PeriodCounts reachingSunday = new PeriodCounts(weeks, counts, FIRST.plusWeeks(2));
        assertThat(reachingSunday.withoutPartialLast(PeriodCounts.Interval.WEEK, today).periods()).hasSize(2);
        // they stop on its Saturday: cut short
        PeriodCounts stoppingSaturday = new PeriodCounts(weeks, counts, FIRST.plusWeeks(2).minusDays(1));
        PeriodCounts whole = stoppingSaturday.withoutPartialLast(PeriodCounts.Interval.WEEK, today);
        assertThat(whole.periods()).containsExactly(FIRST);
        assertThat(whole.counts().get("交通出行")).containsExactly(20.0);
        assertThat(whole.partialLeftOut(stoppingSaturday)).isEqualTo(FIRST.plusWeeks(1));
        // today inside the second week: not over yet, whatever the data say
        assertThat(reachingSunday.withoutPartialLast(PeriodCounts.Interval.WEEK, FIRST.plusWeeks(1).plusDays(6))
                .periods()).containsExactly(FIRST);
        // counts handed over by the service carry no end: already whole periods
        assertThat(new PeriodCounts(weeks, counts).withoutPartialLast(PeriodCounts.Interval.WEEK, today).periods())
                .hasSize(2);
    }
}
