package org.minyi.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.http.HttpResponse;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/** Saved searches (专题): who sees and changes them, their counts and trend, and how a bad expression is refused. */
class SavedSearchApiTest extends RunningService {

    @BeforeEach
    void fixture() throws Exception {
        importFixture();
    }

    @Test
    void aSavedSearchSharedWithLeadersIsTheirsToReadAndCountButNotToChange() throws Exception {
        JsonNode saved = create("manager", "{\"name\":\"路灯专题\",\"query\":\"路灯 -物业\",\"regions\":[\"A3区\"],\"sources\":[\"web-test\"],"
                + "\"sharedWith\":[\"leader\"]}");
        String id = saved.get("id").asString();
        assertEquals("manager", saved.get("owner").asString());

        JsonNode listed = getJson(as("leader", USER_PASSWORD, "/api/saved-searches"));
        assertTrue(listed.toString().contains(id), listed.toString());
        JsonNode overview = getJson(as("leader", USER_PASSWORD, "/api/saved-searches/" + id
                + "/overview?from=2019-04-01&to=2019-04-30&interval=month"));
        assertEquals(1, overview.get("total").asInt(), "w4 in April: " + overview);
        assertEquals(1, overview.get("previousTotal").asInt(), "w1 in the 30 days before: " + overview);
        assertEquals(1, overview.get("points").size());

        HttpResponse<String> change = send(as("leader", USER_PASSWORD, "/api/saved-searches/" + id)
                .header("Content-Type", "application/json").PUT(jsonBody("{\"name\":\"改名\",\"query\":\"路灯\"}")));
        assertEquals(403, change.statusCode(), change.body());
        assertEquals("forbidden", json.readTree(change.body()).get("code").asString());
        assertTrue(json.readTree(change.body()).get("message").asString().contains("只有创建者和管理员可以修改"));
        assertEquals(204, send(as("manager", USER_PASSWORD, "/api/saved-searches/" + id).DELETE()).statusCode());
    }

    @Test
    void aSavedSearchNotSharedIsInvisibleToOthers() throws Exception {
        String id = create("manager", "{\"name\":\"私人专题\",\"query\":\"噪音\"}").get("id").asString();

        assertEquals(404, send(as("leader", USER_PASSWORD, "/api/saved-searches/" + id)).statusCode());
        assertTrue(!getJson(as("leader", USER_PASSWORD, "/api/saved-searches")).toString().contains(id));
        assertEquals(200, send(asAdmin("/api/saved-searches/" + id)).statusCode(), "admins see every one");
        assertEquals(403, send(as("subscriber", USER_PASSWORD, "/api/saved-searches")).statusCode());
    }

    @Test
    void anAlertRuleMayWatchASavedSearchItsOwnerCanSeeAndNoOther() throws Exception {
        String mine = create("manager", "{\"name\":\"噪音专题\",\"query\":\"噪音 -表扬\"}").get("id").asString();
        HttpResponse<String> adminsOwn = send(asAdmin("/api/saved-searches").header("Content-Type", "application/json")
                .POST(jsonBody("{\"name\":\"管理员专题\",\"query\":\"路灯\"}")));
        assertEquals(201, adminsOwn.statusCode(), adminsOwn.body());
        String others = json.readTree(adminsOwn.body()).get("id").asString();
        String rule = "{\"id\":\"%s\",\"subscriber\":\"manager\",\"savedSearch\":\"%s\","
                + "\"destination\":{\"type\":\"webhook\",\"url\":\"https://203.0.113.9/hook\",\"secret\":\"s\"}}";

        HttpResponse<String> watching = send(as("manager", USER_PASSWORD, "/api/subscriptions/noise-watch")
                .header("Content-Type", "application/json").PUT(jsonBody(rule.formatted("noise-watch", mine))));
        assertEquals(200, watching.statusCode(), watching.body());
        assertEquals(mine, json.readTree(watching.body()).get("savedSearch").asString());

        HttpResponse<String> notVisible = send(as("manager", USER_PASSWORD, "/api/subscriptions/lamp-watch")
                .header("Content-Type", "application/json").PUT(jsonBody(rule.formatted("lamp-watch", others))));
        assertEquals(404, notVisible.statusCode(), notVisible.body());
        assertEquals(204, send(as("manager", USER_PASSWORD, "/api/subscriptions/noise-watch").DELETE()).statusCode());
    }

    @Test
    void theOverviewListsEverySavedSearchWithItsCounts() throws Exception {
        String id = create("manager", "{\"name\":\"路灯\",\"query\":\"路灯\",\"sources\":[\"web-test\"],\"sentiments\":[\"negative\",\"neutral\","
                + "\"positive\"]}").get("id").asString();

        JsonNode overview = getJson(as("manager", USER_PASSWORD, "/api/saved-searches/overview?interval=month"));
        JsonNode mine = null;
        for (JsonNode entry : overview) {
            if (entry.get("search").get("id").asString().equals(id)) {
                mine = entry;
            }
        }
        assertEquals(2, mine.get("total").asInt(), overview.toString());
        assertTrue(!mine.has("previousTotal"), "no period, nothing to compare with: " + mine);
    }

    @Test
    void aBadExpressionOrNameIsRefusedWithWhereAndWhy() throws Exception {
        HttpResponse<String> bad = send(as("manager", USER_PASSWORD, "/api/saved-searches")
                .header("Content-Type", "application/json")
                .POST(jsonBody("{\"name\":\"坏的\",\"query\":\"路灯 +(噪音|漏水\"}")));
        assertEquals(400, bad.statusCode(), bad.body());
        JsonNode error = json.readTree(bad.body());
        assertEquals("query.syntax", error.get("code").asString(), bad.body());
        assertEquals(4, error.get("position").asInt(), bad.body());
        assertTrue(error.get("message").asString().contains("第 5 个字符"), bad.body());

        HttpResponse<String> unnamed = send(as("manager", USER_PASSWORD, "/api/saved-searches")
                .header("Content-Type", "application/json").POST(jsonBody("{\"query\":\"路灯\"}")));
        assertEquals(400, unnamed.statusCode(), unnamed.body());
        assertEquals("saved_search.name", json.readTree(unnamed.body()).get("code").asString(), unnamed.body());
        assertTrue(json.readTree(unnamed.body()).get("message").asString().contains("名称"), unnamed.body());
    }

    private JsonNode create(String user, String body) throws Exception {
        HttpResponse<String> created = send(as(user, USER_PASSWORD, "/api/saved-searches")
                .header("Content-Type", "application/json").POST(jsonBody(body)));
        assertEquals(201, created.statusCode(), created.body());
        return json.readTree(created.body());
    }
}
