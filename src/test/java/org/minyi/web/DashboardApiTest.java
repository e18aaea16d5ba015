package org.minyi.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.HashMap;
import java.util.Map;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/** The endpoints added for the web pages: reply timeliness, export, dictionary words, the start page. */
class DashboardApiTest extends RunningService {

    @BeforeEach
    void fixture() throws Exception {
        importFixture();
    }

    @Test
    void timelinessGivesSharesAnsweredWithin1And7And30DaysByAgency() throws Exception {
        JsonNode report = getJson(as("leader", USER_PASSWORD, "/api/timeliness"));
        assertEquals(4, report.get("replied").asInt(), "w5 and w6 have no reply");
        assertEquals(6, report.get("matching").asInt(), "every fixture message matches");
        Map<String, JsonNode> byAgency = new HashMap<>();
        report.get("agencies").forEach(a -> byAgency.put(a.get("agency").asString(), a));
        // 市住建局 answered w1 after 10 hours, w2 after 3 days, w4 after 41 days
        JsonNode housing = byAgency.get("市住建局");
        assertEquals(3, housing.get("replied").asInt());
        assertEquals(1 / 3.0, housing.get("within1Day").asDouble(), 1e-9);
        assertEquals(2 / 3.0, housing.get("within7Days").asDouble(), 1e-9);
        assertEquals(2 / 3.0, housing.get("within30Days").asDouble(), 1e-9);
        JsonNode all = report.get("agencies").get(0);
        assertEquals(ReplyTimeliness.ALL_AGENCIES, all.get("agency").asString(), "the total comes first");
        assertEquals(0.75, all.get("within30Days").asDouble(), 1e-9);
    }

    @Test
    void timelinessFollowsTheFilters() throws Exception {
        JsonNode report = getJson(as("leader", USER_PASSWORD, "/api/timeliness?region=" + enc("A5区")));
        assertEquals(1, report.get("replied").asInt());
        assertEquals("市公安局交警支队", report.get("agencies").get(1).get("agency").asString());
    }

    @Test
    void theListOfHotspotsCountsEachIssuesMembersAndNamesOnlyItsEarliestNotEveryId() throws Exception {
        JsonNode hot = getJson(as("leader", USER_PASSWORD, "/api/hotspots?from=2019-03-01&to=2019-04-30&limit=10"));
        assertTrue(hot.get("hotspots").size() >= 1, hot.toString());
        for (JsonNode view : hot.get("hotspots")) {
            JsonNode issue = view.get("hotspot");
            String messages = "/api/hotspots/" + enc(issue.get("id").asString()) + "/messages";
            JsonNode members = getJson(as("leader", USER_PASSWORD, messages + "?size=200&order=oldest"));
            java.util.List<String> memberIds = new java.util.ArrayList<>();
            members.get("hits").forEach(h -> memberIds.add(h.get("message").get("id").asString()));

            assertFalse(issue.has("messageIds"), "every id of a large issue made the list megabytes: " + issue);
            assertEquals(members.get("total").asInt(), issue.get("memberCount").asInt(), "its size, all members");
            assertEquals(issue.get("messageCount").asInt(), issue.get("memberCount").asInt());
            JsonNode sample = issue.get("sampleMessageIds");
            assertTrue(sample.size() >= 1 && sample.size() <= 20, "at most 20 ids: " + sample);
            java.util.List<String> sampleIds = new java.util.ArrayList<>();
            sample.forEach(m -> sampleIds.add(m.asString()));
            assertEquals(memberIds.subList(0, sampleIds.size()), sampleIds, "members, earliest first");
        }
        JsonNode detail = getJson(as("leader", USER_PASSWORD, "/api/hotspots/"
                + enc(hot.get("hotspots").get(0).get("hotspot").get("id").asString())));
        assertFalse(detail.get("view").get("hotspot").has("messageIds"), "the page of one issue answers the same");
        assertTrue(detail.get("view").get("hotspot").has("memberCount"));
    }

    @Test
    void aHotspotsMessagesArePagedAndSearchedByItsOwnEndpointWithoutAListOfIds() throws Exception {
        JsonNode hot = getJson(as("leader", USER_PASSWORD, "/api/hotspots?from=2019-03-01&to=2019-04-30&limit=10"));
        JsonNode issue = hot.get("hotspots").get(0).get("hotspot");
        String id = issue.get("id").asString();
        int members = issue.get("messageCount").asInt();
        assertTrue(members >= 2, "the fixture's 桂花路 street-light messages are one issue: " + issue);
        String messages = "/api/hotspots/" + enc(id) + "/messages";

        JsonNode first = getJson(as("leader", USER_PASSWORD, messages + "?size=1"));
        JsonNode second = getJson(as("leader", USER_PASSWORD, messages + "?size=1&page=1"));
        assertEquals(members, first.get("total").asInt(), "every member, whatever the page");
        assertEquals(1, first.get("hits").size());
        String firstId = first.get("hits").get(0).get("message").get("id").asString();
        String secondId = second.get("hits").get(0).get("message").get("id").asString();
        assertFalse(firstId.equals(secondId), "page 2 holds the next member");
        JsonNode after = getJson(as("leader", USER_PASSWORD, messages + "?size=1&after="
                + enc(first.get("next").asString())));
        assertEquals(secondId, after.get("hits").get(0).get("message").get("id").asString(),
                "the page after page 1 by its cursor, which reaches past the deepest page number too");
        java.util.List<String> ids = new java.util.ArrayList<>();
        issue.get("sampleMessageIds").forEach(m -> ids.add(m.asString()));
        assertTrue(ids.contains(firstId) && ids.contains(secondId), ids + " holds " + firstId + ", " + secondId);

        assertEquals(members, getJson(as("leader", USER_PASSWORD, messages + "?q=" + enc("路灯"))).get("total").asInt(),
                "words the members share keep them all");
        assertEquals(0, getJson(as("leader", USER_PASSWORD, messages + "?q=" + enc("交通拥堵"))).get("total").asInt(),
                "words no member holds keep none, though other messages hold them");
        assertEquals(404, send(as("leader", USER_PASSWORD, "/api/hotspots/hs-no-such/messages")).statusCode());
    }

    @Test
    void exportGivesCsvWithMaskedTextAndDefusedFormulas() throws Exception {
        HttpResponse<String> csv = send(as("manager", USER_PASSWORD, "/api/export?format=csv&q=" + enc("路灯")));
        assertEquals(200, csv.statusCode(), csv.body());
        assertTrue(csv.headers().firstValue("Content-Disposition").orElse("").contains("minyi-messages.csv"));
        String body = csv.body();
        assertTrue(body.startsWith("\uFEFF编号,时间,来源,渠道,地区,标题,内容"), body);
        assertTrue(body.contains("2019-03-04 10:00:00,web-test,留言板,A3区"), "Shanghai time, Chinese values: " + body);
        assertTrue(body.contains("w1") && body.contains("w4"), body);
        assertFalse(body.contains(WebFixture.PHONE), "the export holds masked text only");
        assertEquals("'=HYPERLINK(\"x\")", ExportController.defuseFormula("=HYPERLINK(\"x\")"));
        assertEquals("-0.5", ExportController.defuseFormula("-0.5"));
    }

    @Test
    void exportGivesAnXlsxWorkbookWithOneRowPerMessage() throws Exception {
        HttpResponse<byte[]> xlsx = http.send(as("manager", USER_PASSWORD, "/api/export?format=xlsx").build(),
                HttpResponse.BodyHandlers.ofByteArray());
        assertEquals(200, xlsx.statusCode());
        try (XSSFWorkbook workbook = new XSSFWorkbook(new ByteArrayInputStream(xlsx.body()))) {
            Sheet sheet = workbook.getSheet("留言");
            assertEquals("编号", sheet.getRow(0).getCell(0).getStringCellValue());
            assertEquals(WebFixture.COUNT, sheet.getLastRowNum(), "a header and one row per message");
        }
        HttpResponse<String> bad = send(as("manager", USER_PASSWORD, "/api/export?format=pdf"));
        assertEquals(400, bad.statusCode());
        assertTrue(bad.body().contains("unknown export format 'pdf'"), bad.body());
        assertTrue(bad.body().contains("\"code\":\"bad_request\""), bad.body());
    }

    @Test
    void aDictionaryWordAddedByAnAdminIsUsedAtOnceAndKeptInTheDataFolder() throws Exception {
        String text = "{\"id\":\"d\",\"text\":\"请青禾片区管委会尽快处理垃圾堆放问题\"}";
        JsonNode before = analyze(text);
        assertFalse(before.get("departments").toString().contains("青禾片区管委会"), before.toString());

        HttpResponse<String> added = send(asAdmin("/api/dictionary/words").header("Content-Type", "application/json")
                .POST(jsonBody("{\"word\":\"青禾片区管委会\",\"kind\":\"department\"}")));
        assertEquals(201, added.statusCode(), added.body());

        JsonNode after = analyze(text);
        assertTrue(after.get("departments").toString().contains("青禾片区管委会"), after.toString());
        String kept = Files.readString(dataDir.resolve("dictionaries").resolve("admin-words.txt"), StandardCharsets.UTF_8);
        assertTrue(kept.contains("青禾片区管委会 nt 1000"), kept);
        assertEquals(403, send(as("manager", USER_PASSWORD, "/api/dictionary/words").header("Content-Type", "application/json")
                .POST(jsonBody("{\"word\":\"经理词\",\"kind\":\"term\"}"))).statusCode());
    }

    @Test
    void theStartPageDependsOnTheRole() throws Exception {
        HttpResponse<String> leader = send(as("leader", USER_PASSWORD, "/"));
        assertEquals(302, leader.statusCode());
        assertTrue(leader.headers().firstValue("Location").orElse("").endsWith("/dashboard.html"));
        HttpResponse<String> subscriber = send(as("subscriber", USER_PASSWORD, "/"));
        assertTrue(subscriber.headers().firstValue("Location").orElse("").endsWith("/subscriptions.html"));
    }

    @Test
    void echartsIsServedFromTheJarNotACdn() throws Exception {
        HttpResponse<String> script = send(java.net.http.HttpRequest.newBuilder(uri("/_static/echarts/6.0.0/dist/echarts.min.js")));
        assertEquals(200, script.statusCode());
        String page = send(as("leader", USER_PASSWORD, "/dashboard.html")).body();
        assertTrue(page.contains("src=\"/_static/echarts/6.0.0/dist/echarts.min.js\""), page);
        assertFalse(page.contains("//cdn"), page);
    }

    private JsonNode analyze(String body) throws Exception {
        return getJson(asAdmin("/api/analyze").header("Content-Type", "application/json").POST(jsonBody(body)));
    }

    private static String enc(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }
}
