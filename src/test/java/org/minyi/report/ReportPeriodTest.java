package org.minyi.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import java.time.ZoneId;
import org.junit.jupiter.api.Test;

/** Which days a briefing covers, and the periods it is compared with (环比, 同比). */
class ReportPeriodTest {

    private static final LocalDate WEDNESDAY = LocalDate.parse("2019-03-20");

    @Test
    void aWeekRunsMondayToSundayAroundTheDate() {
        ReportPeriod week = ReportPeriod.of(ReportKind.WEEKLY, WEDNESDAY);
        assertThat(week.first()).isEqualTo("2019-03-18");
        assertThat(week.last()).isEqualTo("2019-03-24");
        assertThat(week.previous().first()).isEqualTo("2019-03-11");
        assertThat(week.previous().last()).isEqualTo("2019-03-17");
        assertThat(week.yearAgo().first()).as("the same ISO week a year before").isEqualTo("2018-03-19");
        assertThat(week.chinese()).isEqualTo("2019年第12周（2019-03-18 至 2019-03-24）");
    }

    @Test
    void aMonthIsTheCalendarMonthAndItsPreviousIsTheMonthBefore() {
        ReportPeriod march = ReportPeriod.of(ReportKind.MONTHLY, LocalDate.parse("2019-03-31"));
        assertThat(march.first()).isEqualTo("2019-03-01");
        assertThat(march.last()).isEqualTo("2019-03-31");
        assertThat(march.previous().first()).isEqualTo("2019-02-01");
        assertThat(march.previous().last()).as("February has 28 days in 2019").isEqualTo("2019-02-28");
        assertThat(march.yearAgo().first()).isEqualTo("2018-03-01");
        assertThat(march.chinese()).isEqualTo("2019年3月");
    }

    @Test
    void aDayComparesWithTheDayBeforeAndTheSameDayAYearBefore() {
        ReportPeriod day = ReportPeriod.of(ReportKind.DAILY, WEDNESDAY);
        assertThat(day.previous().first()).isEqualTo("2019-03-19");
        assertThat(day.yearAgo().first()).isEqualTo("2018-03-20");
        assertThat(day.chinese()).isEqualTo("2019年3月20日");
    }

    @Test
    void daysAreCutInTheServiceZone() {
        ReportPeriod day = ReportPeriod.of(ReportKind.DAILY, WEDNESDAY);
        ZoneId shanghai = ZoneId.of("Asia/Shanghai");
        assertThat(day.start(shanghai)).hasToString("2019-03-19T16:00:00Z");
        assertThat(day.end(shanghai)).as("exclusive: the next day's start").hasToString("2019-03-20T16:00:00Z");
    }

    @Test
    void aSpecialReportNamesItsDaysAndCannotEndBeforeItStarts() {
        assertThatThrownBy(() -> ReportPeriod.of(ReportKind.SPECIAL, WEDNESDAY)).hasMessageContaining("专报");
        assertThatThrownBy(() -> new ReportPeriod(ReportKind.SPECIAL, WEDNESDAY, WEDNESDAY.minusDays(1)))
                .hasMessageContaining("before");
    }
}
