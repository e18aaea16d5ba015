package org.minyi.insight;

import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.minyi.insight.Messages.message;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.time.ZoneId;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.minyi.analysis.Sentiment;

class HotspotReportTest {

    @Test
    void eachHotspotShowsPlaceTimeSpanCountWhyAndRepresentativeMessages() {
        List<String> noise = List.of("餐饮店", "油烟", "噪音");
        List<Hotspot> hotspots = new HotspotDetector(HotspotSettings.defaults(), ZoneId.of("Asia/Shanghai")).detect(
                List.of(message("1", "2019-08-01", "环境保护", "A5区", List.of("魅力之城小区"), noise, 1L,
                                Sentiment.NEGATIVE, 2),
                        message("2", "2019-08-05", "环境保护", "A5区", List.of("魅力之城小区"), noise, 0xF0F0L,
                                Sentiment.NEGATIVE, 0)));
        StringWriter text = new StringWriter();

        new HotspotReport(ZoneId.of("Asia/Shanghai")).print(hotspots, new PrintWriter(text), id -> "title " + id);

        String report = text.toString();
        assertTrue(report.contains("1. 魅力之城小区"), report);
        assertTrue(report.contains("2019-08-01 – 2019-08-05 · 2 messages · 2 votes"), report);
        assertTrue(report.contains("heat "), report);
        assertTrue(report.contains("burst: "), report);
        assertTrue(report.contains("• [1 2019-08-01, 2 votes]"), report);
        assertTrue(report.contains("     2  title 2"), report);
    }
}
