package org.minyi.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.http.HttpResponse;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.test.context.TestPropertySource;
import tools.jackson.databind.JsonNode;

/**
 * GET /api/demand-map/forecast by region: a busy district gets its forecast with bands, a quiet one is left out
 * (and counted), and the method reads Chinese first. Its own service (a property of its own), as it adds messages.
 */
@TestPropertySource(properties = "minyi.test.service=forecast")
class ForecastApiTest extends RunningService {

    private static final LocalDate FIRST_MONDAY = LocalDate.of(2019, 1, 7);
    private static final int WEEKS = 30;
    private static volatile boolean imported;

    /** A3区: 3 messages every week; A5区: one every other week (under 2 a week); all in the manager's view. */
    @BeforeEach
    void timeline() throws Exception {
        importFixture();
        if (imported) {
            return;
        }
        List<String> lines = new ArrayList<>();
        for (int week = 0; week < WEEKS; week++) {
            LocalDate monday = FIRST_MONDAY.plusWeeks(week);
            for (int i = 0; i < 3; i++) {
                lines.add(line("busy-" + week + "-" + i, "A3区", monday.plusDays(i), "A3区桂花路路灯不亮，晚上出行不安全，请修复。"));
            }
            if (week % 2 == 0) {
                lines.add(line("quiet-" + week, "A5区", monday.plusDays(3), "A5区学校门口交通拥堵，建议增派交警疏导。"));
            }
        }
        String boundary = "forecast-fixture";
        String body = "--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"weeks.jsonl\""
                + "\r\nContent-Type: application/octet-stream\r\n\r\n" + String.join("\n", lines) + "\n\r\n--"
                + boundary + "--\r\n";
        HttpResponse<String> started = send(asAdmin("/api/imports")
                .header("Content-Type", "multipart/form-data; boundary=" + boundary).POST(jsonBody(body)));
        assertEquals(202, started.statusCode(), started.body());
        JsonNode job = awaitImport(json.readTree(started.body()).get("id").asString(), 120);
        assertEquals("DONE", job.get("state").asString(), job.toString());
        imported = true;
    }

    private static String line(String id, String region, LocalDate day, String text) {
        return String.format("{\"id\":\"%s\",\"title\":\"%s\",\"text\":\"%s\",\"region\":\"%s\",\"createdAt\":\"%s\","
                + "\"source\":\"forecast-test\",\"channel\":\"board\"}", id, text.substring(0, 8), text, region,
                day.atTime(10, 0).atOffset(ZoneOffset.ofHours(8)));
    }

    private JsonNode forecast(String query) throws Exception {
        return getJson(as("manager", USER_PASSWORD, "/api/demand-map/forecast?source=forecast-test&" + query));
    }

    @Test
    void aRegionWithEnoughMessagesGetsItsForecastWithNestedNonNegativeBands() throws Exception {
        JsonNode answer = forecast("interval=week&by=region&horizon=4");

        assertEquals("region", answer.get("by").asString());
        // the messages stop on the Wednesday of the last week: a week cut short, left out, the forecast starts there
        LocalDate lastMonday = FIRST_MONDAY.plusWeeks(WEEKS - 1);
        assertEquals(lastMonday.toString(), answer.get("partial").asString(), answer.toString());
        assertEquals(WEEKS - 1, answer.get("periods").size());
        assertEquals(1, answer.get("series").size(), answer.toString());
        JsonNode busy = answer.get("series").get(0);
        assertEquals("A3区", busy.get("domain").asString());
        assertEquals(3.0 * (WEEKS - 1), busy.get("total").asDouble());
        assertEquals(4, busy.get("ahead").size());
        assertEquals(lastMonday.toString(), busy.get("ahead").get(0).asString());
        for (int h = 0; h < 4; h++) {
            double point = busy.get("point").get(h).asDouble();
            assertTrue(busy.get("low95").get(h).asDouble() >= 0, busy.toString());
            assertTrue(busy.get("low95").get(h).asDouble() <= busy.get("low80").get(h).asDouble(), busy.toString());
            assertTrue(busy.get("low80").get(h).asDouble() <= point && point <= busy.get("high80").get(h).asDouble(),
                    busy.toString());
            assertTrue(busy.get("high80").get(h).asDouble() <= busy.get("high95").get(h).asDouble(), busy.toString());
        }
    }

    @Test
    void aQuietRegionIsLeftOutAndCounted() throws Exception {
        JsonNode answer = forecast("interval=week&by=region");

        assertEquals(1, answer.get("left").asInt(), "A5区 has one message every other week: " + answer);
        answer.get("series").forEach(s -> assertTrue(!s.get("domain").asString().equals("A5区"), answer.toString()));
    }

    @Test
    void theMethodReadsChineseFirstAndEnglishOnRequest() throws Exception {
        assertTrue(forecast("by=region").get("method").asString().contains("共形"));
        assertTrue(forecast("by=region").get("method").asString().contains("每周至少 2 条"));
        assertTrue(forecast("by=region&lang=en").get("method").asString().contains("conformal"));
    }

    @Test
    void anUnknownGroupingIsABadRequest() throws Exception {
        HttpResponse<String> bad = send(as("manager", USER_PASSWORD, "/api/demand-map/forecast?by=street"));

        assertEquals(400, bad.statusCode(), bad.body());
        JsonNode error = json.readTree(bad.body());
        assertTrue(error.has("code") && error.get("message").asString().contains("domain or region"), bad.body());
    }
}
