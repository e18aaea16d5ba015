package org.minyi.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.http.HttpResponse;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * Issue 18 item 6 over HTTP: a subscription asks for the weekly report with {@code weeklyReport}; it is offered to
 * those who may read briefings, for one region and one topic at most, and refused otherwise with a code and a
 * Chinese reason.
 */
class WeeklyReportApiTest extends RunningService {

    @BeforeEach
    void users() throws Exception {
        importFixture();
    }

    @Test
    void aLeaderAsksForTheWeeklyReportOfOneRegion() throws Exception {
        HttpResponse<String> saved = put("leader", rule("weekly-a3", "leader", "[\"A3区\"]", "[]"));
        assertEquals(200, saved.statusCode(), saved.body());
        assertTrue(json.readTree(saved.body()).path("weeklyReport").asBoolean(), saved.body());
        assertTrue(getJson(as("leader", USER_PASSWORD, "/api/subscriptions/weekly-a3")).path("weeklyReport")
                .asBoolean());

        JsonNode limits = getJson(as("leader", USER_PASSWORD, "/api/alerts/limits"));
        assertTrue(limits.path("weeklyReport").asBoolean());
        assertEquals("每周一 08:00（北京时间）", limits.path("weeklyReportAt").asString());
    }

    @Test
    void aWeeklyReportOfTwoTopicsIsRefusedWithItsCode() throws Exception {
        HttpResponse<String> refused = put("leader", rule("weekly-two", "leader", "[]", "[\"交通\",\"城乡建设\"]"));
        assertEquals(400, refused.statusCode());
        JsonNode error = json.readTree(refused.body());
        assertEquals("subscription.weekly_report.topics", error.path("code").asString());
        assertTrue(error.path("message").asString().startsWith("周报按一个主题或全部主题生成"), refused.body());
    }

    @Test
    void aSubscriberWhoMayNotReadBriefingsCannotAskForTheWeeklyReport() throws Exception {
        HttpResponse<String> refused = put("subscriber", rule("weekly-sub", "subscriber", "[]", "[]"));
        assertEquals(400, refused.statusCode());
        assertEquals("subscription.weekly_report.forbidden", json.readTree(refused.body()).path("code").asString());
        assertEquals(404, send(as("subscriber", USER_PASSWORD, "/api/subscriptions/weekly-sub")).statusCode(),
                "nothing was saved");
        assertFalse(getJson(as("subscriber", USER_PASSWORD, "/api/alerts/limits")).path("weeklyReport").asBoolean());
    }

    private HttpResponse<String> put(String user, String body) throws Exception {
        String id = json.readTree(body).path("id").asString();
        return send(as(user, USER_PASSWORD, "/api/subscriptions/" + id)
                .header("Content-Type", "application/json").PUT(jsonBody(body)));
    }

    private static String rule(String id, String subscriber, String regions, String topics) {
        return "{\"id\":\"" + id + "\",\"subscriber\":\"" + subscriber + "\",\"regions\":" + regions
                + ",\"topics\":" + topics + ",\"weeklyReport\":true,"
                + "\"destination\":{\"type\":\"wecom\",\"url\":\"https://203.0.113.9/cgi-bin/webhook/send?key=k\"}}";
    }
}
