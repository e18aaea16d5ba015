package org.minyi.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.HashMap;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.test.context.TestPropertySource;
import tools.jackson.databind.JsonNode;

/**
 * Issue 18's promise: every figure of a briefing can be had again from the API. A weekly report and a 专报 are
 * generated on {@link BriefingFixture} through {@code /api/reports}; then every footnoted figure is recomputed by
 * calling the API query it records (as a leader, the role that reads briefings) and reading the number it names.
 */
@TestPropertySource(properties = "minyi.report.link-base=http://briefing.test")
class BriefingTraceabilityTest extends RunningService {

    private static final String WEEK = "/api/reports?kind=weekly&date=2019-03-20&format=html";

    @BeforeEach
    void fixture() throws Exception {
        importFixture();
        BriefingFixture.importInto(this);
    }

    @Test
    void everyFigureOfAWeeklyReportIsRecomputedByItsQuery() throws Exception {
        Document report = report(WEEK);
        List<Element> figures = report.select("ol.footnotes > li");
        assertThat(figures).as("a weekly report on the fixture has figures").hasSizeGreaterThan(20);
        Map<String, Integer> byEndpoint = new HashMap<>();
        for (Element figure : figures) {
            double recomputed = BriefingFigures.recompute(this, figure);
            double recorded = Double.parseDouble(figure.attr("data-value"));
            assertEquals(recorded, recomputed, 1e-9, "figure " + figure.id() + " (" + figure.text() + ")");
            byEndpoint.merge(figure.attr("data-api").replaceAll("\\?.*", ""), 1, Integer::sum);
        }
        assertThat(byEndpoint).as("counts, reply timeliness, hot issues and department satisfaction are all traced")
                .containsKeys("/api/search", "/api/timeliness", "/api/hotspots", "/api/demand-map/satisfaction");
    }

    @Test
    void everyFigureMarkerInTheTextPointsAtAFootnote() throws Exception {
        Document report = report(WEEK);
        int footnotes = report.select("ol.footnotes > li").size();
        List<Element> markers = report.select("sup a");
        assertThat(markers).isNotEmpty();
        for (Element marker : markers) {
            String target = marker.attr("href").substring(1);
            assertThat(report.getElementById(target)).as("footnote %s", target).isNotNull();
            int n = Integer.parseInt(target.substring("fig-".length()));
            assertThat(n).isBetween(1, footnotes);
        }
        assertThat(report.select("ol.footnotes a").attr("href")).startsWith("http://briefing.test/");
    }

    @Test
    void theWeeklyReportSaysWhatTheFixtureHolds() throws Exception {
        Document report = report(WEEK);
        String text = report.text();
        assertThat(text).contains("2019年第12周（2019-03-18 至 2019-03-24）", "全部地区 · 全部主题");
        assertThat(report.select("h2").eachText()).contains("一、总体态势", "二、热点问题", "三、主要诉求",
                "五、各部门答复时效", "六、各部门满意度", "七、盲区与变化最大的地区和群体", "九、典型留言");
        // 19 fixture messages this week; 13 last week (the web fixture adds w2 on 03-12)
        assertThat(text).contains("本期共收到留言19条，环比上升58.3%（上期12条）");
        assertThat(text).contains("路灯").contains("市住建局");
        // both replying agencies answered 5 or more messages, all within 15 days; 市住建局's are fewer repeats
        assertThat(text).contains("满意度指数最高的是市住建局").contains("最低的是市公安局交警支队");
        // A3区: the street lights and the park this week (13); the fees and the web fixture's w2 last week (6)
        assertThat(text).contains("A3区的留言由上期6条增至13条（增加7条）");
        assertThat(report.select(".chart img").attr("src")).startsWith("data:image/png;base64,");
        assertThat(report.select("ol.quotes li")).hasSizeBetween(3, 5);
        assertThat(report.select("ol.quotes a").attr("href")).startsWith("http://briefing.test/message.html?id=");
    }

    @Test
    void blindSpotsAndTheGroupThatGrewAreStatedAndTraceable() throws Exception {
        Document report = report("/api/reports?kind=weekly&date=2019-04-10&format=html");
        assertThat(report.select("h2").eachText()).anyMatch(h -> h.endsWith("、盲区与变化最大的地区和群体"));
        String text = report.text();
        // six unanswered lift requests in A2区 beside six answered drain complaints in A4区, none the week before
        assertThat(text).containsPattern("“[^”]+”在A2区有6条留言，答复率0\\.0%（总体50\\.0%）");
        assertThat(text).contains("涉及“老年人”的留言由上期0条增至6条（增加6条）");
        assertThat(text).contains("A2区的留言由上期0条增至6条（增加6条）");
        Map<String, Integer> byEndpoint = new HashMap<>();
        for (Element figure : report.select("ol.footnotes > li")) {
            assertEquals(Double.parseDouble(figure.attr("data-value")), BriefingFigures.recompute(this, figure), 1e-9,
                    figure.text());
            byEndpoint.merge(figure.attr("data-api").replaceAll("\\?.*", ""), 1, Integer::sum);
        }
        assertThat(byEndpoint).as("the demand map's cells are traced").containsKey("/api/demand-map");
    }

    @Test
    void aSpecialReportOnTheStreetLightIssueIsTraceableToo() throws Exception {
        JsonNode hot = getJson(as("leader", USER_PASSWORD, "/api/hotspots?from=2019-03-18&to=2019-03-24&limit=100"));
        String id = null;
        for (JsonNode view : hot.get("hotspots")) {
            if (view.get("hotspot").get("label").asString().contains("桂花路")) {
                id = view.get("hotspot").get("id").asString();
            }
        }
        assertThat(id).as("the street-light messages form a hot issue: %s", hot).isNotNull();
        Document report = report("/api/reports?kind=special&from=2019-03-18&to=2019-03-24&format=html&hotspot="
                + enc(id));
        assertThat(report.select("h2").eachText()).as("numbered in order, whatever was left out")
                .startsWith("一、概况", "二、时间线").anyMatch(h -> h.endsWith("、答复情况"));
        List<Element> figures = report.select("ol.footnotes > li");
        assertThat(figures).hasSizeGreaterThan(3);
        for (Element figure : figures) {
            assertEquals(Double.parseDouble(figure.attr("data-value")), BriefingFigures.recompute(this, figure), 1e-9, figure.text());
        }
    }

    @Test
    void whoMadeWhichReportIsInTheAuditLog() throws Exception {
        report(WEEK);
        JsonNode page = getJson(asAdmin("/api/audit?size=50&action=report&user=leader"));
        assertThat(page.get("total").asLong()).isPositive();
        assertThat(page.get("events").get(0).get("detail").asString()).contains("kind=weekly", "date=2019-03-20");
        assertThat(page.get("events").get(0).get("status").asInt()).isEqualTo(200);
    }

    @Test
    void badRequestsAreAnsweredWithReasons() throws Exception {
        HttpResponse<String> noDate = send(as("leader", USER_PASSWORD, "/api/reports?kind=weekly"));
        assertEquals(400, noDate.statusCode());
        assertThat(noDate.body()).contains("date");
        HttpResponse<String> badKind = send(as("leader", USER_PASSWORD, "/api/reports?kind=yearly&date=2019-03-20"));
        assertEquals(400, badKind.statusCode());
        assertThat(badKind.body()).contains("yearly");
        HttpResponse<String> noIssue = send(as("leader", USER_PASSWORD,
                "/api/reports?kind=special&from=2019-03-18&to=2019-03-24&hotspot=no-such-issue"));
        assertEquals(400, noIssue.statusCode());
        assertThat(noIssue.body()).contains("no-such-issue");
    }

    private Document report(String path) throws Exception {
        HttpResponse<String> response = send(as("leader", USER_PASSWORD, path));
        assertEquals(200, response.statusCode(), response.body());
        assertThat(response.headers().firstValue("Content-Type").orElse("")).startsWith("text/html");
        return Jsoup.parse(response.body());
    }

    private static String enc(String value) {
        return java.net.URLEncoder.encode(value, StandardCharsets.UTF_8);
    }

}
